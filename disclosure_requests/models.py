"""依申请公开: one request, its clock events, and the annual report.

The clock is never counted here: ``ClockEntry`` rows are replayed by
``workdays.clock`` (see ``clock.py``).
"""
import datetime
import secrets

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.public_forms import PersonalDataMixin

from .outcomes import Outcome

ANSWER_LIMIT = 20  # 第三十三条: 20 working days
MAX_EXTENSION = 20  # 第三十三条: at most 20 more, once
CORRECTION_NOTICE_LIMIT = 7  # 第三十条: 补正 notified once, within 7 working days
DEFAULT_CORRECTION_PERIOD = 15  # the period the agency sets for the applicant (working days)
THIRD_PARTY_PERIOD = 15  # 第三十二条: the third party answers within 15 working days


class ApplicantType(models.TextChoices):
    NATURAL = "natural", _("Natural person")
    BUSINESS = "business", _("Commercial enterprise")
    RESEARCH = "research", _("Research institution")
    PUBLIC_INTEREST = "public_interest", _("Social public-interest organisation")
    LEGAL_SERVICE = "legal_service", _("Legal service institution")
    OTHER_ORG = "other_org", _("Other organisation")


ORGANISATION_TYPES = [t for t in ApplicantType if t != ApplicantType.NATURAL]


class IdType(models.TextChoices):
    ID_CARD = "id_card", _("Resident identity card")
    OTHER = "other", _("Other identity document (passport, permit …)")
    USCC = "uscc", _("Unified social credit code")


class DeliveryForm(models.TextChoices):
    PAPER = "paper", _("Paper")
    ELECTRONIC = "electronic", _("Electronic file")


class DeliveryChannel(models.TextChoices):
    POST = "post", _("By post")
    EMAIL = "email", _("By e-mail")
    COLLECT = "collect", _("Collected in person")
    ONLINE = "online", _("Download from this website")


class ReceivedChannel(models.TextChoices):
    ONLINE = "online", _("Online form")
    LETTER = "letter", _("By letter")
    IN_PERSON = "in_person", _("In person")
    FAX = "fax", _("Fax")
    EMAIL = "email", _("E-mail")


class Status(models.TextChoices):
    HANDLING = "handling", _("Being handled")
    AWAITING_CORRECTION = "awaiting_correction", _("Awaiting correction by the applicant")
    CONSULTING = "consulting", _("Consulting a third party")
    AWAITING_APPROVAL = "awaiting_approval", _("Answer awaiting approval")
    APPROVED = "approved", _("Answer approved, to be sent")
    CLOSED = "closed", _("Answered and closed")


OPEN_STATUSES = [Status.HANDLING, Status.AWAITING_CORRECTION, Status.CONSULTING, Status.AWAITING_APPROVAL,
                 Status.APPROVED]


class FeeBasis(models.TextChoices):
    """国办函〔2020〕109号 第五条: a fee, if any, is counted by item or by quantity, never both."""

    NONE = "", _("no fee")
    PER_ITEM = "per_item", _("per item")
    PER_PAGE = "per_page", _("per page")


class DisclosureRequestQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status=Status.CLOSED)


