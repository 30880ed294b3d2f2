import datetime
import threading
import uuid

import pytest
from django.db import connection, connections
from django.test import override_settings

from policy.models import IndexNumber, IndexNumberCounter, PolicyDocumentPage
from policy.models.index_numbers import IndexNumberTaken, allocate_index_number, register_index_number


def test_numbers_follow_the_configured_scheme(make_doc):
    first = make_doc(written_date=datetime.date(2023, 5, 1))
    second = make_doc(written_date=datetime.date(2023, 6, 1))
    other_year = make_doc(written_date=datetime.date(2024, 1, 2))
    assert first.index_number == "SHYJ-2023-00001"
    assert second.index_number == "SHYJ-2023-00002"
    assert other_year.index_number == "SHYJ-2024-00001"


@override_settings(
    POLICY_INDEX_NUMBER_FORMAT="{agency_code}/{year}/{sequence:04d}",
    POLICY_INDEX_AGENCY_CODES={"上海市人民政府办公厅": "SHFB"},
)
def test_scheme_and_agency_codes_are_configurable(make_doc):
    doc = make_doc(issuer="上海市人民政府办公厅", written_date=datetime.date(2020, 5, 29))
    assert doc.index_number == "SHFB/2020/0001"


def test_number_survives_edits_and_republishing(make_doc):
    doc = make_doc()
    number = doc.index_number
    doc.title = "修改后的标题"
    doc.save_revision().publish()
    doc.refresh_from_db()
    assert doc.index_number == number
    assert IndexNumber.objects.filter(translation_key=doc.translation_key).count() == 1


def test_explicit_number_taken_by_another_document_is_refused(make_doc):
    doc = make_doc()
    with pytest.raises(IndexNumberTaken):
        register_index_number(doc.index_number, uuid.uuid4())


def test_allocation_skips_numbers_claimed_by_hand(db):
    register_index_number("SHYJ-2030-00001", uuid.uuid4())
    number = allocate_index_number(issuer="", year=2030, translation_key=uuid.uuid4())
    assert number == "SHYJ-2030-00002"


def test_database_refuses_duplicate_numbers(db):
    from django.db import IntegrityError, transaction

    IndexNumber.objects.create(number="X-1", translation_key=uuid.uuid4())
    with pytest.raises(IntegrityError), transaction.atomic():
        IndexNumber.objects.create(number="X-1", translation_key=uuid.uuid4())


def test_serialised_allocation_gives_distinct_consecutive_numbers(db):
    """SQLite (and PostgreSQL) path: many allocations in a row never repeat."""
    numbers = [allocate_index_number(issuer="", year=2031, translation_key=uuid.uuid4()) for _ in range(50)]
    assert len(set(numbers)) == 50
    assert numbers[-1] == "SHYJ-2031-00050"
    assert IndexNumberCounter.objects.get(agency_code="SHYJ", year=2031).value == 50


def _in_thread(fn):
    """Run ``fn`` on its own (autocommit) connection: the writers above committed outside the test's transaction."""
    def run():
        try:
            fn()
        finally:
            connections.close_all()

    t = threading.Thread(target=run)
    t.start()
    t.join()


def test_concurrent_allocation_on_postgresql(db):
    """Eight writers on their own connections, committing: the test transaction does not isolate them."""
    if connection.vendor != "postgresql":
        pytest.skip("real concurrent writers need PostgreSQL (SQLite serialises writes; see the serialised test)")
    results, errors = [], []
    barrier = threading.Barrier(8)

    def worker():
        try:
            barrier.wait()
            for _ in range(10):
                results.append(allocate_index_number(issuer="", year=2032, translation_key=uuid.uuid4()))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    _in_thread(lambda: (IndexNumber.objects.filter(number__in=results).delete(),
                        IndexNumberCounter.objects.filter(year=2032).delete()))
    assert not errors, errors
    assert len(results) == 80
    assert len(set(results)) == 80
    assert sorted(results) == [f"SHYJ-2032-{n:05d}" for n in range(1, 81)]


def test_concurrent_page_creation_on_postgresql(column):
    """Four writers create documents at once (in four columns, so the page tree itself does not collide)."""
    if connection.vendor != "postgresql":
        pytest.skip("real concurrent writers need PostgreSQL")
    parent_ids = [column(p).pk for p in ("zwgk/zfxxgk/zcwj", "zwgk/xxgkml/zcfg", "zwgk/xxgkml/gggs", "zwgk/xxgkml/qtgz")]
    errors = []
    barrier = threading.Barrier(4)

    def worker(n):
        from wagtail.models import Page

        try:
            barrier.wait()
            for k in range(5):
                parent = Page.objects.get(pk=parent_ids[n])
                parent.add_child(instance=PolicyDocumentPage(
                    title=f"并发文件{n}-{k}", slug=f"concurrent-{n}-{k}", doc_number=f"沪应急规〔2033〕{n * 10 + k + 1}号",
                    written_date=datetime.date(2033, 1, 1),
                ))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    numbers = list(PolicyDocumentPage.objects.filter(written_date__year=2033).values_list("index_number", flat=True))

    def cleanup():
        for page in PolicyDocumentPage.objects.filter(written_date__year=2033):
            page.delete()
        IndexNumber.objects.filter(number__in=numbers).delete()
        IndexNumberCounter.objects.filter(year=2033).delete()

    _in_thread(cleanup)
    assert not errors, errors
    assert len(numbers) == 20
    assert sorted(numbers) == [f"SHYJ-2033-{n:05d}" for n in range(1, 21)]


def test_copied_document_gets_its_own_number(make_doc, admin_client):
    doc = make_doc()
    response = admin_client.post(f"/admin/pages/{doc.pk}/copy/", {
        "new_title": "复制的文件", "new_slug": "copied-doc", "new_parent_page": str(doc.get_parent().pk),
        "copy_subpages": "", "publish_copies": "",
    })
    assert response.status_code == 302
    copy = PolicyDocumentPage.objects.get(slug="copied-doc")
    assert copy.index_number and copy.index_number != doc.index_number
