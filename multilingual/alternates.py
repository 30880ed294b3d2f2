"""Where the same content lives in each language (switcher and hreflang).

For a page, each language links to the live counterpart page; when there is
none, to the nearest live counterpart ancestor (the section or the home
page). Non-page views (site map, search) map through Django's translate_url.
One query for a routed page (its ancestors are known), two elsewhere, whatever the tree depth.
"""
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from wagtail.models import Page

HREFLANG = {"zh-hans": "zh-Hans", "zh-hant": "zh-Hant"}


@dataclass
class LanguageVersion:
    code: str
    name: str
    url: str
    exact: bool  # True: the same page; False: the nearest translated section/home
    current: bool

    @property
    def hreflang(self):
        return HREFLANG.get(self.code, self.code)


def language_root_url(code):
    with translation.override(code):
        return reverse("wagtail_serve", args=[""])


def language_versions(request, page=None):
    current = translation.get_language()
    languages = list(settings.LANGUAGES)
    if not isinstance(page, Page):
        return [
            LanguageVersion(code, name, translate_url(request.get_full_path(), code), True, code == current)
            for code, name in languages
        ]

    from core import routing

    walked = routing.chain(request, page)  # the routed page's ancestors are known: no query
    if walked is not None:
        lineage = [p.translation_key for p in walked if p.depth > 1]
    else:
        lineage = list(page.get_ancestors(inclusive=True).filter(depth__gt=1).values_list("translation_key", flat=True))
    candidates = (
        Page.objects.live()
        .filter(translation_key__in=lineage, alias_of__isnull=True)
        .select_related("locale")
        .order_by("-depth")
    )
    best = {}
    for candidate in candidates:
        best.setdefault(candidate.locale.language_code, candidate)  # deepest first

    versions = []
    for code, name in languages:
        target = best.get(code)
        if code == page.locale.language_code:
            target = page
        if target is None:
            url, exact = language_root_url(code), False
        else:
            url, exact = target.get_url(request=request), target.translation_key == page.translation_key
        versions.append(LanguageVersion(code, name, url or "/", exact, code == current))
    return versions
