"""Spreadsheet exports (CSV and XLSX) that a spreadsheet program opens safely.

Every export of the platform goes through this module (issue 18):

- ``neutralise(value)``: a text cell that starts with ``=``, ``+``, ``-``, ``@``,
  a tab or a carriage return would run as a formula in Excel/WPS/LibreOffice
  (``=HYPERLINK(...)`` in a letter title, a comment or a page title); such a cell is
  written with a leading apostrophe, which the spreadsheet shows as text.
  Numbers, dates and ``None`` pass unchanged.
- ``csv_response(rows, filename)``: a UTF-8 CSV download with a byte-order mark
  (Excel opens UTF-8 CSV as Chinese only with a BOM), every cell neutralised.
- ``csv_streaming_response(rows, filename)``: the same, streamed row by row.
- ``xlsx_response(rows, filename)``: the same rows as an XLSX workbook, every text cell
  neutralised and stored as text, never as a formula.
- ``SafeSpreadsheetExportMixin``: for Wagtail report/listing views with
  ``list_export`` (审核记录, 搜索无结果): same neutralising and BOM for their CSV
  and XLSX exports.
"""
import csv
import io

from django.http import HttpResponse, StreamingHttpResponse
from django.utils.functional import Promise

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralise(value):
    """The cell value with a leading apostrophe if it would start a formula; non-text unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def safe_row(row):
    """A row of cells for a spreadsheet: text neutralised, ``None`` empty, lazy strings made text."""
    out = []
    for value in row:
        if value is None:
            value = ""
        elif isinstance(value, Promise):  # gettext_lazy headings
            value = str(value)
        out.append(neutralise(value))
    return out


def _attachment(response, filename):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_text(rows):
    """The CSV document (with BOM) for ``rows``; each cell neutralised."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow(safe_row(row))
    return buffer.getvalue()


def csv_response(rows, filename):
    """An attachment download of ``rows`` (an iterable of lists; the first one the header) as CSV."""
    return _attachment(HttpResponse(csv_text(rows), content_type=CSV_CONTENT_TYPE), filename)


class _Echo:
    def write(self, value):
        return value


def csv_streaming_response(rows, filename):
    """Like ``csv_response`` but written row by row (large exports: ``rows`` may be a generator)."""
    def lines():
        yield BOM
        writer = csv.writer(_Echo())
        for row in rows:
            yield writer.writerow(safe_row(row))

    return _attachment(StreamingHttpResponse(lines(), content_type=CSV_CONTENT_TYPE), filename)


def xlsx_bytes(rows):
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    for row in rows:
        cells = []
        for value in safe_row(row):
            cell = WriteOnlyCell(sheet, value if isinstance(value, (int, float)) else str(value))
            if cell.data_type == "f":  # never a formula, whatever openpyxl guessed
                cell.data_type = "s"
            cells.append(cell)
        sheet.append(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xlsx_response(rows, filename):
    return _attachment(HttpResponse(xlsx_bytes(rows), content_type=XLSX_CONTENT_TYPE), filename)


class SafeSpreadsheetExportMixin:
    """Mix in before Wagtail's ReportView/IndexView (which carry ``SpreadsheetExportMixin``)."""

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(super().preprocess_field_value(field, value, export_format))

    def stream_csv(self, queryset):
        yield BOM
        yield from super().stream_csv(queryset)

    def write_csv_response(self, queryset):
        response = StreamingHttpResponse(self.stream_csv(queryset), content_type=CSV_CONTENT_TYPE)
        return _attachment(response, f"{self.get_filename()}.csv")
