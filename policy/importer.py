"""Bulk import of policy documents (数据读取) from CSV or JSON.

Format (one document per CSV row / JSON object; UTF-8; CSV has a header row):

==================  ========  =====================================================
field               required  value
==================  ========  =====================================================
index_number        yes       索引号; the import key: a row whose 索引号 exists
                              updates that document, so re-running is safe
title               yes       标题
doc_number                    文号, e.g. 沪应急规〔2023〕3号 ([2023] （2023） 【2023】 ﹝2023﹞
                              accepted), 上海市人民政府令第32号, 公告第3号; required only
                              for a 行政规范性文件 (is_normative 是)
issuer                        发文机关; left empty when empty (``--default-issuer``
                              gives one explicitly)
doc_type                      文种: 通知 决定 意见 办法 规定 细则 公告 通告 方案 规划 批复 函 报告 令 其他
written_date        yes       成文日期 YYYY-MM-DD (``--default-date`` for rows without one)
publish_date                  发布日期 YYYY-MM-DD (default: import time)
effective_date                施行日期 YYYY-MM-DD
expiry_date                   有效期至 YYYY-MM-DD
disclosure                    公开属性: 主动公开 (default) / 依申请公开 / 不予公开
is_normative                  是否行政规范性文件: 是/否 (also true/false, 1/0)
audience                      适用人群
topics                        主题分类 names, separated by ; (must exist)
tags                          tags from the 标签目录, separated by ; (must exist)
summary                       摘要 (plain text)
body                          正文 (plain text; blank lines separate paragraphs)
attachments                   file paths relative to --files-dir, separated by ;
                              (pdf, ofd, doc, docx, xls, xlsx)
repeals / amends              索引号 of documents this one repeals / amends,
                              separated by ; (they must exist or come earlier)
services                      办事事项 as 名称|https://地址, separated by ;
slug                          URL slug (default: derived from the 索引号)
==================  ========  =====================================================

In JSON, list-valued fields may be arrays (services as [{"name", "url"}]).
Each row is imported in its own transaction: a row with any error leaves
nothing behind, and the error is reported with its row number (CSV: the row
as a spreadsheet numbers it, the header being row 1; JSON: the 1-based item
number). Rows are published as they are imported; the search indexes,
Wagtail's reference index and the 繁體/English versions are then brought up
to date in batches after the last row (``core.bulk``), which is several
times faster than doing it page by page.
"""
import csv
import datetime
import hashlib
import io
import json
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify

from core import bulk

from .doc_numbers import normalise_doc_number
from .models import (
    Disclosure, DocType, PolicyDocumentPage, PolicyRelation, PolicyTag, PolicyTopic, ServiceItem,
)
from .models.document import ATTACHMENT_EXTENSIONS
from .models.service_items import http_url_validator

logger = logging.getLogger("govsite.policy")

MAX_FIELD = 20_000
DISCLOSURE_NAMES = {"主动公开": Disclosure.ACTIVE, "依申请公开": Disclosure.ON_REQUEST, "不予公开": Disclosure.NOT_PUBLIC}
TRUE = {"是", "true", "yes", "1", "y"}
FALSE = {"否", "false", "no", "0", "n", ""}


ROW_BATCH_SIZE = 100  # new documents written per transaction (settings.POLICY_IMPORT_BATCH_SIZE)


def row_batch_size():
    from django.conf import settings

    return max(1, int(getattr(settings, "POLICY_IMPORT_BATCH_SIZE", ROW_BATCH_SIZE)))


class RowError(Exception):
    pass


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list = field(default_factory=list)  # (row number, message)
    deferred: list = field(default_factory=list)  # core.bulk.PassResult per index/translation pass

    @property
    def ok(self):
        return not self.errors


def read_rows(path):
    """[(row number, dict)] from a .csv or .json file."""
    path = Path(path)
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig")
    if path.suffix.lower() == ".json":
        data = json.loads(text)
        if isinstance(data, dict):
            data = data.get("documents", [])
        if not isinstance(data, list):
            raise ValueError("JSON must be a list of documents or {\"documents\": [...]}")
        return [(n, item if isinstance(item, dict) else {"__invalid__": True}) for n, item in enumerate(data, start=1)]
    reader = csv.DictReader(io.StringIO(text, newline=""))
    # Row numbers as a spreadsheet shows them: the header is row 1 (multi-line cells do not shift them).
    return list(enumerate(reader, start=2))


