"""CSV import of 双公示 records.

Headers are the Chinese column names of the national data template. Each
row is validated with a form and saved in its own transaction: a bad row is
reported with its row number and leaves no partial data, the good rows are
kept. A row whose (kind, 决定文书号) exists updates that record, so a
corrected file can be imported again.
"""
import csv
import datetime
import io
import re
from dataclasses import dataclass, field

from django import forms
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from .models import DisclosureRecord, PartyType

MAX_ROWS = 50_000
MAX_FILE_BYTES = 20 * 1024 * 1024

COLUMNS = {
    "决定文书号": "document_number",
    "相对人名称": "party_name",
    "相对人类别": "party_type",
    "证件号码": "id_number",
    "决定日期": "decision_date",
    "事由": "matter",
    "依据": "legal_basis",
    "结果": "result",
    "决定机关": "authority",
    "公示日期": "published_on",
}
REQUIRED_COLUMNS = ["决定文书号", "相对人名称", "相对人类别", "决定日期", "事由", "依据", "结果", "决定机关"]
PARTY_TYPE_NAMES = {
    "法人及非法人组织": PartyType.LEGAL_PERSON,
    "法人": PartyType.LEGAL_PERSON,
    "非法人组织": PartyType.LEGAL_PERSON,
    "个体工商户": PartyType.INDIVIDUAL_BUSINESS,
    "自然人": PartyType.NATURAL_PERSON,
}
DATE_RE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")


class ImportError_(Exception):
    """The file as a whole cannot be imported (encoding, headers, size)."""


class RecordRowForm(forms.ModelForm):
    decision_date = forms.CharField(label=_lazy("decision date"))
    published_on = forms.CharField(label=_lazy("disclosure date"), required=False)
    party_type = forms.CharField(label=_lazy("party type"))

    class Meta:
        model = DisclosureRecord
        fields = [
            "document_number", "party_name", "party_type", "id_number", "decision_date", "matter",
            "legal_basis", "result", "authority", "published_on",
        ]

    def _date(self, name, required):
        value = (self.cleaned_data.get(name) or "").strip()
        if not value:
            if required:
                raise forms.ValidationError(_("This field is required."))
            return None
        match = DATE_RE.match(value)
        try:
            return datetime.date(*(int(part) for part in match.groups())) if match else datetime.date.fromisoformat(value)
        except ValueError:
            raise forms.ValidationError(_("Not a valid date: %(value)s") % {"value": value[:40]})

    def clean_decision_date(self):
        return self._date("decision_date", required=True)

    def clean_published_on(self):
        return self._date("published_on", required=False)

    def clean_party_type(self):
        value = self.cleaned_data["party_type"].strip()
        if value in PartyType.values:
            return value
        if value in PARTY_TYPE_NAMES:
            return PARTY_TYPE_NAMES[value]
        raise forms.ValidationError(_("Unknown party type: %(value)s") % {"value": value[:40]})

    def clean(self):
        cleaned = super().clean()
        decision, published = cleaned.get("decision_date"), cleaned.get("published_on")
        if decision and published and published < decision:
            self.add_error("published_on", _("The publication date is before the decision date."))
        return cleaned

    def validate_unique(self):
        pass  # existing records are updated, see import_rows


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    errors: list = field(default_factory=list)  # (row number, message)


def decode(data):
    """Text of an uploaded CSV: UTF-8 (with or without BOM) or GB18030 as saved by Excel in China."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportError_(_("The file is larger than %(size)d MB.") % {"size": MAX_FILE_BYTES // 1024 // 1024})
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportError_(_("The file is neither UTF-8 nor GB18030 text."))


def read_rows(text):
    reader = csv.DictReader(io.StringIO(text))
    headers = [h.strip() for h in (reader.fieldnames or [])]
    missing = [name for name in REQUIRED_COLUMNS if name not in headers]
    if missing:
        raise ImportError_(_("Missing columns: %(columns)s") % {"columns": ", ".join(missing)})
    reader.fieldnames = headers
    return reader


def import_rows(text, *, kind, department=None, default_published_on=None, dry_run=False):
    result = ImportResult()
    reader = read_rows(text)
    try:
        for row_number, row in enumerate(reader, start=2):  # row 1 is the header
            if row_number - 1 > MAX_ROWS:
                result.errors.append((row_number, _("Too many rows; the rest of the file was not imported.")))
                break
            if not any((value or "").strip() for value in row.values() if isinstance(value, str)):
                continue
            _import_row(row, row_number, kind, department, default_published_on, dry_run, result)
    except csv.Error as exc:
        result.errors.append((reader.line_num, _("Malformed CSV: %(error)s") % {"error": exc}))
    return result


def _import_row(row, row_number, kind, department, default_published_on, dry_run, result):
    data = {field_name: (row.get(header) or "").strip() for header, field_name in COLUMNS.items()}
    if None in row:
        result.errors.append((row_number, _("The row has more cells than the header.")))
        return
    existing = DisclosureRecord.objects.filter(kind=kind, document_number=data["document_number"]).first()
    form = RecordRowForm(data, instance=existing)
    if not form.is_valid():
        messages = [
            f"{form.fields[name].label}: {' '.join(errors)}" if name in form.fields else " ".join(errors)
            for name, errors in form.errors.items()
        ]
        result.errors.append((row_number, "; ".join(messages)))
        return
    record = form.save(commit=False)
    record.kind = kind
    if department is not None and record.department_id is None:
        record.department = department
    if record.published_on is None and default_published_on is not None:
        record.published_on = default_published_on
    if dry_run:
        result.updated += bool(existing)
        result.created += not existing
        return
    try:
        with transaction.atomic():
            record.save()
    except IntegrityError as exc:
        result.errors.append((row_number, _("Could not save: %(error)s") % {"error": exc}))
        return
    if existing:
        result.updated += 1
    else:
        result.created += 1
