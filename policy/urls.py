from django.urls import path

from . import feeds, views

app_name = "policy"

urlpatterns = [
    path("tags/<str:slug>/", views.tag_page, name="tag"),
    path("tags/<str:slug>/rss/", feeds.TagRssFeed(), name="tag_rss"),
    path("tags/<str:slug>/atom/", feeds.TagAtomFeed(), name="tag_atom"),
]
