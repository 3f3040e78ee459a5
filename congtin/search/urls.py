from django.urls import path

from congtin.search import views

app_name = "search"

urlpatterns = [
    path("tim-kiem/", views.search, name="search"),
    path("tim-kiem/opensearch.xml", views.opensearch_description, name="opensearch"),
    path("api/search/", views.search_api, name="api"),
]
