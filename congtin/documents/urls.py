from django.urls import path

from congtin.documents import api, views

app_name = "documents"

urlpatterns = [
    path("api/documents/", api.document_list, name="api_list"),
    path("api/documents.csv", api.document_export_csv, name="export_csv"),
    path("api/documents/verify/", api.document_verify, name="api_verify"),
    path("api/documents/files/<int:pk>/", views.attachment_download, name="attachment"),
    # Last: a symbol contains slashes ("/api/documents/09/2017/NĐ-CP/").
    path("api/documents/<path:key>/", api.document_detail, name="api_detail"),
]
