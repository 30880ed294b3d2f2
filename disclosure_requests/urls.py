from django.urls import path

from . import views

app_name = "disclosure_requests"

urlpatterns = [
    path("apply/", views.apply, name="apply"),
    path("status/", views.status, name="status"),
    path("status/<str:number>/reply.docx", views.download_reply, name="download_reply"),
    path("status/<str:number>/reply.pdf", views.download_reply, {"extension": "pdf"}, name="download_reply_pdf"),
]
