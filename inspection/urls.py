from django.urls import path

from . import review_views, views

app_name = "inspection"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("departments/<str:key>/", views.department, name="department"),
    path("findings/<int:finding_id>/acknowledge/", views.acknowledge, name="acknowledge"),
    path("report/", views.report, name="report"),
    path("report.xlsx", views.report_xlsx, name="report_xlsx"),
    path("review/<int:task_state_id>/", review_views.review, name="review"),
]
