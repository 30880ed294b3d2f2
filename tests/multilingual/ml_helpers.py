"""Helpers shared by the multilingual tests (imported as a top-level module by pytest)."""
from django.test import Client
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from tests.admin_forms import with_missing_formsets

REVIEWERS_GROUP = "宣传培训处终审复核"
NEWS_EDITORS_GROUP = "宣传培训处"
HANT_PROOFREADERS_GROUP = "繁体中文校对"
EN_TRANSLATORS_GROUP = "英文版翻译"


def login(user):
    client = Client()
    client.force_login(user)
    return client


def article_form(title, paragraphs, slug, summary="", action=None):
    data = nested_form_data({
        "title": title,
        "slug": slug,
        "summary": summary,
        "body": streamfield([("paragraph", rich_text(f"<p>{text}</p>")) for text in paragraphs]),
        "info_source": "",
        "display_date": "",
        "importance": "",
        "reprint_source_site": "",
        "reprint_source_url": "",
        "reprint_time": "",
        "comments": {"TOTAL_FORMS": "0", "INITIAL_FORMS": "0", "MIN_NUM_FORMS": "0", "MAX_NUM_FORMS": "1000"},
    })
    if action:
        data[action] = "1"
    return data


def create_article_via_admin(client, parent, title, paragraphs, slug, summary="", action=None):
    url = f"/admin/pages/add/sections/articlepage/{parent.pk}/"
    response = client.post(url, with_missing_formsets(client, url, article_form(title, paragraphs, slug, summary, action=action)))
    assert response.status_code == 302, response.content.decode()[:3000]
    return Page.objects.get(slug=slug, locale__language_code="zh-hans").specific


def counterpart(page, code):
    return Page.objects.filter(translation_key=page.translation_key, locale__language_code=code).first()


def publish_via_admin(client, page, title, paragraphs, summary=""):
    url = f"/admin/pages/{page.pk}/edit/"
    response = client.post(url, with_missing_formsets(
        client, url, article_form(title, paragraphs, page.slug, summary, action="action-publish")))
    assert response.status_code == 302, response.content.decode()[:3000]
    page.refresh_from_db()
    assert page.live
    return page


def put_segment(client, translation, segment, value):
    from urllib.parse import urlencode

    return client.put(
        f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
        urlencode({"value": value}),
        content_type="application/x-www-form-urlencoded",
    )


def segment_for(translation, path_prefix):
    return translation.source.stringsegment_set.select_related("context", "string").get(
        context__path__startswith=path_prefix
    )


def translation_into(page, code):
    from wagtail_localize.models import Translation

    return Translation.objects.get(source__object_id=page.translation_key, target_locale__language_code=code)


def translate_every_segment(client, translation, english, skip=()):
    """PUT an English translation for each segment through wagtail-localize's editor API."""
    for segment in translation.source.stringsegment_set.select_related("context", "string"):
        if segment.context.path in skip:
            continue
        default = segment.string.data if segment.context.path == "slug" else f"EN {segment.string.data}"
        value = english.get(segment.context.path, default)
        response = put_segment(client, translation, segment, value)
        assert response.status_code in (200, 201), response.content


def approve(client, page):
    from wagtail.models import Page

    page = Page.objects.get(pk=page.pk)
    task_state = page.current_workflow_task_state
    return client.post(f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": ""})


def submit_for_review(client, page):
    return client.post(f"/admin/multilingual/review/{page.pk}/")


def refused(response):
    """Refused: 403, Wagtail's redirect to the dashboard, or a redirect carrying an
    error message (the moderation app's guarded workflow action view)."""
    from django.contrib.messages import constants, get_messages

    if response.status_code == 403:
        return True
    if response.status_code != 302:
        return False
    if response["Location"] == "/admin/":
        return True
    return any(m.level == constants.ERROR for m in get_messages(response.wsgi_request))
