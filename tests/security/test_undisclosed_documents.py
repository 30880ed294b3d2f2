"""Issue 18, item 7: 依申请公开 / 不予公开 documents and their files are readable only by the roles that handle
them; a translator, another department's editor or any other staff account gets the public's 404."""
import datetime

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents import get_document_model

from policy.models import PolicyAttachment, PolicyDocumentPage

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
# Roles that handle a 政策文件 of 政策法规处: its department (page permissions) and the reviewers of the
# steps of its workflow (本部门负责人审核, 宣教信息中心初审, 办公室政务公开审核与保密复核).
HANDLERS = ["政策法规处", "政策法规处负责人", "宣教信息中心初审", "办公室政务公开审核与保密复核"]
REFUSED = ["英文版翻译", "繁体中文校对", "宣传培训处", "宣传培训处负责人", "办公室", "安全生产执法监察处负责人",
           "分管局领导", "主要领导", "宣传培训处终审复核"]


@pytest.fixture
def roles(make_user):
    from moderation.setup import ensure_workflows
    from multilingual.roles import ensure_roles

    ensure_workflows()
    ensure_roles()

    def client_for(group):
        client = Client()
        client.force_login(make_user(f"u{abs(hash(group)) % 10**8}", groups=[group]))
        return client

    return client_for


def _document(column, disclosure, n):
    file = get_document_model()(title=f"附件{n}")
    file.file.save(f"undisclosed-{n}.pdf", ContentFile(PDF), save=False)
    file._set_document_file_metadata()
    file.save()
    page = PolicyDocumentPage(title=f"不公开的文件{n}", slug=f"undisclosed-{n}", doc_number=f"沪应急〔2024〕{n}号",
                              written_date=datetime.date(2024, 1, 5), disclosure=disclosure, live=False)
    page.attachments = [PolicyAttachment(document=file)]
    column("zwgk/zfxxgk/zcwj").add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page, file


@pytest.mark.parametrize("disclosure", ["on_request", "not_public"])
def test_undisclosed_document_and_its_file_only_for_handlers(column, roles, disclosure):
    page, file = _document(column, disclosure, 1 if disclosure == "on_request" else 2)
    assert Client().get(page.url).status_code == 404
    assert Client().get(file.url).status_code == 404
    for group in HANDLERS:
        client = roles(group)
        assert client.get(page.url).status_code == 200, group
        response = client.get(file.url)
        assert response.status_code == 200, group
        assert b"".join(response.streaming_content) == PDF
    for group in REFUSED:
        client = roles(group)
        assert client.get(page.url).status_code == 404, group
        assert client.get(file.url).status_code == 404, group


def test_a_file_also_attached_to_a_public_document_stays_public(column, roles):
    page, file = _document(column, "not_public", 3)
    public = PolicyDocumentPage(title="主动公开的文件", slug="disclosed-3", doc_number="沪应急〔2024〕33号",
                                written_date=datetime.date(2024, 1, 5), live=False)
    public.attachments = [PolicyAttachment(document=file)]
    column("zwgk/zfxxgk/zcwj").add_child(instance=public)
    public.save_revision().publish()
    assert Client().get(file.url).status_code == 200
    assert Client().get(page.url).status_code == 404


def test_unattached_files_are_unaffected(column):
    file = get_document_model()(title="普通附件")
    file.file.save("plain.pdf", ContentFile(PDF), save=False)
    file._set_document_file_metadata()
    file.save()
    assert Client().get(file.url).status_code == 200
