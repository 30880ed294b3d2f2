from wagtail.signals import page_published, page_unpublished


def on_page_published(sender, instance, **kwargs):
    from .models import InterpretationPage, PolicyDocumentPage, PublicationHold
    from .publishing import release_waiting_interpretations
    from .validity_updates import refresh_related_validity

    if isinstance(instance, PolicyDocumentPage):
        refresh_related_validity(instance)
        release_waiting_interpretations(instance)
    elif isinstance(instance, InterpretationPage):
        PublicationHold.objects.filter(page_id=instance.pk).delete()


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

    post_delete.connect(on_relation_deleted, sender=PolicyRelation, dispatch_uid="policy_relation_deleted")
    page_published.connect(on_page_published, dispatch_uid="policy_page_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="policy_page_unpublished")