def _text(row, key, required=False, limit=MAX_FIELD):
    value = row.get(key)
    if value is None:
        value = ""
    if not isinstance(value, (str, int, float)):
        raise RowError(f"{key}: expected text")
    value = str(value).strip()
    if required and not value:
        raise RowError(f"{key}: missing")
    if len(value) > limit:
        raise RowError(f"{key}: longer than {limit} characters")
    return value


def _list(row, key):
    value = row.get(key)
    if value in (None, ""):
        return []
    if isinstance(value, list):
        return [v for v in value if v not in (None, "")]
    return [part.strip() for part in re.split(r"[;；]", _text(row, key)) if part.strip()]


def _date(row, key, required=False):
    value = _text(row, key, required=required, limit=40)
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value.replace("/", "-"))
    except ValueError:
        raise RowError(f"{key}: not a date (YYYY-MM-DD): {value[:40]!r}") from None


class PolicyImporter:
    def __init__(self, column, files_dir=None, user=None, default_issuer="", default_date=None):
        self.column = column
        self.default_issuer = default_issuer or ""
        self.default_date = default_date
        self.files_dir = Path(files_dir).resolve() if files_dir else None
        self.user = user
        self.tag_objects = {tag.name: tag for tag in PolicyTag.objects.filter(is_active=True)}
        self.tags = {name.lower(): name for name in self.tag_objects}
        self.topics = {t.name: t for t in PolicyTopic.objects.all()}
        # Translations share the 索引号 (a synchronised field): match in the column's language only.
        self.documents = PolicyDocumentPage.objects.filter(locale_id=column.locale_id)
        self.unchanged_ids = []  # pages of unchanged rows, checked for index drift after the row loop
        self._known = None  # 索引号 -> (pk, import_hash, path), filled by prefetch() and by committed rows
        self._prefetched = set()
        self._written = None
        self._file_hashes = {}
        self._documents = {}  # file hash -> Document, found or created in this run
        self._batch = []
        self._batch_keys = set()  # 索引号 and ("slug", slug) of the batch
        self._batch_pages = {}  # 索引号 -> page of the batch

    def run(self, rows, progress=None, pass_progress=None, skip_passes=()):
        """Import the rows, then update indexes and translations in batches (see core.bulk).

        ``progress`` gets ``update(n)`` as rows are done; ``pass_progress(label, total)``
        returns a progress object per deferred pass; ``skip_passes`` names
        passes to leave to a later job (e.g. "translations").

        New documents are written ``row_batch_size()`` at a time with
        ``core.bulk_pages`` (one transaction per batch: a killed run leaves
        whole batches or nothing); updated documents, and every row of a batch
        that failed, go through ``import_row`` one by one, each in its own
        transaction, so a bad row is reported with its number and the others
        are imported.
        """
        report = ImportReport()
        self.unchanged_ids = []
        self.prefetch(row for _number, row in rows)
        self._batch = []  # [(row number, row, page)] of new documents not yet written
        with bulk.deferred_publishing() as pending:
            for number, row in rows:
                settled = self._settle(report, number, lambda: self.stage_row(row, number, report, progress))
                if settled and progress is not None:
                    progress.update(1)
            self.flush(report, progress)
        self.requeue_missing(pending, skip_passes)
        report.deferred = bulk.run_deferred(pending, pass_progress, skip=skip_passes)
        return report

    def _settle(self, report, number, run):
        """Run one row's work and count its outcome, or record its error under the row's number.

        ``run`` returns "unchanged", "updated" or "created", or None when the row waits in the batch of new
        pages (counted when the batch is written). False then; True once the row is settled either way."""
        self._written = None
        try:
            outcome = run()
            if outcome is None:
                return False
            if self._written is not None:  # committed: later rows may refer to it
                self._known[self._written[0]] = self._written[1:]
            setattr(report, outcome, getattr(report, outcome) + 1)
        except RowError as exc:
            self._documents = {}  # a Document stored in the rolled-back row is gone
            report.errors.append((number, str(exc)))
        except ValidationError as exc:
            self._documents = {}
            report.errors.append((number, "; ".join(_messages(exc))))
        return True

    def _import_row_atomically(self, row):
        with transaction.atomic():
            return self.import_row(row)

    def stage_row(self, row, number, report, progress):
        """A row's outcome now ("unchanged", "updated", "created"), or None when it waits in the batch of new pages."""
        if row.get("__invalid__"):
            raise RowError("not an object")
        values = self.parse(row, report=report, progress=progress)
        known = self.lookup(values["index_number"])
        if known is not None or not self.bulk_enabled:
            if any(number in self._batch_pages for _kind, number in values["relations"]):
                self.flush(report, progress)  # it links to new documents of the batch: write them first
            with transaction.atomic():
                return self.import_row(row, values=values)
        if values["index_number"] in self._batch_keys or ("slug", values["slug"]) in self._batch_keys:
            self.flush(report, progress)  # a repeated 索引号 or slug: let the batch land first, then treat this row
            return self.stage_row(row, number, report, progress)
        slug = values.pop("slug")
        page = PolicyDocumentPage(live=False, slug=slug)
        self.apply(page, values, defer_documents=True)  # the files are stored in the batch's transaction
        page.import_hash = _fingerprint(values, self.file_hash)
        self._batch.append((number, row, page))
        self._batch_keys.update((page.index_number, ("slug", slug)))
        self._batch_pages[page.index_number] = page
        if len(self._batch) >= row_batch_size():
            self.flush(report, progress)
        return None

    bulk_enabled = True

    def flush(self, report, progress=None):
        """Write the staged new documents in one transaction; if that fails, import them one by one."""
        from core.bulk_pages import add_published_children

        batch, self._batch = self._batch, []
        self._batch_keys, self._batch_pages = set(), {}
        if not batch:
            return
        try:
            with transaction.atomic():
                for _number, _row, page in batch:
                    for attachment in page.attachments.all():
                        attachment.document = self.document_for(attachment._import_path)
                add_published_children(self.column, [page for _n, _r, page in batch], user=self.user)
        except Exception:  # noqa: BLE001 - any failure: the rows one by one find and report the culprit
            logger.info("Batch of %d new documents (rows %s-%s) failed; importing them one by one",
                        len(batch), batch[0][0], batch[-1][0], exc_info=True)
            self._documents = {}  # documents created in the rolled-back batch are gone
            self.bulk_enabled = False
            try:
                for number, row, _page in batch:
                    self._settle(report, number, lambda row=row: self._import_row_atomically(row))
                    if progress is not None:
                        progress.update(1)
            finally:
                self.bulk_enabled = True
            return
        for _number, _row, page in batch:
            self._known[page.index_number] = (page.pk, page.import_hash, page.path)
        report.created += len(batch)
        if progress is not None:
            progress.update(len(batch))

    def prefetch(self, rows):
        """Look up the documents the rows name (索引号, repeals, amends) in a few queries, not a few per row."""
        numbers = set()
        for row in rows:
            if not isinstance(row, dict):
                continue
            for key in ("index_number", "repeals", "amends"):
                try:
                    numbers.update(str(n) for n in _list(row, key))
                except RowError:
                    pass
        numbers = sorted(numbers)
        self._known = {}
        for start in range(0, len(numbers), 500):
            for number, pk, import_hash, path in self.documents.filter(index_number__in=numbers[start:start + 500]) \
                    .values_list("index_number", "pk", "import_hash", "path"):
                self._known[number] = (pk, import_hash, path)
        self._prefetched = set(numbers)

    def lookup(self, number):
        """(pk, import_hash, path) of the column-language document with this 索引号, or None."""
        number = str(number)
        if self._known is not None and (number in self._known or number in self._prefetched):
            return self._known.get(number)
        found = self.documents.filter(index_number=number).values_list("pk", "import_hash", "path").first()
        if self._known is not None and found is not None:
            self._known[number] = found
        return found

    def requeue_missing(self, pending, skip_passes=()):
        """Unchanged rows whose page (or its 繁體/English copy) is missing from an index are queued again.

        A killed run's journal (core.PendingPass) normally covers them; this
        also repairs drift from any other cause (issue 18, failure 3).
        """
        from wagtail.models import Page

        if not self.unchanged_ids:
            return
        candidates = []
        for start in range(0, len(self.unchanged_ids), 500):
            keys = Page.objects.filter(pk__in=self.unchanged_ids[start:start + 500]).values_list("translation_key")
            candidates += Page.objects.filter(translation_key__in=keys).values_list("pk", flat=True)
        for kind, ids in bulk.find_missing(candidates, skip=skip_passes).items():
            pending.add(kind, ids)

    # -- one row -------------------------------------------------------------------
    def import_row(self, row, values=None):
        """One row through Wagtail's own add_child, save_revision and publish (updates, and failed batches)."""
        if row.get("__invalid__"):
            raise RowError("not an object")
        values = dict(values) if values is not None else self.parse(row)
        known = self.lookup(values["index_number"])
        if known is not None and known[2][:-PolicyDocumentPage.steplen] != self.column.path:
            raise RowError(f"index_number: {values['index_number']} already belongs to a document in another column")
        slug = values.pop("slug")
        fingerprint = _fingerprint(values, self.file_hash)
        if known is not None and known[1] == fingerprint:
            self.unchanged_ids.append(known[0])
            return "unchanged"
        existing = PolicyDocumentPage.objects.filter(pk=known[0]).first() if known is not None else None
        page = existing or PolicyDocumentPage(live=False, slug=slug)
        self.apply(page, values)
        page.import_hash = fingerprint
        if existing is None:
            self.column.add_child(instance=page)
        revision = page.save_revision(user=self.user, clean=True)
        revision.publish(user=self.user, skip_permission_checks=True)
        self._written = (page.index_number, page.pk, fingerprint, page.path)
        return "updated" if existing else "created"

    def parse(self, row, report=None, progress=None):
        """The row's values, checked. A repeal/amend of a document still in the batch of new pages writes the batch first."""
        v = {}
        v["index_number"] = _text(row, "index_number", required=True, limit=60)
        v["title"] = _text(row, "title", required=True, limit=255)
        raw_number = _text(row, "doc_number", limit=60)
        try:
            v["doc_number"] = normalise_doc_number(raw_number) if raw_number else ""
        except ValidationError as exc:
            raise RowError(f"doc_number: {raw_number[:60]!r}: {' '.join(map(str, exc.messages))}") from None
        # An empty 发文机关 stays empty: filling in this bureau would invent metadata.
        v["issuer"] = _text(row, "issuer", limit=100) or self.default_issuer
        doc_type = _text(row, "doc_type", limit=10) or DocType.NOTICE
        if doc_type not in DocType.values:
            raise RowError(f"doc_type: unknown {doc_type!r}")
        v["doc_type"] = doc_type
        v["written_date"] = _date(row, "written_date", required=self.default_date is None) or self.default_date
        publish_date = _date(row, "publish_date")
        v["display_date"] = (
            timezone.make_aware(datetime.datetime.combine(publish_date, datetime.time(9, 0))) if publish_date else None
        )
        v["effective_date"] = _date(row, "effective_date")
        v["expiry_date"] = _date(row, "expiry_date")
        if v["effective_date"] and v["expiry_date"] and v["expiry_date"] < v["effective_date"]:
            raise RowError("expiry_date: before effective_date")
        disclosure = _text(row, "disclosure", limit=20) or "主动公开"
        if disclosure not in DISCLOSURE_NAMES and disclosure not in Disclosure.values:
            raise RowError(f"disclosure: unknown {disclosure!r}")
        v["disclosure"] = DISCLOSURE_NAMES.get(disclosure, disclosure)
        normative = _text(row, "is_normative", limit=10).lower()
        if normative not in TRUE | FALSE:
            raise RowError(f"is_normative: expected 是 or 否, not {normative!r}")
        v["is_normative"] = normative in TRUE
        if v["is_normative"] and not v["doc_number"]:
            raise RowError("doc_number: missing (required for an administrative normative document, 行政规范性文件)")
        v["audience"] = _text(row, "audience", limit=200)
        v["summary"] = _text(row, "summary", limit=1000)
        v["body"] = _text(row, "body")
        unknown = [t for t in _list(row, "topics") if t not in self.topics]
        if unknown:
            raise RowError(f"topics: unknown {', '.join(map(str, unknown))}")
        v["topics"] = sorted(_list(row, "topics"))
        tags = [str(t) for t in _list(row, "tags")]
        unknown = [t for t in tags if t.lower() not in self.tags]
        if unknown:
            raise RowError(f"tags: not in the tag catalogue: {', '.join(unknown)}")
        v["tags"] = sorted({self.tags[t.lower()] for t in tags})
        v["attachments"] = [self.resolve_file(p) for p in _list(row, "attachments")]
        v["relations"] = []
        for kind in (PolicyRelation.Kind.REPEALS, PolicyRelation.Kind.AMENDS):
            for number in _list(row, str(kind)):
                number = str(number)
                if number == v["index_number"]:
                    raise RowError(f"{kind}: a document cannot {kind} itself")
                if self.lookup(number) is None and number not in self._batch_pages:
                    raise RowError(f"{kind}: no document with index number {number!r}")
                v["relations"].append((str(kind), number))
        v["services"] = []
        for item in _list(row, "services"):
            if isinstance(item, dict):
                name, url = str(item.get("name", "")).strip(), str(item.get("url", "")).strip()
            else:
                name, _sep, url = str(item).partition("|")
                name, url = name.strip(), url.strip()
            try:
                http_url_validator(url)
            except ValidationError:
                raise RowError(f"services: not an http(s) address: {url[:100]!r}") from None
            if not name or len(name) > 200 or len(url) > 500:
                raise RowError("services: each item needs a name and an address")
            v["services"].append((name, url))
        slug = _text(row, "slug", limit=80) or slugify(v["index_number"]) or "doc"
        v["slug"] = slugify(slug)[:80] or "doc"
        return v

    def resolve_file(self, relative):
        relative = str(relative)
        if self.files_dir is None:
            raise RowError("attachments: no --files-dir given")
        path = (self.files_dir / relative).resolve()
        if self.files_dir not in path.parents:
            raise RowError(f"attachments: {relative!r} is outside the files directory")
        if not path.is_file():
            raise RowError(f"attachments: file not found: {relative}")
        if path.suffix.lower().lstrip(".") not in ATTACHMENT_EXTENSIONS:
            raise RowError(f"attachments: {path.name} is not a PDF, OFD, DOC, DOCX, XLS or XLSX file")
        return path

    # -- writing -----------------------------------------------------------------------
    def apply(self, page, v, defer_documents=False):
        for key in ("index_number", "title", "doc_number", "issuer", "doc_type", "written_date", "effective_date",
                    "expiry_date", "disclosure", "is_normative", "audience", "summary"):
            setattr(page, key, v[key])
        if v["display_date"]:
            page.display_date = v["display_date"]
        page.body = [("paragraph", f"<p>{escape(p.strip())}</p>") for p in re.split(r"\n\s*\n", v["body"]) if p.strip()]
        page.topics = [self.topics[name] for name in v["topics"]]
        page.tags.clear()
        if v["tags"]:
            page.tags.add(*[self.tag_objects[name] for name in v["tags"]])  # objects: no query per row
        from .models import PolicyAttachment

        if defer_documents:
            page.attachments = [_deferred_attachment(PolicyAttachment, path) for path in v["attachments"]]
        else:
            page.attachments = [PolicyAttachment(document=self.document_for(path)) for path in v["attachments"]]
        relations = []
        for kind, number in v["relations"]:
            known = self.lookup(number)
            if known is not None:
                relations.append(PolicyRelation(kind=kind, target_id=known[0]))
            else:  # a new document of the same batch: inserted before the links, which take its id then
                relations.append(PolicyRelation(kind=kind, target=self._batch_pages[number]))
        page.relations = relations
        page.service_items = [ServiceItem(name=name, url=url) for name, url in v["services"]]

    def file_hash(self, path):
        """SHA-1 of an attachment, read once per run (many rows often share one file)."""
        stat = path.stat()
        key = (str(path), stat.st_size, stat.st_mtime_ns)
        if key not in self._file_hashes:
            self._file_hashes[key] = hashlib.sha1(path.read_bytes()).hexdigest()
        return self._file_hashes[key]

    def document_for(self, path):
        from wagtail.documents import get_document_model

        Document = get_document_model()
        digest = self.file_hash(path)
        if digest in self._documents:
            return self._documents[digest]
        existing = Document.objects.filter(file_hash=digest).first()
        if existing is not None:
            self._documents[digest] = existing
            return existing
        from departments.collections import collection_for

        with path.open("rb") as fh:
            # Filed in the column's department collection, where only that department may change it.
            document = Document(title=path.stem[:255], collection=collection_for(getattr(self.column, "department", None)))
            document.file.save(path.name, File(fh), save=False)
            document._set_document_file_metadata()
            document.save()
        self._documents[digest] = document
        return document


def _deferred_attachment(model, path):
    attachment = model()
    attachment._import_path = path  # its Document is found or stored by flush(), inside the batch's transaction
    return attachment


def _fingerprint(values, file_hash=None):
    file_hash = file_hash or (lambda p: hashlib.sha1(Path(p).read_bytes()).hexdigest())
    data = {k: v for k, v in values.items() if k != "slug"}
    data["attachments"] = [file_hash(p) for p in data.get("attachments", [])]
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str, ensure_ascii=False).encode()).hexdigest()


def _messages(exc):
    if hasattr(exc, "message_dict"):
        return [f"{k}: {' '.join(map(str, v))}" for k, v in exc.message_dict.items()]
    return [str(m) for m in exc.messages]
