"""Uploads are checked by their content, not only by their name (issue 18, item 7).

``filetype`` reads the magic bytes; the detected kind must be one the declared
extension allows. Text formats (txt, csv) must contain no binary kind and no
NUL byte. Used by the admin document form (moderation/media_guard.py) and by
anything else that accepts files.
"""
import os

import filetype
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word/Excel 97-2003, WPS, ET
_ZIP_KINDS = {"zip", "docx", "xlsx", "pptx", "odt", "ods", "odp", "epub"}

# extension -> detected kinds (filetype extensions) that content may have
ALLOWED_KINDS = {
    "pdf": {"pdf"},
    "ofd": {"zip"},  # OFD (GB/T 33190) is a ZIP container
    "docx": {"docx", "zip"},
    "xlsx": {"xlsx", "zip"},
    "zip": {"zip"},
    "doc": {"doc", "ole2"},
    "xls": {"xls", "ole2"},
    "wps": {"doc", "ole2"},
    "et": {"xls", "ole2"},
    "txt": {None},
    "csv": {None},
}


def _read_head(uploaded, size=8192):
    position = uploaded.tell() if hasattr(uploaded, "tell") else 0
    uploaded.seek(0)
    head = uploaded.read(size)
    uploaded.seek(position)
    return head


def detected_kind(head):
    kind = filetype.guess(head)
    if kind is not None:
        return kind.extension
    if head.startswith(_OLE2):
        return "ole2"
    return None


def check_document_content(uploaded):
    """Raise ValidationError unless the file's content matches its extension."""
    extension = os.path.splitext(uploaded.name or "")[1].lower().lstrip(".")
    head = _read_head(uploaded)
    kind = detected_kind(head)
    allowed = ALLOWED_KINDS.get(extension)
    if allowed is None:
        return  # extensions are limited by WAGTAILDOCS_EXTENSIONS; nothing more known here
    if kind in _ZIP_KINDS and "zip" in allowed:
        kind = "zip" if kind not in allowed else kind
    if kind not in allowed or (None in allowed and b"\x00" in head):
        raise ValidationError(
            _("The file's content does not match its extension .%(extension)s."),
            code="content_mismatch", params={"extension": extension},
        )
