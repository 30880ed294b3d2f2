"""同步发布: a normative document that requires interpretation and its
interpretation(s) are approved separately but go live together.

Rule
----
* A *gated* document is an administrative normative document flagged
  ``requires_interpretation`` that is not live yet and has no live
  interpretation. A *gated* interpretation is one with a source document
  that is not live.
* "Approval" is the moment a publish is requested (by an editor with
  publish permission, by the last step of a workflow, or by the scheduler).
  When a gated page is approved its revision is *held* (``PublicationHold``)
  instead of going live, unless its partners are already approved: then the
  whole group (held documents first, then their held interpretations) is
  published in one database transaction.

Where the rule is enforced (so it holds on every publish path)
---------------------------------------------------------------
* ``PolicyDocumentPage.publish`` / ``InterpretationPage.publish`` (the model
  method that ``Revision.publish()`` calls): workflow completion
  (``wagtail.workflows.publish_workflow_state``), ``publish_scheduled``, bulk
  publish and the page create view all go through it.
* the ``before_publish_page`` hook (``wagtail_hooks.py``): the page edit view
  runs ``PublishPageRevisionAction`` directly, so the hook holds or releases
  there and tells the editor what happened.
* ``clean()`` on both models calls ``guard_going_live``: when any other code
  path tries to make a gated page live, ``Page.save()`` -> ``full_clean()``
  refuses it with a ValidationError.
* the ``page_published`` signal handler releases held interpretations
  whenever a document goes live by any path.
"""
import contextvars
import enum
import logging
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import Page

logger = logging.getLogger("govsite.policy")

_releasing = contextvars.ContextVar("policy_releasing", default=frozenset())


class Outcome(enum.Enum):
    NOT_GATED = "not_gated"
    HELD = "held"
    RELEASED = "released"


@contextmanager
def releasing(page_ids):
    token = _releasing.set(_releasing.get() | frozenset(page_ids))
    try:
        yield
    finally:
        _releasing.reset(token)


def _models():
    from .models import InterpretationPage, PolicyDocumentPage, PublicationHold

    return PolicyDocumentPage, InterpretationPage, PublicationHold


def _live_ids(ids):
    """Pages that have really been published. The admin's create-and-publish view saves a
    new page with live=True before publishing it, so live alone is not enough."""
    return set(
        Page.objects.filter(pk__in=ids, live=True, last_published_at__isnull=False).values_list("pk", flat=True)
    )


def source_ids(interpretation):
    """Source document ids of an interpretation as held in memory (revision content)."""
    return [doc.pk for doc in interpretation.source_documents.all() if doc.pk]


def requires_sync(document):
    return bool(document.is_normative and document.requires_interpretation)


def is_gated(page):
    PolicyDocumentPage, InterpretationPage, _hold = _models()
    if page.pk in _releasing.get():
        return False
    if isinstance(page, PolicyDocumentPage):
        if not requires_sync(page) or (page.pk and _live_ids([page.pk])):
            return False
        return not InterpretationPage.objects.live().filter(
            source_documents=page.pk, last_published_at__isnull=False
        ).exists()
    if isinstance(page, InterpretationPage):
        ids = source_ids(page)
        return bool(ids) and _live_ids(ids) != set(ids)
    return False


def guard_going_live(page):
    """Refuse, in ``full_clean``, to make a gated page live outside a release."""
    if not page.pk or not page.live or page.live_revision_id is None or page.pk in _releasing.get():
        return
    stored = Page.objects.filter(pk=page.pk).values_list("live_revision_id", flat=True).first()
    if stored == page.live_revision_id:
        return  # an ordinary save or form validation, not a publish
    if is_gated(page):
        raise ValidationError(
            _("This page must be published together with its approved interpretation or document (同步发布).")
        )


