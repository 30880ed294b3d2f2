"""RSS and Atom feeds of the documents carrying a tag (django.contrib.syndication)."""
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.contrib.syndication.views import Feed

from .models import PolicyTag
from .views import tagged_documents

FEED_SIZE = 50


class TagRssFeed(Feed):
    def get_object(self, request, slug):
        self.request = request
        return get_object_or_404(PolicyTag, slug=slug[:100])

    def title(self, tag):
        return _("Policy documents tagged %(name)s") % {"name": tag.name}

    def link(self, tag):
        return reverse("policy:tag", args=[tag.slug])

    def description(self, tag):
        return self.title(tag)

    def items(self, tag):
        return tagged_documents(tag)[:FEED_SIZE]

    def item_title(self, item):
        return f"{item.title}（{item.doc_number}）" if item.doc_number else item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(request=self.request) or "/"

    def item_pubdate(self, item):
        return item.first_published_at

    def item_categories(self, item):
        return [item.get_validity_display()]


class TagAtomFeed(TagRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, tag):
        return self.description(tag)