class DisclosureRequest(PersonalDataMixin, models.Model):
    personal_fields = ("name", "id_number", "contact_person", "phone", "email", "address", "postcode")

    number = models.CharField(_("request number"), max_length=20, unique=True, editable=False)
    query_code_hash = models.CharField(max_length=128, editable=False)

    applicant_type = models.CharField(_("applicant type"), max_length=20, choices=ApplicantType.choices)
    name = models.CharField(_("applicant name"), max_length=100)
    id_type = models.CharField(_("identity document"), max_length=10, choices=IdType.choices)
    id_number = models.CharField(_("identity document number"), max_length=30)
    contact_person = models.CharField(_("contact person"), max_length=50, blank=True)
    phone = models.CharField(_("telephone"), max_length=30)
    email = models.EmailField(_("e-mail"), max_length=100, blank=True)
    address = models.CharField(_("postal address"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=6, blank=True)

    info_title = models.CharField(_("name of the information"), max_length=200)
    info_doc_number = models.CharField(_("document number of the information"), max_length=60, blank=True)
    description = models.TextField(_("description of the information"), max_length=2000)
    delivery_form = models.CharField(_("form of the information"), max_length=20, choices=DeliveryForm.choices)
    delivery_channel = models.CharField(_("way of receiving it"), max_length=20, choices=DeliveryChannel.choices)

    received_channel = models.CharField(_("received by"), max_length=20, choices=ReceivedChannel.choices)
    received_date = models.DateField(_("date received"))
    status = models.CharField(_("status"), max_length=30, choices=Status.choices, default=Status.HANDLING)

    correction_requested_on = models.DateField(_("correction requested on"), null=True, blank=True)
    correction_due = models.DateField(_("correction due"), null=True, blank=True)
    correction_text = models.TextField(_("what must be corrected"), blank=True, max_length=2000)
    consultation_due = models.DateField(_("third party to answer by"), null=True, blank=True)

    outcome = models.CharField(_("outcome"), max_length=30, choices=Outcome.choices, blank=True)
    answer_text = models.TextField(_("answer"), blank=True, max_length=5000)
    legal_basis = models.CharField(_("legal basis"), max_length=300, blank=True)
    fee = models.DecimalField(_("fee (yuan)"), max_digits=9, decimal_places=2, default=0)
    fee_basis = models.CharField(_("fee counted"), max_length=10, choices=FeeBasis.choices, blank=True)
    fee_quantity = models.PositiveIntegerField(_("items or pages counted"), null=True, blank=True)
    fee_suggested = models.DecimalField(_("fee computed from the tiers (yuan)"), max_digits=9, decimal_places=2,
                                        default=0)
    fee_reason = models.CharField(_("reason for a fee other than the computed one"), max_length=300, blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name=_("answered by"))
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name=_("approved by"))
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    closed_date = models.DateField(_("date closed"), null=True, blank=True, db_index=True)
    delivery_note = models.CharField(_("delivery record"), max_length=300, blank=True)
    proactive_page_id = models.IntegerField(null=True, blank=True, editable=False)

    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="+", verbose_name=_("registered by"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DisclosureRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("request for government information")
        verbose_name_plural = _("requests for government information")
        ordering = ["-received_date", "-id"]
        permissions = [
            ("view_personal_data", "Can see applicants' personal data"),
        ]

    def __str__(self):
        return self.number

    # 申请编号 and 查询码 -------------------------------------------------
    @classmethod
    def next_number(cls, year):
        prefix = f"YSQ{year}"
        last = cls.objects.filter(number__startswith=prefix).order_by("-number").values_list("number", flat=True).first()
        sequence = int(last[len(prefix):]) + 1 if last else 1
        return f"{prefix}{sequence:05d}"

    def save_new(self):
        """Insert with the next 申请编号 and a fresh 查询码; return the 查询码 (shown once)."""
        code = new_query_code()
        self.query_code_hash = make_password(code)
        for _attempt in range(5):
            self.number = self.next_number(self.received_date.year)
            try:
                with transaction.atomic():
                    self.save()
                return code
            except IntegrityError:  # two requests took the same number at once
                self.pk = None
        raise IntegrityError("could not allocate a request number")

    def check_query_code(self, code):
        return bool(code) and check_password(code.strip().upper(), self.query_code_hash)

    # The clock ------------------------------------------------------------
    @property
    def is_open(self):
        return self.status != Status.CLOSED

    def clock(self):
        from .clock import clock_of

        return clock_of(self)

    @property
    def is_organisation(self):
        return self.applicant_type != ApplicantType.NATURAL


QUERY_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def new_query_code():
    return "".join(secrets.choice(QUERY_CODE_ALPHABET) for _ in range(8))


class ClockEntry(models.Model):
    """One event of a request's clock, with who recorded it and why."""

    class Reason(models.TextChoices):
        RECEIVED = "received", _("Request received")
        CORRECTION_REQUESTED = "correction_requested", _("Correction requested")
        CORRECTION_RECEIVED = "correction_received", _("Corrected request received")
        CONSULTATION = "consultation", _("Third party consulted")
        CONSULTATION_DONE = "consultation_done", _("Third party's opinion received")
        EXTENSION = "extension", _("Time limit extended")

    request = models.ForeignKey(DisclosureRequest, on_delete=models.CASCADE, related_name="clock_entries")
    kind = models.CharField(max_length=10)  # workdays.clock kinds
    reason = models.CharField(_("reason"), max_length=30, choices=Reason.choices)
    day = models.DateField(_("date"))
    days = models.PositiveSmallIntegerField(default=0)
    note = models.CharField(_("note"), max_length=300, blank=True)
    approver = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+", verbose_name=_("approved by"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["day", "id"]
        verbose_name = _("clock event")


class FeeTier(models.Model):
    """One band of 国办函〔2020〕109号's fee standards, as data the operator can edit.

    Units ``above + 1`` … ``up_to`` cost ``amount`` each; units up to the first
    tier's ``above`` are free (no tier: free). An unbounded last tier may rise by
    ``step_increase`` every ``step`` units (109号: beyond 30 items, 100 yuan more
    per item for every further 10 items).
    """

    Basis = FeeBasis

    basis = models.CharField(_("charged"), max_length=10, choices=[c for c in FeeBasis.choices if c[0]])
    above = models.PositiveIntegerField(
        _("above (count per month)"),
        help_text=_("Per item: requests by the same applicant in a calendar month. Per page: pages provided for "
                    "one request (electronic files counted as printed pages)."))
    up_to = models.PositiveIntegerField(_("up to (empty: no upper bound)"), null=True, blank=True)
    amount = models.DecimalField(_("yuan per unit"), max_digits=7, decimal_places=2,
                                 validators=[MinValueValidator(0)])
    step = models.PositiveIntegerField(_("rises every (units)"), null=True, blank=True,
                                       validators=[MinValueValidator(1)],
                                       help_text=_("Only for a tier with no upper bound; leave empty for a flat rate."))
    step_increase = models.DecimalField(_("rise per step (yuan per unit)"), max_digits=7, decimal_places=2, null=True,
                                        blank=True, validators=[MinValueValidator(0)])

    class Meta:
        ordering = ["basis", "above"]
        verbose_name = _("fee tier")
        verbose_name_plural = _("fee tiers")

    def __str__(self):
        upper = self.up_to if self.up_to is not None else "∞"
        return f"{self.get_basis_display()} {self.above + 1}–{upper}: {self.amount}"

    def clean(self):
        errors = {}
        if self.up_to is not None and self.above is not None and self.up_to <= self.above:
            errors["up_to"] = _("The upper bound must be greater than the lower one.")
        if (self.step is None) != (self.step_increase is None):
            errors["step"] = _("Give both the step and the rise per step, or neither.")
        elif self.step is not None and self.up_to is not None:
            errors["step"] = _("Only a tier with no upper bound can rise by steps.")
        if not errors and self.basis and self.above is not None:
            high = self.up_to if self.up_to is not None else float("inf")
            for other in FeeTier.objects.filter(basis=self.basis).exclude(pk=self.pk):
                other_high = other.up_to if other.up_to is not None else float("inf")
                if self.above < other_high and other.above < high:
                    errors["above"] = _("This tier overlaps the tier %(tier)s.") % {"tier": other}
                    break
        if errors:
            raise ValidationError(errors)

    def rate(self, unit):
        """Yuan for the ``unit``-th unit (which must lie in this tier)."""
        if self.step:
            return self.amount + self.step_increase * ((unit - self.above - 1) // self.step)
        return self.amount


class AnnualReport(models.Model):
    """政府信息公开工作年度报告 of one year: entered text and numbers; the rest is counted from the site."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    overview = models.TextField(_("一、overall situation"), blank=True, max_length=20000)
    # 二: entered rows (the counted ones come from policy and 双公示)
    proactive_entered = models.JSONField(default=dict, blank=True)
    # 四: 行政复议 / 行政诉讼, entered
    review_litigation = models.JSONField(default=dict, blank=True)
    problems = models.TextField(_("五、main problems and improvements"), blank=True, max_length=20000)
    other_matters = models.TextField(_("六、other matters to report"), blank=True, max_length=20000)
    # Frozen numbers once published; empty while the report is a draft (counted live).
    frozen_tables = models.JSONField(default=dict, blank=True)
    page_id = models.IntegerField(null=True, blank=True, editable=False)
    typed_in = models.BooleanField(_("typed in (an earlier year)"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")

    def __str__(self):
        return f"{self.year}年政府信息公开工作年度报告"


def today():
    return timezone.localdate()


def year_bounds(year):
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
