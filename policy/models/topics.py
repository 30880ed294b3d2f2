from django.db import models
from django.utils.translation import gettext_lazy as _


class PolicyTopic(models.Model):
    """主题分类: the topic taxonomy, maintained in the admin (two levels at most)."""

    name = models.CharField(_("name"), max_length=60)
    parent = models.ForeignKey(
        "self", verbose_name=_("parent topic"), null=True, blank=True, on_delete=models.PROTECT, related_name="children",
    )
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("policy topic")
        verbose_name_plural = _("policy topics")
        constraints = [models.UniqueConstraint(fields=["parent", "name"], name="policy_topic_unique_name_per_parent")]

    def __str__(self):
        return f"{self.parent.name} / {self.name}" if self.parent_id else self.name
