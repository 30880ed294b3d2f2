from wagtail.signals import page_published, page_unpublished


def on_page_published(sender, instance, **kwargs):
    from core import bulk

    from .models import InterpretationPage, PolicyDocumentPage, PublicationHold
    from .publishing import release_waiting_interpretations
    from .validity_updates import refresh_related_validity

    if isinstance(instance, PolicyDocumentPage):
        if bulk.defer("policy_published", [instance.pk]):
            return  # a bulk import: published_documents() below, for the whole batch
        refresh_related_validity(instance)
        release_waiting_interpretations(instance)
    elif isinstance(instance, InterpretationPage):
        PublicationHold.objects.filter(page_id=instance.pk).delete()


def published_documents(page_ids):
    """Deferred pass of a bulk import: what on_page_published does for each document, for a batch.

    The documents they amend or repeal get their validity refreshed (one
    query for the links, one per changed document), held interpretations
    waiting for them are released.
    """
    from .models import PolicyDocumentPage, PolicyRelation, PublicationHold
    from .publishing import release_waiting_interpretations
    from .validity_updates import refresh_validity

    targets = set(PolicyRelation.objects.filter(source_id__in=page_ids).values_list("target_id", flat=True))
    if targets:
        refresh_validity(PolicyDocumentPage.objects.filter(pk__in=targets))
    PublicationHold.objects.filter(page_id__in=page_ids).delete()
    waiting = set(PublicationHold.objects.filter(documents__in=page_ids).values_list("documents", flat=True))
    for document in PolicyDocumentPage.objects.filter(pk__in=waiting & set(page_ids)):
        release_waiting_interpretations(document)


def on_page_unpublished(sender, instance, **kwargs):
    from .models import PolicyDocumentPage
    from .validity_updates import refresh_related_validity

    if isinstance(instance, PolicyDocumentPage):
        refresh_related_validity(instance)


def on_relation_deleted(sender, instance, **kwargs):
    """A repeal/amend link was removed (a new revision dropped it): the old target may be back in force."""
    from .models import PolicyDocumentPage
    from .validity_updates import refresh_validity

    refresh_validity(PolicyDocumentPage.objects.filter(pk=instance.target_id))


def connect():
    from django.db.models.signals import post_delete

    from .models import PolicyRelation

    from django.utils.translation import gettext_lazy as _

    from core import bulk

    bulk.register_pass("policy_published", _("Validity of amended and repealed documents"), published_documents)
    post_delete.connect(on_relation_deleted, sender=PolicyRelation, dispatch_uid="policy_relation_deleted")
    page_published.connect(on_page_published, dispatch_uid="policy_page_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="policy_page_unpublished")
