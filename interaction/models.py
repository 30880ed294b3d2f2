"""Letters to the bureau: the letter types (data an operator edits) and the letters.

A letter's deadline is never counted here: its clock events are stored as
``LetterClockEvent`` rows and replayed by ``workdays.clock`` (see ``deadlines``).
``Letter.due_date`` is a copy of the replayed due date kept for queries
(overdue lists, statistics); ``deadlines.refresh`` rewrites it after every event.
"""
import hashlib
import hmac
import secrets

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from core.models import BasePage
from core.public_forms import PersonalDataMixin, masked_name
from sections.models.placement import ColumnKindPageMixin

# Unambiguous characters (no 0/O, 1/I/L): a code read over the phone stays readable.
QUERY_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
QUERY_CODE_LENGTH = 12  # 31**12 ≈ 7.9e17 codes


class Channel(models.TextChoices):
    MAILBOX = "mailbox", _("Director's mailbox")
    CONSULTATION = "consultation", _("Online consultation")
    POLICY = "policy", _("Policy message board")
    SITE_ERROR = "site_error", _("Report a website error")


class LetterType(models.Model):
    """A kind of letter with its routing and deadline, edited by the operator in the admin."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=60)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    receiving_group = models.ForeignKey(
        Group, verbose_name=_("receiving role"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text=_("The role that accepts, rejects and assigns letters of this type."),
    )
    default_department = models.ForeignKey(
        "departments.Department", verbose_name=_("default handling department"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("Policy messages go to the publishing department of their page instead, when it has one."),
    )
    publish_replies = models.BooleanField(_("publish replies"), default=True)
    deadline_workdays = models.PositiveSmallIntegerField(_("reply deadline (working days)"), default=4)
    external_url = models.URLField(
        _("external platform address"), max_length=500, blank=True,
        help_text=_("When set, the form of this type jumps to the unified platform instead (链接跳转)."),
    )
    active = models.BooleanField(_("active"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["channel", "sort_order", "pk"]
        verbose_name = _("letter type")
        verbose_name_plural = _("letter types")

    def __str__(self):
        return f"{self.get_channel_display()}·{self.name}" if self.channel == Channel.MAILBOX else self.name


class State(models.TextChoices):
    NEW = "new", _("Awaiting acceptance")
    ACCEPTED = "accepted", _("Accepted")
    ASSIGNED = "assigned", _("Being handled")
    DRAFTED = "drafted", _("Reply awaiting approval")
    REPLIED = "replied", _("Answered")
    REJECTED = "rejected", _("Not accepted")
    MERGED = "merged", _("Merged into another letter")


OPEN_STATES = (State.NEW, State.ACCEPTED, State.ASSIGNED, State.DRAFTED)
CLOSED_STATES = (State.REPLIED, State.REJECTED, State.MERGED)


class RejectReason(models.TextChoices):
    DUPLICATE = "duplicate", _("Duplicate")
    OUTSIDE_REMIT = "outside_remit", _("Outside the bureau's remit")
    ABUSIVE = "abusive", _("Abusive or meaningless")
    PETITION = "petition", _("To be handled as a petition (信访)")


class Rating(models.IntegerChoices):
    VERY_SATISFIED = 5, _("Very satisfied")
    SATISFIED = 4, _("Satisfied")
    NEUTRAL = 3, _("Neutral")
    DISSATISFIED = 2, _("Dissatisfied")
    VERY_DISSATISFIED = 1, _("Very dissatisfied")


REOPENING_RATINGS = (Rating.DISSATISFIED, Rating.VERY_DISSATISFIED)


class LetterQuerySet(models.QuerySet):
    def open(self):
        return self.filter(state__in=OPEN_STATES)

    def published(self):
        return self.filter(published=True, state=State.REPLIED)

    def overdue(self, today):
        return self.open().filter(due_date__lt=today)


class Letter(PersonalDataMixin, models.Model):
    personal_fields = ("name", "phone", "email")

    letter_type = models.ForeignKey(LetterType, verbose_name=_("letter type"), on_delete=models.PROTECT,
                                    related_name="letters")
    number = models.CharField(_("letter number"), max_length=20, unique=True, null=True, editable=False)
    query_code_hash = models.CharField(max_length=64, editable=False)
    title = models.CharField(_("title"), max_length=100)
    body = models.TextField(_("content"), max_length=3000)
    name = models.CharField(_("name"), max_length=30, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), max_length=100, blank=True)
    allow_publish = models.BooleanField(_("may be published"), default=True)
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("policy page"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text=_("The policy document or interpretation a policy message is about."),
    )
    submitted_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.NEW, db_index=True)
    department = models.ForeignKey(
        "departments.Department", verbose_name=_("handling department"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="letters",
    )
    duplicate_of = models.ForeignKey("self", verbose_name=_("duplicate of"), null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="duplicates")
    reject_reason = models.CharField(_("reason not accepted"), max_length=20, choices=RejectReason.choices,
                                     blank=True)
    reject_comment = models.TextField(_("explanation"), max_length=1000, blank=True)
    reply = models.TextField(_("reply"), max_length=5000, blank=True)
    reply_department = models.ForeignKey(
        "departments.Department", verbose_name=_("replying department"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    drafted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    replied_at = models.DateTimeField(_("replied"), null=True, blank=True, db_index=True)
    published = models.BooleanField(_("published"), default=False, db_index=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    rating = models.PositiveSmallIntegerField(_("satisfaction"), choices=Rating.choices, null=True, blank=True)
    rated_at = models.DateTimeField(_("rated"), null=True, blank=True)
    reopened = models.BooleanField(_("reopened after rating"), default=False)
    due_date = models.DateField(_("due date"), null=True, blank=True, db_index=True)
    workdays_used = models.PositiveSmallIntegerField(_("working days used"), null=True, blank=True)
    reminded_for = models.DateField(null=True, blank=True, editable=False)  # the due date a reminder went out for
    escalated_for = models.DateField(null=True, blank=True, editable=False)  # the due date escalated
    long_alarm_sent = models.BooleanField(default=False, editable=False)
    qa_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("Q&A entry"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", editable=False,
    )

    objects = LetterQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("letter")
        verbose_name_plural = _("letters")
        permissions = [
            ("view_personal_data", "Can see the personal data of letter writers"),
            ("export_personal_data", "Can export letters with personal data"),
        ]
        indexes = [models.Index(fields=["letter_type", "submitted_at"])]

    def __str__(self):
        return f"{self.number or '—'} {self.title}"

    # -- 查询码: only a keyed hash is stored ------------------------------------------------
    @staticmethod
    def new_query_code():
        return "".join(secrets.choice(QUERY_CODE_ALPHABET) for _ in range(QUERY_CODE_LENGTH))

    @staticmethod
    def hash_query_code(code):
        normalised = (code or "").strip().upper().encode()
        return hmac.new(settings.SECRET_KEY.encode(), b"letter-query-code:" + normalised, hashlib.sha256).hexdigest()

    def set_query_code(self, code):
        self.query_code_hash = self.hash_query_code(code)

    def check_query_code(self, code):
        return bool(self.query_code_hash) and hmac.compare_digest(self.query_code_hash, self.hash_query_code(code))

    # -- what the public may see ------------------------------------------------------------
    @property
    def public_name(self):
        return masked_name(self.name)

    @property
    def is_open(self):
        return self.state in OPEN_STATES

    def is_overdue(self, today=None):
        today = today or timezone.localdate()
        return self.is_open and self.due_date is not None and today > self.due_date

    @property
    def can_be_published(self):
        return self.state == State.REPLIED and self.allow_publish and self.letter_type.publish_replies

    @property
    def public_department(self):
        return self.reply_department or self.department


class LetterClockEvent(models.Model):
    """One event of a letter's working-day clock (replayed by ``workdays.clock``)."""

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="clock_events")
    kind = models.CharField(max_length=10)
    day = models.DateField()
    days = models.PositiveSmallIntegerField(default=0)
    note = models.CharField(max_length=500, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+")
    approving_role = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["day", "pk"]


class LetterExport(models.Model):
    """A record that someone exported letters with personal data (who, when, how many)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    count = models.PositiveIntegerField(default=0)
    filters = models.CharField(max_length=500, blank=True)


class QuestionAnswerPage(ColumnKindPageMixin, BasePage):
    """A 便民问答 entry: a question and its answer taken from an answered letter, without the
    writer's personal data, published in the 便民问答 column through the column's review."""

    question = models.TextField(pgettext_lazy("qa", "question"), max_length=3000)
    answer = models.TextField(pgettext_lazy("qa", "answer"), max_length=5000)
    answered_on = models.DateField(_("answered on"), null=True, blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("question"), FieldPanel("answer"), FieldPanel("answered_on"),
    ] + BasePage.metadata_panels

    search_fields = BasePage.search_fields + [index.SearchField("question"), index.SearchField("answer")]

    parent_page_types = ["sections.ColumnPage"]
    column_kind = "questions_answers"  # offered only in columns of its kind (sections.models.placement)
    subpage_types = []
    template = "interaction/question_answer_page.html"

    class Meta:
        verbose_name = pgettext_lazy("qa", "question and answer")
        verbose_name_plural = pgettext_lazy("qa", "questions and answers")

    # The site search reads ``summary`` and ``body`` of a page (search.indexing.build_document).
    @property
    def summary(self):
        return self.question

    @property
    def body(self):
        return self.answer
