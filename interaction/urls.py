from django.urls import path

from . import views

app_name = "interaction"

urlpatterns = [
    path("", views.index, name="index"),
    path("write/<slug:channel>/", views.write, name="write"),
    path("received/", views.done, name="done"),
    path("query/", views.query, name="query"),
    path("letters/", views.public_list, name="public_list"),
    path("letters/<str:number>/", views.public_detail, name="public_detail"),
    path("statistics/", views.stats, name="stats"),
    path("policy/<int:page_id>/", views.policy_board, name="policy_board"),
]
