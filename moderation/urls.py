"""Admin URLs of the moderation app (mounted under /admin/moderation/ by wagtail_hooks)."""
from django.urls import path

from . import removal_views, views
from .reports import AuditReportView

app_name = "moderation"
urlpatterns = [
    path("confidentiality/<int:pk>/", views.confidentiality_review, name="confidentiality_review"),
    path("pages/<int:page_id>/confidentiality/", views.page_confidentiality_reviews, name="page_confidentiality_reviews"),
    path("pages/<int:page_id>/request-removal/", removal_views.request_removal, name="request_removal"),
    path("audit/", AuditReportView.as_view(), name="audit_report"),
    path("audit/results/", AuditReportView.as_view(results_only=True), name="audit_report_results"),
]
