from django.urls import path

from congtin.cases import views

app_name = "cases"

urlpatterns = [
    path("tinh-thoi-han/", views.deadline_calculator, name="deadline_calculator"),
]
