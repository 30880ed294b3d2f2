"""Bulk import: idempotent by 索引号, per-row errors with row numbers, nothing half-imported."""
import csv
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.documents import get_document_model

from policy.models import PolicyDocumentPage, PolicyTopic, Validity

FIELDS = ["index_number", "title", "doc_number", "issuer", "doc_type", "written_date", "publish_date",
          "effective_date", "expiry_date", "disclosure", "is_normative", "audience", "topics", "tags", "summary",
          "body", "attachments", "repeals", "amends", "services"]


def row(n, **kw):
    base = {
        "index_number": f"SHYJ-2022-{n:05d}", "title": f"上海市应急管理局关于导入文件{n}的通知",
        "doc_number": f"沪应急规[2022]{n}号", "doc_type": "通知", "written_date": "2022-03-01",
        "publish_date": "2022-03-05", "effective_date": "2022-04-01", "disclosure": "主动公开", "is_normative": "是",
        "tags": "安全生产", "topics": "安全生产", "body": "第一段。\n\n第二段<script>x</script>。",
    }
    base.update(kw)
    return base


def write_csv(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS)
        writer.writeheader()
        for r in rows:
            writer.writerow({k: r.get(k, "") for k in FIELDS})
    return path


class Out:
    def __init__(self):
        self.text = ""

    def write(self, s, *a, **k):
        self.text += s + "\n"

    def flush(self):
        pass


def run(path, files_dir=None, **kw):
    out, err = Out(), Out()
    args = [str(path), "--column", "zwgk/zfxxgk/zcwj", "--no-progress"]
    if files_dir:
        args += ["--files-dir", str(files_dir)]
    call_command("import_policy_documents", *args, stdout=out, stderr=err, **kw)
    return out.text, err.text


@pytest.fixture
def files(tmp_path):
    d = tmp_path / "files"
    d.mkdir()
    (d / "附件1.pdf").write_bytes(b"%PDF-1.4 test attachment")
    (d / "名单.xlsx").write_bytes(b"PK fake xlsx")
    (d / "evil.exe").write_bytes(b"MZ")
    return d


def test_csv_import_is_idempotent_and_complete(tmp_path, files, column, catalogue):
    PolicyTopic.objects.create(name="安全生产")
    rows = [
        row(1, attachments="附件1.pdf;名单.xlsx", services="危险化学品经营许可|https://zwdt.sh.gov.cn/item/1"),
        row(2, repeals="SHYJ-2022-00001", effective_date="2022-05-01"),
        row(3, amends="SHYJ-2022-00002", disclosure="依申请公开", is_normative="否"),
    ]
    path = write_csv(tmp_path / "docs.csv", rows)
    out, err = run(path, files)
    assert "3 created, 0 updated, 0 unchanged, 0 failed" in out, (out, err)
    d1, d2, d3 = (PolicyDocumentPage.objects.get(index_number=f"SHYJ-2022-0000{n}") for n in (1, 2, 3))
    assert all(d.live for d in (d1, d2, d3))
    assert d1.doc_number == "沪应急规〔2022〕1号"
    assert d1.validity == Validity.REPEALED and d2.validity == Validity.AMENDED
    assert [a.document.file_extension for a in d1.attachments.all()] == ["pdf", "xlsx"]
    assert d1.first_service_url == "https://zwdt.sh.gov.cn/item/1"
    assert [t.name for t in d1.tags.all()] == ["安全生产"]
    assert d3.disclosure == "on_request" and not d3.is_normative
    assert "&lt;script&gt;" in str(d1.body) and "<script>" not in str(d1.body)
    documents = get_document_model().objects.count()

    out, err = run(path, files)
    assert "0 created, 0 updated, 3 unchanged, 0 failed" in out
    assert PolicyDocumentPage.objects.filter(index_number__startswith="SHYJ-2022-").count() == 3
    assert get_document_model().objects.count() == documents

    rows[0]["title"] = "修改后的标题"
    out, _ = run(write_csv(tmp_path / "docs.csv", rows), files)
    assert "0 created, 1 updated, 2 unchanged" in out
    assert PolicyDocumentPage.objects.get(index_number="SHYJ-2022-00001").title == "修改后的标题"


