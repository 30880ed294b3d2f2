from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site

from sections.models.tree import live_tree


def site_map(request):
    """网站地图: every live column of the current language's site, nested."""
    site = Site.find_for_request(request)
    root = site.root_page.localized if site else None
    nodes = live_tree(root, max_depth=4, locale=Locale.get_active()) if root else []
    return render(request, "home/site_map.html", {"nodes": nodes, "page_title": _("Site map"), "root": root})
