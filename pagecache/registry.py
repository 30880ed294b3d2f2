"""Models outside the page tree whose changes show on public pages.

An app whose data appears on pages (e.g. interaction's published letters on a
policy page's 政策留言板) registers the model here instead of pagecache
importing the app (the layer contract: feature apps import pagecache, never
the reverse):

    from pagecache.api import register_dependency
    register_dependency(Letter, pages=lambda letter: [letter.page], when=lambda letter, update_fields: ...)

On every save or deletion of an instance for which ``when`` holds, the
fragment generation is bumped and the pages ``pages(instance)`` returns are
purged in every language (the page only, not its listings: use
``everything=True`` for data shown on every page, such as a footer link).
"""
from django.db.models.signals import post_delete, post_save

_registered = {}  # model label -> (pages, when, everything)


def register_dependency(model, *, pages=None, when=None, everything=False):
    """Purge ``pages(instance)`` (or every public URL) when an instance of ``model`` changes."""
    label = model._meta.label
    _registered[label] = (pages, when, everything)
    post_save.connect(_on_save, sender=model, dispatch_uid=f"pagecache_dependency_save_{label}")
    post_delete.connect(_on_delete, sender=model, dispatch_uid=f"pagecache_dependency_delete_{label}")


def registered():
    return dict(_registered)


def _on_save(sender, instance, update_fields=None, raw=False, **kwargs):
    if not raw:
        _changed(sender, instance, update_fields)


def _on_delete(sender, instance, **kwargs):
    _changed(sender, instance, None)


def _changed(sender, instance, update_fields):
    from . import purge

    entry = _registered.get(sender._meta.label)
    if entry is None:
        return
    pages, when, everything = entry
    if when is not None and not when(instance, update_fields):
        return
    if everything:
        purge.changed(purge.all_urls())
        return
    found = [p for p in (pages(instance) if pages else []) if p is not None]
    if found:
        purge.changed(purge.pages_only_urls(found))
