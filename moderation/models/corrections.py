"""更正说明: public correction notes with their date, shown on the page (like GOV.UK change notes)."""
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.models import Orderable


class CorrectionNote(Orderable):
    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="correction_notes")
    date = models.DateField(_("date"), default=timezone.localdate)
    note = models.TextField(_("correction note"), max_length=1000)

    class Meta(Orderable.Meta):
        verbose_name = _("correction note")
        verbose_name_plural = _("correction notes")

    def __str__(self):
        return f"{self.date}: {self.note[:40]}"


# Labels of the InlinePanel in core.models.BasePage.metadata_panels (translated in this app's catalogue).
PANEL_HEADING = _("Correction notes")
PANEL_LABEL = _("Correction note")
