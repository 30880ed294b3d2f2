"""标签目录: a controlled tag catalogue.

Tags are django-taggit tags with a catalogue category. Only the 办公室 role
(see ``policy.permissions``) may add or change them; editors pick from the
catalogue and the page form refuses any other tag.
"""
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase


class TagCategory(models.Model):
    name = models.CharField(_("name"), max_length=60, unique=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("tag category")
        verbose_name_plural = _("tag categories")

    def __str__(self):
        return self.name


class PolicyTag(TagBase):
    category = models.ForeignKey(
        TagCategory, verbose_name=_("category"), null=True, blank=True, on_delete=models.PROTECT, related_name="tags",
    )
    is_active = models.BooleanField(
        _("available to editors"), default=True,
        help_text=_("Retired tags stay on existing documents but cannot be applied again."),
    )
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["category__sort_order", "sort_order", "name"]
        verbose_name = _("catalogue tag")
        verbose_name_plural = _("tag catalogue")


class TaggedPolicyDocument(ItemBase):
    tag = models.ForeignKey(PolicyTag, on_delete=models.CASCADE, related_name="tagged_documents")
    content_object = ParentalKey("policy.PolicyDocumentPage", on_delete=models.CASCADE, related_name="tagged_items")

    class Meta:
        verbose_name = _("tagged policy document")
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="policy_tagged_unique_per_document"),
        ]
