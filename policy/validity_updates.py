"""Recomputing the stored validity (有效性) of policy documents.

Validity is stored on the page so listings can filter and badge without
extra queries. It is recomputed on every save, and here, for documents whose
dates have passed (the daily command) or whose amending/repealing documents
were published or unpublished. Each change is written with a queryset update
(no new revision), logged as a ``policy.validity_changed`` PageLogEntry and
announced with ``policy.signals.validity_changed``.
"""
from collections import defaultdict

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from .signals import validity_changed


def _links_by_target(target_ids=None):
    from .models import PolicyRelation

    qs = PolicyRelation.objects.filter(source__live=True)
    if target_ids is not None:
        qs = qs.filter(target_id__in=target_ids)
    links = defaultdict(list)
    for target_id, kind, effective in qs.values_list("target_id", "kind", "source__effective_date"):
        links[target_id].append((kind, effective))
    return links


def refresh_validity(documents=None, *, today=None, user=None):
    """Recompute validity for ``documents`` (a queryset; default: all). Returns [(page, old, new)]."""
    from .models import PolicyDocumentPage

    today = today or timezone.localdate()
    qs = documents if documents is not None else PolicyDocumentPage.objects.all()
    qs = qs.only("pk", "title", "validity", "effective_date", "expiry_date", "validity_override", "draft_title")
    docs = list(qs)
    links = _links_by_target([d.pk for d in docs])
    changes = []
    for doc in docs:
        new = doc.compute_validity(today=today, links=links.get(doc.pk, []))
        if new == doc.validity:
            continue
        old = doc.validity
        with transaction.atomic():
            updated = PolicyDocumentPage.objects.filter(pk=doc.pk, validity=old).update(validity=new)
            if not updated:
                continue  # changed concurrently; the next run sees the new value
            doc.validity = new
            log(instance=doc, action="policy.validity_changed", user=user, data={"old": old, "new": new})
        validity_changed.send(sender=PolicyDocumentPage, instance=doc, old=old, new=new)
        changes.append((doc, old, new))
    return changes


def refresh_related_validity(document, user=None):
    """After ``document`` was published or unpublished: refresh the documents it amends or repeals.

    Links removed by a new revision are handled by the PolicyRelation post_delete handler.
    """
    from .models import PolicyDocumentPage, PolicyRelation

    target_ids = list(PolicyRelation.objects.filter(source_id=document.pk).values_list("target_id", flat=True))
    if target_ids:
        return refresh_validity(PolicyDocumentPage.objects.filter(pk__in=target_ids), user=user)
    return []
