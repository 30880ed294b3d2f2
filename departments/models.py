"""The agency's departments (处室 / 直属单位 / 区局) and review roles.

Both are loaded from the site tree data file; each is backed by Wagtail groups
so that page permissions and workflow tasks can be granted to them.
"""
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _


class DepartmentQuerySet(models.QuerySet):
    def for_user(self, user):
        """Departments whose editor or head group the user belongs to."""
        if not user.is_authenticated:
            return self.none()
        group_ids = user.groups.values_list("pk", flat=True)
        return self.filter(models.Q(group__in=group_ids) | models.Q(head_group__in=group_ids)).distinct()


class Department(models.Model):
    class Kind(models.TextChoices):
        OFFICE = "office", _("Internal office (处室)")
        UNIT = "unit", _("Affiliated unit (直属单位)")
        DISTRICT = "district", _("District bureau (区局)")
        PARTY = "party", _("Party organisation")
        ASSOCIATION = "association", _("Association")
        SHARED = "shared", _("Shared by the relevant offices (相关处室)")

    key = models.SlugField(_("key"), max_length=64, unique=True)
    name = models.CharField(_("name"), max_length=100, unique=True)
    name_en = models.CharField(
        _("English name"), max_length=150, blank=True,
        help_text=_("Shown as 发布部门 on the English site; empty: the Chinese name."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OFFICE)
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    group = models.OneToOneField(
        Group, verbose_name=_("editors group"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="department",
    )
    head_group = models.OneToOneField(
        Group, verbose_name=_("department heads group"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="headed_department",
    )

    objects = DepartmentQuerySet.as_manager()

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("department")
        verbose_name_plural = _("departments")

    def __str__(self):
        return self.name

    @property
    def display_name(self):
        """The name in the current language: the English form on /en/, the 繁體 conversion on /zh-hant/."""
        from core.localize import local_text

        return local_text(self.name, english=self.name_en)

    @property
    def is_shared(self):
        """A placeholder such as 相关处室: every department may write there."""
        return self.kind == self.Kind.SHARED


class ReviewRole(models.Model):
    """A review role named by the source documents (初审, 终审, 保密复核 …)."""

    key = models.SlugField(_("key"), max_length=64, unique=True)
    name = models.CharField(_("name"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    group = models.OneToOneField(
        Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="review_role",
    )

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("review role")
        verbose_name_plural = _("review roles")

    def __str__(self):
        return self.name
