"""草案意见征集: the consultation page, its public comments and its feedback report."""

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from core.models import BasePage
from core.pages import public
from core.public_forms import PersonalDataMixin
from sections.models.placement import ColumnKindPageMixin

from .. import periods
from ..articles import split_draft

FEEDBACK_DUE_MONTHS = 1


class DraftKind(models.TextChoices):
    MAJOR_DECISION = periods.MAJOR_DECISION, _("Major administrative decision (重大行政决策)")
    REGULATION = periods.REGULATION, _("Government regulation (规章)")
    NORMATIVE = periods.NORMATIVE, _("Administrative normative document (行政规范性文件)")
    OTHER = periods.OTHER, _("Other")


class State(models.TextChoices):
    NOT_STARTED = "not_started", _("Not yet open")
    OPEN = "open", _("Open for comment")
    CLOSED = "closed", _("Closed")
    FEEDBACK = "feedback", _("Feedback published")


def today():
    """Today in Beijing time (TIME_ZONE): the day a consultation opens or closes on."""
    return timezone.localdate()


class ConsultationPage(ColumnKindPageMixin, BasePage):
    """A draft put out for public comment (征集), an item of the 草案意见征集 column."""

    summary = models.TextField(_("summary"), blank=True, max_length=500)
    kind = models.CharField(_("kind of draft"), max_length=20, choices=DraftKind.choices, default=DraftKind.OTHER)
    concerns_business = models.BooleanField(
        _("closely concerns how businesses operate"), default=False,
        help_text=_("A normative document that does must be open for at least 30 days."),
    )
    start_date = models.DateField(_("comments open on"))
    end_date = models.DateField(_("comments close on"))
    short_period_reason = models.TextField(
        _("reason for a shorter period"), blank=True, max_length=1000,
        help_text=_("Required when the period is shorter than the minimum for this kind of draft; shown publicly."),
    )
    draft_text = models.TextField(
        _("draft text"), blank=True,
        help_text=_("Start each article on its own line with 第X条 so that the public can comment on it."),
    )
    draft_document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("draft as attachment"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    drafting_notes = RichTextField(_("drafting notes (起草说明)"), blank=True)
    final_document = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("final document"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The document as finally published (e.g. in the policy library): it then links back here."),
    )
    accepts_online = models.BooleanField(_("comments through the online form"), default=True)
    submission_email = models.EmailField(_("comments by e-mail to"), blank=True)
    postal_address = models.CharField(_("comments by post to"), max_length=300, blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("kind"), FieldPanel("concerns_business")]),
            FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            FieldPanel("short_period_reason"),
        ], heading=_("Comment period")),
        FieldPanel("draft_text"),
        FieldPanel("draft_document"),
        FieldPanel("drafting_notes"),
        FieldPanel("final_document"),
        MultiFieldPanel([
            FieldPanel("accepts_online"), FieldPanel("submission_email"), FieldPanel("postal_address"),
        ], heading=_("How to comment (征集方式)")),
    ] + BasePage.metadata_panels

    search_fields = BasePage.search_fields + [
        index.SearchField("summary"), index.SearchField("draft_text"), index.FilterField("end_date"),
    ]

    parent_page_types = ["sections.ColumnPage"]
    column_kind = "consultation"  # offered only in columns of its kind (sections.models.placement)
    subpage_types = ["participation.FeedbackPage"]
    template = "participation/consultation_page.html"

    class Meta:
        verbose_name = _("consultation on a draft")
        verbose_name_plural = _("consultations on drafts")

    def clean(self):
        super().clean()
        errors = periods.period_errors(
            self.kind, self.start_date, self.end_date, self.concerns_business, self.short_period_reason,
        )
        if not (self.accepts_online or self.submission_email or self.postal_address):
            errors["accepts_online"] = _("Name at least one way to comment: the online form, an e-mail address or a postal address.")
        if errors:
            raise ValidationError(errors)

    # -- period and state --------------------------------------------------
    @property
    def minimum_period(self):
        return periods.minimum_period(self.kind, self.concerns_business)

    @property
    def is_shorter_than_minimum(self):
        return periods.is_shorter_than_minimum(self.kind, self.start_date, self.end_date, self.concerns_business)

    def is_open(self, day=None):
        day = day or today()
        return self.start_date <= day <= self.end_date

    @cached_property
    def published_feedback(self):
        return public(FeedbackPage.objects.child_of(self).live()).order_by("-first_published_at").first()

    def state(self, day=None):
        day = day or today()
        if day < self.start_date:
            return State.NOT_STARTED
        if day <= self.end_date:
            return State.OPEN
        return State.FEEDBACK if self.published_feedback else State.CLOSED

    @property
    def state_label(self):
        return State(self.state()).label

    @property
    def feedback_due_date(self):
        """Feedback is due within one month after the consultation closes."""
        return self.end_date + relativedelta(months=FEEDBACK_DUE_MONTHS)

    def feedback_overdue(self, day=None):
        day = day or today()
        return day > self.feedback_due_date and self.published_feedback is None

    @property
    def methods(self):
        out = []
        if self.accepts_online:
            out.append(_("Online form on this site"))
        if self.submission_email:
            out.append(_("E-mail: %(address)s") % {"address": self.submission_email})
        if self.postal_address:
            out.append(_("Post: %(address)s") % {"address": self.postal_address})
        return out

    @property
    def parts(self):
        return split_draft(self.draft_text)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        comments = list(ParticipationComment.objects.public_for(self).order_by("created_at"))
        by_part = {}
        for comment in comments:
            by_part.setdefault(comment.part_number or 0, []).append(comment)
        context["parts_with_comments"] = [(part, by_part.get(part.number, [])) for part in self.parts]
        context["whole_draft_comments"] = by_part.get(0, [])
        context["approved_count"] = len(comments)
        return context


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for moderation")
    APPROVED = "approved", _("Approved for publication")
    REJECTED = "rejected", _("Not published")


