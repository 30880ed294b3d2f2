"""Applying the ``page_placements`` hook to Wagtail page models."""
import logging

from django.apps import apps

from .registry import get_registry

logger = logging.getLogger("govsite.plugins")


def _label(model):
    return f"{model._meta.app_label}.{model.__name__}"


def _add(model, attribute, label):
    current = getattr(model, attribute, None)
    if current is None:
        return  # unrestricted: nothing to add
    if label not in current:
        # Assign a new list on the class itself: never mutate a list inherited from a parent class.
        setattr(model, attribute, list(current) + [label])
    # Wagtail caches the resolved models per class; recompute on next use.
    model._clean_subpage_models = None
    model._clean_parent_page_models = None


def apply_page_placements(registry=None):
    """Allow each placed page type below its parent types; return the applied (child, parent) pairs."""
    registry = registry or get_registry()
    applied = []
    for child_label, parent_labels in registry.collect("page_placements"):
        child = apps.get_model(child_label)
        for parent_label in parent_labels:
            parent = apps.get_model(parent_label)
            _add(child, "parent_page_types", _label(parent))
            _add(parent, "subpage_types", _label(child))
            applied.append((_label(child), _label(parent)))
    return applied
