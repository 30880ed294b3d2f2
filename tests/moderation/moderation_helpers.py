"""Admin-form helpers shared by the moderation tests."""
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def article_data(title, slug, importance="", summary="摘要", **extra):
    data = {
        "title": title,
        "slug": slug,
        "summary": summary,
        "body": streamfield([("paragraph", rich_text("<p>正文内容。</p>"))]),
        "department": "",
        "info_source": "",
        "display_date": "",
        "importance": importance,
        "reprint_source_site": "",
        "reprint_source_url": "",
        "reprint_time": "",
        "comments": inline_formset([]),
        "correction_notes": inline_formset([]),
        "service_items": inline_formset([]),  # policy: 办 service items on articles
    }
    data.update(extra)
    return nested_form_data(data)


def create_and_submit(client, parent, title, slug, importance=""):
    """Create an article through the admin add view and submit it for moderation."""
    url = reverse("wagtailadmin_pages:add", args=("sections", "articlepage", parent.pk))
    data = article_data(title, slug, importance)
    data["action-submit"] = "Submit"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return Page.objects.get(slug=slug).specific


def current_task_state(page):
    page = Page.objects.get(pk=page.pk).specific
    return page.current_workflow_task_state


def act(client, page, action, task_state_id=None, **data):
    """POST a workflow action to Wagtail's admin workflow action URL."""
    if task_state_id is None:
        task_state_id = current_task_state(page).pk
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state_id))
    return client.post(url, data)


def confidentiality_form(**overrides):
    data = {
        "involves_secrets": "no",
        "involves_privacy": "no",
        "aggregation_risk": "no",
        "timing_appropriate": "yes",
        "format_compliant": "yes",
        "conclusion": "approve",
        "basis": "《中华人民共和国保守国家秘密法》《政府信息公开条例》",
        "reviewer_name": "王审查",
        "review_date": "2026-11-20",
        "comment": "同意公开",
    }
    data.update(overrides)
    return data
