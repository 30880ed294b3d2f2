from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from ..alternates import language_versions

register = template.Library()


def _versions(request, page):
    """language_versions, once per request and page (the switcher and hreflang both need them)."""
    from django.utils import translation

    key = (getattr(page, "pk", None), request.get_full_path(), translation.get_language())
    memo = getattr(request, "_language_versions", None)
    if memo is None or memo[0] != key:
        memo = (key, language_versions(request, page))
        request._language_versions = memo
    return memo[1]


@register.simple_tag(takes_context=True)
def page_language_versions(context):
    request = context.get("request")
    if request is None:
        return []
    return _versions(request, context.get("page"))


@register.simple_tag(takes_context=True)
def hreflang_links(context):
    """<link rel="alternate" hreflang> for every language the page exists in, plus x-default."""
    request = context.get("request")
    if request is None:
        return ""
    versions = [v for v in _versions(request, context.get("page")) if v.exact]
    if len(versions) < 2:
        return ""
    links = [(v.hreflang, request.build_absolute_uri(v.url)) for v in versions]
    default = links[0][1]  # settings.LANGUAGES[0] is the source language
    links.append(("x-default", default))
    return format_html_join("\n  ", '<link rel="alternate" hreflang="{}" href="{}">', links)


@register.simple_tag
def translator_actions(instance, translation, user):
    """The translation editor's actions for a translator who may not publish, else None.

    wagtail-localize's editor makes the last action it offers its main button: Publish for those who
    may publish, and for a translator of a reviewed language (English) 删除. Their main action is
    提交译文审核 (multilingual/review.py), so the editor template draws this footer for them instead.
    """
    from django.urls import reverse
    from wagtail.models import Page

    from .. import conf

    if not isinstance(instance, Page) or instance.locale.language_code not in conf.reviewed_languages():
        return None
    perms = instance.permissions_for_user(user)
    if perms.can_publish() or not perms.can_edit():
        return None
    edit_url = reverse("wagtailadmin_pages:edit", args=[instance.pk])
    return {
        "submit_url": reverse("multilingual_submit_for_review", args=[instance.pk]),
        "next": reverse("wagtailadmin_explore", args=[instance.get_parent().pk]),
        "edit_url": edit_url,
        "stop_url": reverse("wagtail_localize:stop_translation", args=[translation.pk]),
        "preview_url": reverse("wagtail_localize:preview_translation", args=[translation.pk]),
        "delete_url": reverse("wagtailadmin_pages:delete", args=[instance.pk]) if perms.can_delete() else None,
    }


@register.simple_tag
def translation_editor_labels():
    """Chinese for the two strings wagtail-localize's editor bundle hard-codes (static/multilingual/js/editor_labels.js)."""
    return {"moreActions": _("More actions"), "heading": _("%(source)s to %(target)s translation")}