def test_bad_rows_are_reported_with_row_numbers_and_good_rows_land(tmp_path, files, catalogue):
    rows = [
        row(1),
        row(2, doc_number=""),                       # line 3: missing 文号
        row(3, written_date="2022-02-30"),           # line 4: bad date
        row(4, tags="安全生产;不存在的标签"),           # line 5: unknown tag
        row(5, attachments="缺失的附件.pdf"),           # line 6: missing attachment file
        row(6, attachments="../../etc/passwd.pdf"),  # line 7: outside the files directory
        row(7, attachments="evil.exe"),              # line 8: wrong file type
        row(8, services="办事|javascript:alert(1)"),  # line 9: bad service address
        row(9, repeals="SHYJ-1999-99999"),           # line 10: unknown repealed document
        row(10),
    ]
    for r in rows:
        r["topics"] = ""
    report = tmp_path / "report.csv"
    out, err = run(write_csv(tmp_path / "docs.csv", rows), files, report=str(report))
    assert "2 created, 0 updated, 0 unchanged, 8 failed" in out
    assert "row 3: doc_number: missing" in err
    assert "row 4: written_date" in err
    assert "row 5: tags" in err and "不存在的标签" in err
    assert "row 6: attachments: file not found" in err
    assert "row 7: attachments" in err and "outside" in err
    assert "row 8: attachments" in err
    assert "row 9: services" in err
    assert "row 10: repeals" in err
    assert sorted(PolicyDocumentPage.objects.filter(index_number__startswith="SHYJ-2022-").values_list("index_number", flat=True)) == [
        "SHYJ-2022-00001", "SHYJ-2022-00010"]
    assert get_document_model().objects.count() == 0  # nothing half-imported
    with open(report, encoding="utf-8-sig") as fh:
        lines = list(csv.reader(fh))
    assert lines[0] == ["row", "error"] and [r[0] for r in lines[1:]] == ["3", "4", "5", "6", "7", "8", "9", "10"]


def test_json_import_and_row_numbers(tmp_path, catalogue):
    data = [
        {**row(20, topics=""), "tags": ["安全生产"], "services": [{"name": "许可", "url": "https://zwdt.sh.gov.cn/x"}]},
        "not an object",
        {**row(21, topics=""), "written_date": None},
    ]
    path = tmp_path / "docs.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out, err = run(path)
    assert "1 created" in out and "2 failed" in out
    assert "row 2: not an object" in err and "row 3: written_date: missing" in err
    assert PolicyDocumentPage.objects.get(index_number="SHYJ-2022-00020").service_count == 1


def test_unreadable_input_and_unknown_column(tmp_path, db, site_tree):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(CommandError):
        run(bad)
    with pytest.raises(CommandError):
        call_command("import_policy_documents", str(bad), "--column", "no/such", stdout=Out(), stderr=Out())


def test_fail_on_error_exit_status(tmp_path, catalogue):
    path = write_csv(tmp_path / "docs.csv", [row(30, topics="", doc_number="bad")])
    with pytest.raises(CommandError):
        run(path, fail_on_error=True)


def _searchable(word, locale="zh-hans"):
    from search.service import SearchRequest, search

    return [hit.title for hit in search(SearchRequest(q=word, locale=locale)).hits]


def test_imported_documents_are_indexed_and_translated_after_the_rows(
    tmp_path, catalogue, settings, django_capture_on_commit_callbacks
):
    settings.MULTILINGUAL = {**getattr(settings, "MULTILINGUAL", {}), "AUTO_SYNC": True}
    path = write_csv(tmp_path / "docs.csv", [row(40, topics="", title="上海市应急管理局关于危险化学品仓储检查的通知")])
    with django_capture_on_commit_callbacks(execute=True):  # the 繁體 pages are indexed as they are published
        out, err = run(path)
    assert "1 created" in out, (out, err)
    assert "站内搜索索引: 1 pages updated" in out and "batch(es) failed" not in out
    page = PolicyDocumentPage.objects.get(index_number="SHYJ-2022-00040", locale__language_code="zh-hans")
    assert _searchable("仓储") == [page.title]
    assert PolicyDocumentPage.objects.filter(pk=page.pk).search("仓储").count() == 1  # Wagtail admin search
    hant = PolicyDocumentPage.objects.get(translation_key=page.translation_key, locale__language_code="zh-hant")
    assert hant.live and hant.title == "上海市應急管理局關於危險化學品倉儲檢查的通知"
    assert _searchable("倉儲", locale="zh-hant") == [hant.title]
    # Re-importing matches the Simplified document, not its translations (they share the 索引号).
    out, err = run(path)
    assert "0 created, 0 updated, 1 unchanged, 0 failed" in out, (out, err)


def test_skip_translations_leaves_them_to_sync_zh_hant(tmp_path, catalogue, settings):
    settings.MULTILINGUAL = {**getattr(settings, "MULTILINGUAL", {}), "AUTO_SYNC": True}
    out, _err = run(write_csv(tmp_path / "docs.csv", [row(41, topics="")]), skip_translations=True)
    assert "1 created" in out and "run manage.py sync_zh_hant" in out
    page = PolicyDocumentPage.objects.get(index_number="SHYJ-2022-00041")
    assert not PolicyDocumentPage.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk).exists()
    assert _searchable("导入文件41") == [page.title]