def _hold(page, revision, user):
    PolicyDocumentPage, InterpretationPage, PublicationHold = _models()
    # A page the create view saved as live but that was never published stays off the site.
    Page.objects.filter(pk=page.pk, last_published_at__isnull=True).update(live=False)
    hold, _created = PublicationHold.objects.update_or_create(
        page_id=page.pk, defaults={"revision": revision, "held_by": user if user and user.is_authenticated else None},
    )
    if isinstance(page, InterpretationPage):
        hold.documents.set(source_ids(page))
    else:
        hold.documents.clear()
    return hold


def _release_plan(page):
    """(documents, interpretations) to publish together with ``page``, or None if a partner is missing."""
    PolicyDocumentPage, InterpretationPage, PublicationHold = _models()
    held = {h.page_id: h for h in PublicationHold.objects.prefetch_related("documents")}

    def sources(interp_id):
        return [d.pk for d in held[interp_id].documents.all()]

    docs, interps = set(), set()
    if isinstance(page, PolicyDocumentPage):
        docs.add(page.pk)
    else:
        interps.add(page.pk)
    held_interps = [pk for pk, h in held.items() if h.documents.all()]  # only interpretation holds carry documents
    changed = True
    while changed:
        changed = False
        for interp_id in list(interps):
            for doc_id in sources(interp_id):
                if doc_id in docs or _live_ids([doc_id]):
                    continue
                if doc_id not in held:
                    return None
                docs.add(doc_id)
                changed = True
        for interp_id in held_interps:
            if interp_id in interps:
                continue
            ids = sources(interp_id)
            if set(ids) & docs and all(d in docs or _live_ids([d]) for d in ids):
                interps.add(interp_id)
                changed = True
    covered = {d for interp_id in interps for d in sources(interp_id)}
    live_interp_docs = set(
        InterpretationPage.objects.live().filter(source_documents__in=docs, last_published_at__isnull=False)
        .values_list("source_documents", flat=True)
    )
    if any(d not in covered and d not in live_interp_docs for d in docs):
        return None
    order = {pk: i for i, pk in enumerate(sorted(docs))}
    return sorted(docs, key=order.get), sorted(interps)


def request_publish(revision, user=None, page=None):
    """Decide what a publish request for ``revision`` does; see the module docstring.

    ``page`` is the revision's content when the caller has already loaded it (``revision.as_object()``).
    """
    page = page if page is not None else revision.as_object()
    if not is_gated(page):
        return Outcome.NOT_GATED
    with transaction.atomic():
        _hold(page, revision, user)
        plan = _release_plan(page)
        if plan is None:
            log(instance=page, action="policy.publish_held", user=user, revision=revision)
            return Outcome.HELD
        release(*plan, user=user)
    return Outcome.RELEASED


def release(doc_ids, interp_ids, user=None):
    """Publish the held revisions of the given pages, documents first, in one transaction."""
    _doc, _interp, PublicationHold = _models()
    with transaction.atomic(), releasing(list(doc_ids) + list(interp_ids)):
        for page_id in list(doc_ids) + list(interp_ids):
            hold = PublicationHold.objects.select_related("revision").filter(page_id=page_id).first()
            if hold is None:
                continue  # already released by the page_published handler
            if page_id in interp_ids:
                ids = [d.pk for d in hold.documents.all()]
                if _live_ids(ids) != set(ids):
                    continue  # a document was only scheduled: the interpretation waits for it
            revision = hold.revision
            hold.delete()
            revision.publish(user=user, skip_permission_checks=True)
            log(instance=revision.as_object(), action="policy.released_together", user=user, revision=revision)


def release_waiting_interpretations(document, user=None):
    """After ``document`` went live: publish held interpretations whose documents are now all live."""
    _doc, _interp, PublicationHold = _models()
    PublicationHold.objects.filter(page_id=document.pk).delete()
    ready = []
    for hold in PublicationHold.objects.filter(documents=document.pk).prefetch_related("documents"):
        ids = [d.pk for d in hold.documents.all()]
        if _live_ids(ids) == set(ids):
            ready.append(hold.page_id)
    if ready:
        release([], ready, user=user)


def hold_for(page):
    _doc, _interp, PublicationHold = _models()
    return PublicationHold.objects.filter(page_id=page.pk).select_related("revision").first()
