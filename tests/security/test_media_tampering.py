"""Issue 18, failure 1 (防篡改): editors cannot replace or delete another department's files, and a
file a live page uses is never replaced or deleted without review. Driven through the real admin."""
import pytest
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import ModelLogEntry, PageLogEntry

from departments.collections import collection_for, shared_collection
from departments.models import Department

pytestmark = pytest.mark.django_db
Document = get_document_model()


@pytest.fixture
def policy_editor(make_user):
    return make_user("sec_zcfg_editor", groups=["政策法规处"])


@pytest.fixture
def news_editor(make_user):
    return make_user("sec_xcpx_editor", groups=["宣传培训处"])


def edit(client, document, **data):
    data.setdefault("title", document.title)
    data.setdefault("collection", document.collection_id)
    return client.post(reverse("wagtaildocs:edit", args=(document.pk,)), data)


def test_each_department_has_its_collection_and_a_shared_one():
    for department in Department.objects.exclude(kind=Department.Kind.SHARED):
        assert collection_for(department).name == department.name
    assert shared_collection().name == "共享"


def test_editor_cannot_replace_another_departments_live_attachment(client, news_editor, department_document,
                                                                  live_policy_with, pdf_file):
    document = department_document("政策法规处", title="实施办法")
    live_policy_with(document)
    before = document.file_hash
    client.force_login(news_editor)
    response = edit(client, document, file=pdf_file(content=b"%PDF-1.4\n% tampered\n%%EOF\n"))
    assert response.status_code in (302, 403)
    document.refresh_from_db()
    assert document.file_hash == before
    assert "tampered" not in document.file.read().decode("latin-1")


def test_editor_cannot_delete_another_departments_unused_document(client, news_editor, department_document):
    document = department_document("政策法规处", title="未使用的文件")
    client.force_login(news_editor)
    response = client.post(reverse("wagtaildocs:delete", args=(document.pk,)))
    assert response.status_code in (302, 403)
    assert Document.objects.filter(pk=document.pk).exists()


def test_own_department_cannot_silently_replace_a_live_attachment(client, policy_editor, department_document,
                                                                 live_policy_with, pdf_file):
    document = department_document("政策法规处", title="实施办法")
    page = live_policy_with(document)
    before = document.file_hash
    client.force_login(policy_editor)
    response = edit(client, document, file=pdf_file(content=b"%PDF-1.4\n% new version\n%%EOF\n"))
    assert response.status_code == 200  # the form comes back with the reason
    assert "已发布" in response.content.decode()
    document.refresh_from_db()
    assert document.file_hash == before
    # Deleting it is refused too: the live page would lose its attachment without review.
    client.post(reverse("wagtaildocs:delete", args=(document.pk,)))
    assert Document.objects.filter(pk=document.pk).exists()
    assert page.attachments.count() == 1


def test_own_department_may_replace_a_file_no_live_page_uses_and_it_is_logged(client, policy_editor,
                                                                            department_document, pdf_file):
    document = department_document("政策法规处", title="草稿附件")
    client.force_login(policy_editor)
    response = edit(client, document, file=pdf_file(content=b"%PDF-1.4\n% v2\n%%EOF\n"))
    assert response.status_code == 302, response.content[:3000]
    assert ModelLogEntry.objects.filter(action="moderation.document_replaced", object_id=str(document.pk),
                                        user=policy_editor).exists()
    response = client.post(reverse("wagtaildocs:delete", args=(document.pk,)))
    assert response.status_code == 302
    assert ModelLogEntry.objects.filter(action="moderation.document_deleted", object_id=str(document.pk)).exists()


def test_superuser_replacement_of_a_live_attachment_is_in_the_audit_report(client, make_user, department_document,
                                                                         live_policy_with, pdf_file):
    document = department_document("政策法规处", title="实施办法")
    page = live_policy_with(document)
    admin = make_user("sec_admin", is_superuser=True)
    client.force_login(admin)
    response = edit(client, document, file=pdf_file(content=b"%PDF-1.4\n% corrected\n%%EOF\n"),
                    collection=document.collection_id)
    assert response.status_code == 302, response.content[:3000]
    entry = PageLogEntry.objects.get(page=page, action="moderation.document_replaced")
    assert entry.user == admin
    from moderation.reports import audited_entries

    assert audited_entries().filter(pk=entry.pk).exists()


def test_editor_uploads_only_to_own_and_shared_collections(client, news_editor, pdf_file):
    client.force_login(news_editor)
    response = client.get(reverse("wagtaildocs:add"))
    html = response.content.decode()
    assert "宣传培训处" in html and "共享" in html
    assert "政策法规处" not in html
    other = collection_for(Department.objects.get(name="政策法规处"))
    client.post(reverse("wagtaildocs:add"), {"title": "越权上传", "file": pdf_file(), "collection": other.pk})
    assert not Document.objects.filter(title="越权上传").exists()
    response = client.post(reverse("wagtaildocs:add"),
                           {"title": "本处上传", "file": pdf_file(), "collection": collection_for(
                               Department.objects.get(name="宣传培训处")).pk})
    assert Document.objects.filter(title="本处上传").exists(), response.content[:2000]


def test_editor_chooser_lists_own_and_shared_documents_only(client, news_editor, department_document):
    department_document("政策法规处", title="政策法规处的文件")
    department_document("宣传培训处", title="宣传培训处的文件")
    client.force_login(news_editor)
    html = client.get(reverse("wagtaildocs_chooser:choose")).json()["html"]
    assert "宣传培训处的文件" in html
    assert "政策法规处的文件" not in html
