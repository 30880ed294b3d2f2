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


def connect():
    page_published.connect(on_page_published, dispatch_uid="policy_page_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="policy_page_unpublished")
