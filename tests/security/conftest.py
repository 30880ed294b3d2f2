import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"PE\x00\x00" + b"\x00" * 200


@pytest.fixture
def pdf_file():
    def make(name="附件.pdf", content=PDF):
        return SimpleUploadedFile(name, content, content_type="application/pdf")

    return make


@pytest.fixture
def department_document(db):
    """A document in a department's collection, uploaded by nobody in particular."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from departments.collections import collection_for
    from departments.models import Department

    def make(department_name, title="附件", content=PDF):
        department = Department.objects.get(name=department_name)
        document = get_document_model()(title=title, collection=collection_for(department))
        document.file.save(f"{title}.pdf", ContentFile(content), save=False)
        document._set_document_file_metadata()
        document.save()
        return document

    return make


@pytest.fixture
def live_policy_with(column):
    """A live policy document (政策文件, owned by 政策法规处) with the given documents attached."""
    from policy.models import PolicyAttachment, PolicyDocumentPage

    counter = {"n": 0}

    def make(*documents, path="zwgk/zfxxgk/zcwj"):
        counter["n"] += 1
        n = counter["n"]
        page = PolicyDocumentPage(
            title=f"关于测试附件{n}的通知", slug=f"sec-doc-{n}", doc_number=f"沪应急规〔2023〕{n + 500}号",
            written_date=datetime.date(2023, 3, 1), live=False,
        )
        page.attachments = [PolicyAttachment(document=d) for d in documents]
        column(path).add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        return page

    return make
