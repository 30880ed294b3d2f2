"""Extra search content from plugins (the ``search_document`` hook).

The site search calls :func:`extra_search_content` for each page it indexes
and adds the text to the page's searchable body and the facets to its
filterable fields.
"""
from .registry import get_registry


def extra_search_content(page, registry=None):
    """{"text": "joined text", "facets": {name: value}} merged from every plugin."""
    registry = registry or get_registry()
    texts, facets = [], {}
    for _plugin, document in registry.results("search_document", page=page):
        if document.get("text"):
            texts.append(str(document["text"]))
        facets.update(document.get("facets") or {})
    return {"text": "\n".join(texts), "facets": facets}
