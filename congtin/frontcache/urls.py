from django.urls import path

from congtin.frontcache import views

app_name = "frontcache"

urlpatterns = [
    path("healthz", views.health, name="health"),
]
