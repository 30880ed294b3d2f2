"""Text of PDF and DOCX attachments (pypdf, python-docx), cached per file."""
import hashlib
import io
import logging

logger = logging.getLogger("govsite")

MAX_ATTACHMENT_CHARS = 200_000


def _read_bytes(document):
    with document.file.open("rb") as fh:
        return fh.read()


def extract_text(data, filename):
    name = (filename or "").lower()
    try:
        if name.endswith(".pdf"):
            from pypdf import PdfReader

            reader = PdfReader(io.BytesIO(data))
            return "\n".join((p.extract_text() or "") for p in reader.pages)[:MAX_ATTACHMENT_CHARS]
        if name.endswith(".docx"):
            import docx

            doc = docx.Document(io.BytesIO(data))
            parts = [p.text for p in doc.paragraphs]
            for table in doc.tables:
                for row in table.rows:
                    parts.extend(cell.text for cell in row.cells)
            return "\n".join(parts)[:MAX_ATTACHMENT_CHARS]
        if name.endswith(".txt"):
            return data.decode("utf-8", errors="ignore")[:MAX_ATTACHMENT_CHARS]
    except Exception:  # a damaged upload must never stop indexing of the page
        logger.warning("Could not extract text from %s", filename, exc_info=True)
    return ""


def document_text(document):
    """Extracted text of a Wagtail document, re-extracted only when the file changes."""
    from .models import AttachmentText

    try:
        data = _read_bytes(document)
    except (OSError, ValueError):
        return ""
    digest = hashlib.sha256(data).hexdigest()
    cached = AttachmentText.objects.filter(document=document).first()
    if cached and cached.file_hash == digest:
        return cached.text
    text = extract_text(data, document.file.name)
    AttachmentText.objects.update_or_create(document=document, defaults={"file_hash": digest, "text": text})
    return text


def referenced_documents(page, extra=()):
    """Wagtail documents a page links to: body attachment blocks, rich-text links, facets."""
    from wagtail.documents import get_document_model

    ids = set()
    docs = [d for d in extra if d is not None]
    body = getattr(page, "body", None)
    if body is not None and hasattr(body, "raw_data"):
        _collect_ids(body.raw_data, ids)
    Document = get_document_model()
    known = {d.pk for d in docs}
    if ids - known:
        docs.extend(Document.objects.filter(pk__in=ids - known))
    return docs


def _collect_ids(raw, ids):
    import re

    if isinstance(raw, dict):
        if raw.get("type") == "attachment" and isinstance(raw.get("value"), dict):
            doc_id = raw["value"].get("document")
            if isinstance(doc_id, int):
                ids.add(doc_id)
        for value in raw.values():
            _collect_ids(value, ids)
    elif isinstance(raw, (list, tuple)) or (hasattr(raw, "__iter__") and not isinstance(raw, (str, bytes))):
        for value in raw:
            _collect_ids(value, ids)
    elif isinstance(raw, str) and 'linktype="document"' in raw:
        ids.update(int(m) for m in re.findall(r'<a [^>]*linktype="document"[^>]*id="(\d+)"', raw))
        ids.update(int(m) for m in re.findall(r'<a [^>]*id="(\d+)"[^>]*linktype="document"', raw))
