from django.urls import path

from congtin.cases.reports import views

app_name = "case_reports"

urlpatterns = [
    path("tong-hop-phan-anh-kien-nghi/", views.public_report, name="public_report"),
]
