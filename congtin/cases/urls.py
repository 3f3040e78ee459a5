from django.urls import path

from congtin.cases import views

app_name = "cases"

urlpatterns = [
    path("tinh-thoi-han/", views.deadline_calculator, name="deadline_calculator"),
    path("gui-phan-anh/", views.feedback_form, name="feedback"),
    path("yeu-cau-cung-cap-thong-tin/", views.information_request_form, name="information_request"),
    path("da-tiep-nhan/", views.submitted, name="submitted"),
    path("tra-cuu-ho-so/", views.lookup, name="lookup"),
    path("tra-cuu-ho-so/ho-so/", views.lookup_result, name="lookup_result"),
    path("tra-cuu-ho-so/du-lieu/", views.my_data, name="my_data"),
    path("tra-cuu-ho-so/du-lieu.json", views.my_data_json, name="my_data_json"),
    path("tra-cuu-ho-so/xoa-du-lieu/", views.erase_my_data, name="erase_my_data"),
    path("tra-cuu-ho-so/tep/<str:token>/", views.attachment_download, name="attachment"),
    path("ho-so/tep/<int:pk>/", views.staff_attachment_download, name="staff_attachment"),
]
