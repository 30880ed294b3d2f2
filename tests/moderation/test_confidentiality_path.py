"""Defect 13: the 保密复核 reviewer (and whoever decides after them) finds the 保密审查表 that was filled in."""
from django.contrib.messages import get_messages
from django.urls import reverse

from moderation.models import ConfidentialityReview

from .moderation_helpers import act, confidentiality_form, create_and_submit


def test_reviewer_finds_the_filled_in_form_again(users, as_user, column):
    page = create_and_submit(as_user(users["zcfg_editor"]), column("zwgk/zfxxgk/zcwj"), "保密审查表回看",
                             "form-path", importance="government")
    act(as_user(users["zcfg_head"]), page, "approve")
    act(as_user(users["chushen"]), page, "approve")
    baomi = as_user(users["baomi"])
    response = act(baomi, page, "approve", **confidentiality_form())
    review = ConfidentialityReview.objects.get(page=page)
    form_url = reverse("moderation:confidentiality_review", args=[review.pk])

    # The confirmation links to the form just filled in …
    assert any(form_url in str(m) for m in get_messages(response.wsgi_request))
    # … and the reviewer's dashboard keeps the way back, although the page's editor is now closed to them.
    assert baomi.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).status_code == 302
    dashboard = baomi.get("/admin/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert form_url in dashboard and "保密审查表回看" in dashboard
    assert baomi.get(form_url).status_code == 200

    # The next reviewer (分管局领导, an important item) sees the form on the review screen.
    edit = as_user(users["fenguan"]).get(reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                                         HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert form_url in edit and "王审查" in edit

    # Someone who filled in no form gets no such panel.
    assert form_url not in as_user(users["chushen"]).get("/admin/").content.decode()