class Adoption(models.TextChoices):
    NONE = "", _("Not yet marked")
    ADOPTED = "adopted", _("Adopted (采纳)")
    PARTIAL = "partial", _("Partly adopted (部分采纳)")
    NOT_ADOPTED = "not_adopted", _("Not adopted (不予采纳)")


class CommentQuerySet(models.QuerySet):
    def public_for(self, page):
        return self.filter(page=page, status=CommentStatus.APPROVED)


class ParticipationComment(PersonalDataMixin, models.Model):
    """A comment on a draft (or a question sent in for an interview) from a member of the public.

    Nothing of it is public before a moderator approves it; the submitter's
    name and contact details are never public.
    """

    personal_fields = ("name", "phone", "email", "client_address")

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="participation_comments")
    part_number = models.PositiveIntegerField(_("article or paragraph"), null=True, blank=True)
    part_label = models.CharField(_("article or paragraph"), max_length=50, blank=True)
    body = models.TextField(_("comment"), max_length=2000)
    name = models.CharField(_("name"), max_length=50)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True, max_length=200)
    client_address = models.GenericIPAddressField(_("client address"), null=True, blank=True)
    created_at = models.DateTimeField(_("received at"), default=timezone.now)

    status = models.CharField(_("moderation"), max_length=20, choices=CommentStatus.choices, default=CommentStatus.PENDING)
    moderation_note = models.CharField(_("moderation note"), max_length=500, blank=True)
    moderated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    moderated_at = models.DateTimeField(null=True, blank=True)

    adoption = models.CharField(_("adoption"), max_length=20, choices=Adoption.choices, default=Adoption.NONE, blank=True)
    adoption_reason = models.TextField(_("reason"), blank=True, max_length=2000)
    marked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    marked_at = models.DateTimeField(null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["part_number", "created_at", "pk"]
        verbose_name = _("public comment")
        verbose_name_plural = _("public comments")
        permissions = [("view_personal_data", "Can see the personal data of comment submitters")]

    def __str__(self):
        return f"{self.part_label or _('Whole draft')}: {self.body[:30]}"

    @property
    def target_label(self):
        return self.part_label or _("Whole draft")


class FeedbackPage(BasePage):
    """征集情况反馈: built from the adoption marks, reviewed like any page, linked from its consultation."""

    intro = RichTextField(_("introduction"), blank=True)
    report = models.JSONField(_("report"), default=dict, blank=True, editable=False)
    closing = RichTextField(_("closing remarks"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("closing")] + BasePage.metadata_panels

    parent_page_types = ["participation.ConsultationPage"]
    subpage_types = []
    template = "participation/feedback_page.html"

    class Meta:
        verbose_name = _("consultation feedback report")
        verbose_name_plural = _("consultation feedback reports")

    @property
    def adoption_labels(self):
        return dict(Adoption.choices)
