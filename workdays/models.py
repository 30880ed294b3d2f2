from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkdayOverride(models.Model):
    """A day whose status the chinese-calendar package gets wrong or does not know yet.

    The State Council publishes next year's holiday arrangement each autumn;
    until the package is updated an administrator records the 放假 and 调休
    days here. An override always wins over the package.
    """

    date = models.DateField(_("date"), unique=True)
    is_workday = models.BooleanField(
        _("working day"), help_text=_("Ticked: a working day (e.g. a weekend 调休 day). Unticked: a day off."),
    )
    note = models.CharField(_("note"), max_length=200, blank=True, help_text=_("For example: National Day holiday"))

    class Meta:
        ordering = ["-date"]
        verbose_name = _("working-day override")
        verbose_name_plural = _("working-day overrides")

    def __str__(self):
        kind = _("working day") if self.is_workday else _("day off")
        return f"{self.date:%Y-%m-%d} {kind}"
