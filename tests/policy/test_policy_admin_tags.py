"""The tag catalogue (标签目录): maintained by the 办公室, applied by editors, nothing else."""
import pytest

from policy.models import PolicyDocumentPage, PolicyTag

from tests.policy.policy_test_helpers import ZCWJ, add_url, document_form, form_errors


@pytest.fixture
def editor(make_user):
    return make_user("zcfg_editor", groups=["政策法规处"])


def test_editor_is_refused_a_tag_outside_the_catalogue(client, editor, column, catalogue):
    client.force_login(editor)
    parent = column(ZCWJ)
    data = document_form(client, parent, tags="安全生产, 自拟标签")
    response = client.post(add_url(parent), data)
    assert response.status_code == 200
    assert "自拟标签" in form_errors(response)
    assert not PolicyDocumentPage.objects.filter(slug="xzxk-ssbf").exists()
    assert not PolicyTag.objects.filter(name="自拟标签").exists()


def test_editor_applies_catalogue_tags(client, editor, column, catalogue):
    client.force_login(editor)
    parent = column(ZCWJ)
    data = document_form(client, parent, tags="安全生产, 行政许可")
    response = client.post(add_url(parent), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = PolicyDocumentPage.objects.get(slug="xzxk-ssbf")
    assert sorted(t.name for t in page.tags.all()) == ["安全生产", "行政许可"]
    assert page.doc_number == "沪应急规〔2023〕3号"  # normalised
    assert page.index_number.startswith("SHYJ-2023-")
    assert not page.live  # editors cannot publish


def test_retired_tag_is_refused(client, editor, column, catalogue):
    PolicyTag.objects.filter(name="防灾减灾").update(is_active=False)
    client.force_login(editor)
    parent = column(ZCWJ)
    response = client.post(add_url(parent), document_form(client, parent, tags="防灾减灾"))
    assert response.status_code == 200
    assert "防灾减灾" in form_errors(response)
    assert not PolicyDocumentPage.objects.filter(slug="xzxk-ssbf").exists()


def test_bad_document_number_and_dates_are_form_errors(client, editor, column):
    client.force_login(editor)
    parent = column(ZCWJ)
    response = client.post(add_url(parent), document_form(
        client, parent, doc_number="第20号<script>", written_date="2023-02-30", expiry_date="2022-01-01",
    ))
    assert response.status_code == 200
    errors = form_errors(response)
    assert "沪应急规〔2023〕3号" in errors  # the 文号 hint
    assert not PolicyDocumentPage.objects.filter(slug="xzxk-ssbf").exists()
    assert "第20号<script>" not in response.content.decode()  # echoed escaped, never raw


def test_office_maintains_the_catalogue(client, make_user, catalogue):
    for n, group in enumerate(("办公室", "办公室政务公开审核与保密复核")):
        user = make_user(f"office{n}", groups=[group])
        client.force_login(user)
        assert client.get("/admin/policy/tags/").status_code == 200
        response = client.post("/admin/policy/tags/new/", {
            "name": f"企业复工{n}", "category": catalogue["安全生产"].category_id, "is_active": "on", "sort_order": "0",
        })
        assert response.status_code == 302, response.content.decode()[:2000]
        assert PolicyTag.objects.filter(name=f"企业复工{n}").exists()


def test_other_editors_cannot_maintain_the_catalogue(client, editor, catalogue):
    client.force_login(editor)
    assert client.get("/admin/policy/tags/").status_code in (302, 403)
    response = client.post("/admin/policy/tags/new/", {"name": "越权标签", "is_active": "on", "sort_order": "0"})
    assert response.status_code in (302, 403)
    assert not PolicyTag.objects.filter(name="越权标签").exists()
    tag = catalogue["安全生产"]
    response = client.post(f"/admin/policy/tags/delete/{tag.pk}/")
    assert response.status_code in (302, 403)
    assert PolicyTag.objects.filter(pk=tag.pk).exists()
