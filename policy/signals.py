"""Signals other apps (search, notifications) may hook.

``validity_changed(sender=PolicyDocumentPage, instance, old, new)`` is sent
whenever a document's stored validity changes: when the daily
``update_policy_validity`` command flips it, or when another document that
amends or repeals it is published or unpublished. Publishing itself sends
Wagtail's normal ``page_published`` / ``page_unpublished`` signals.
"""
from django.dispatch import Signal

validity_changed = Signal()
