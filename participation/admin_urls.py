from functools import wraps

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import path

from . import admin_views


class _Refusing:
    """Each admin view, answering a wrong role with HTTP 403 (Wagtail would redirect to the dashboard)."""

    def __getattr__(self, name):
        view = getattr(admin_views, name)

        @wraps(view)
        def wrapper(request, *args, **kwargs):
            try:
                return view(request, *args, **kwargs)
            except PermissionDenied:
                return render(request, "participation/admin/refused.html", status=403)

        return wrapper


views = _Refusing()

app_name = "participation_admin"
urlpatterns = [
    path("", views.index, name="admin_index"),
    path("<int:page_id>/comments/", views.comments, name="comments"),
    path("<int:page_id>/comments/export.<str:fmt>", views.export, name="export"),
    path("<int:page_id>/feedback/", views.feedback, name="feedback"),
    path("comment/<int:comment_id>/moderate/", views.moderate, name="moderate"),
    path("comment/<int:comment_id>/mark/", views.mark, name="mark"),
    path("survey/<int:page_id>/", views.survey_results, name="survey_results"),
    path("survey/<int:page_id>/export.<str:fmt>", views.survey_export, name="survey_export"),
]
