from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicationHold(models.Model):
    """An approved revision waiting to go live together with its partner (同步发布).

    See ``policy.publishing`` for the rule. ``documents`` records, for a held
    interpretation, the documents its held revision interprets (the page's
    own many-to-many rows only reflect its last published state).
    """

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="policy_publication_hold")
    revision = models.ForeignKey("wagtailcore.Revision", on_delete=models.CASCADE, related_name="+")
    held_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    held_at = models.DateTimeField(auto_now=True)
    documents = models.ManyToManyField("policy.PolicyDocumentPage", blank=True, related_name="held_interpretations")

    class Meta:
        verbose_name = _("publication hold")
        verbose_name_plural = _("publication holds")
