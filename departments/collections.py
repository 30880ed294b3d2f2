"""The document and image collection of a department (one per department, plus a shared one).

``load_site_tree`` creates them (sections/site_tree/loader.py) and grants each
department's groups their own collection; importers and plugins file uploads
with ``collection_for(department)``.
"""
from wagtail.models import Collection

SHARED_COLLECTION_NAME = "共享"


def _root():
    return Collection.get_first_root_node()


def shared_collection():
    root = _root()
    return root.get_children().filter(name=SHARED_COLLECTION_NAME).first() or root


def collection_for(department):
    """The department's own collection; the shared one when it has none (or no department is given)."""
    if department is not None:
        collection = _root().get_children().filter(name=department.name).first()
        if collection is not None:
            return collection
    return shared_collection()
