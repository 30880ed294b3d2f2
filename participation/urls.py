from django.urls import path

from . import views

app_name = "participation"
urlpatterns = [
    path("comment/<int:page_id>/", views.comment, name="comment"),
    path("survey/<int:page_id>/", views.survey, name="survey"),
]
