from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Page

from .workflows import assign_new_page


@receiver(post_save)
def assign_plugin_workflow(sender, instance, created, raw=False, **kwargs):
    # Page types a plugin assigns to a workflow get it as soon as they exist,
    # so their first publication already goes through review.
    if created and not raw and isinstance(instance, Page) and type(instance) is not Page:
        assign_new_page(instance)
