from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import masking


class RecordKind(models.TextChoices):
    LICENSE = "license", _("Administrative licence")
    PENALTY = "penalty", _("Administrative penalty")


class PartyType(models.TextChoices):
    LEGAL_PERSON = masking.LEGAL_PERSON, _("Legal person or other organisation")
    INDIVIDUAL_BUSINESS = masking.INDIVIDUAL_BUSINESS, _("Individual business")
    NATURAL_PERSON = masking.NATURAL_PERSON, _("Natural person")


class DisclosureRecordQuerySet(models.QuerySet):
    def public(self, today=None):
        """Records whose publication date has come: the only ones ever shown publicly."""
        today = today or timezone.localdate()
        return self.filter(published_on__isnull=False, published_on__lte=today)


class DisclosureRecord(models.Model):
    """One licensing or penalty decision to disclose (双公示 record).

    The personal data fields (``party_name`` of a natural person,
    ``id_number``) are stored in full for the department's work but only the
    ``public_*`` properties may be used in public templates.
    """

    kind = models.CharField(_("kind"), max_length=10, choices=RecordKind.choices)
    document_number = models.CharField(_("decision document number"), max_length=100)
    party_name = models.CharField(_("party name"), max_length=200)
    party_type = models.CharField(_("party type"), max_length=30, choices=PartyType.choices)
    id_number = models.CharField(
        _("credit code or ID number"), max_length=50, blank=True,
        help_text=_("Unified social credit code of an organisation, identity number of a person (masked publicly)."),
    )
    decision_date = models.DateField(_("decision date"))
    matter = models.TextField(_("facts or licensed matter"))
    legal_basis = models.TextField(_("legal basis"))
    result = models.TextField(_("decision"))
    authority = models.CharField(_("deciding authority"), max_length=100)
    department = models.ForeignKey(
        "departments.Department", verbose_name=_("responsible department"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="disclosure_records",
    )
    published_on = models.DateField(
        _("disclosure date"), null=True, blank=True, help_text=_("Empty: not yet published."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DisclosureRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-decision_date", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "document_number"], name="sgs_unique_document_per_kind"),
        ]
        indexes = [models.Index(fields=["kind", "published_on", "decision_date"])]
        verbose_name = _("disclosure record")
        verbose_name_plural = _("disclosure records")

    def __str__(self):
        return f"{self.document_number} {self.public_party_name}"

    @property
    def public_party_name(self):
        return masking.public_party_name(self.party_name, self.party_type)

    @property
    def public_id_number(self):
        return masking.public_id_number(self.id_number, self.party_type)

    def _personal_names(self):
        return [self.party_name] if self.party_type == PartyType.NATURAL_PERSON else []

    @property
    def public_matter(self):
        return masking.mask_text(self.matter, self._personal_names())

    @property
    def public_result(self):
        return masking.mask_text(self.result, self._personal_names())

    @property
    def public_legal_basis(self):
        return masking.mask_text(self.legal_basis, self._personal_names())
