"""Inspection runs, their findings, the 错敏词 lists and link results."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Severity(models.TextChoices):
    VETO = "veto", _("Single veto reached")
    VETO_RISK = "veto_risk", _("Veto risk")
    DEDUCT = "deduct", _("Deduction")
    WARN = "warn", _("Warning")
    PENDING = "pending", _("Pending (not checkable yet)")
    OK = "ok", _("Passing")


class InspectionRun(models.Model):
    """One run of the nightly profile. Re-running on the same day replaces that day's findings."""

    day = models.DateField(_("inspection day"), unique=True)
    started_at = models.DateTimeField(_("started at"))
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    summary = models.JSONField(_("summary"), default=dict, blank=True)

    class Meta:
        ordering = ["-day"]
        verbose_name = _("inspection run")
        verbose_name_plural = _("inspection runs")

    def __str__(self):
        return str(self.day)


class Finding(models.Model):
    run = models.ForeignKey(InspectionRun, on_delete=models.CASCADE, related_name="findings")
    rule = models.CharField(_("rule"), max_length=50, db_index=True)
    key = models.CharField(_("key"), max_length=255)
    severity = models.CharField(_("severity"), max_length=10, choices=Severity.choices)
    single_veto = models.BooleanField(_("single-veto indicator"), default=False)
    source = models.CharField(_("source"), max_length=200)
    message = models.TextField(_("message"))
    page = models.ForeignKey("wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    column = models.ForeignKey("wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    department = models.ForeignKey(
        "departments.Department", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("owning department"),
    )
    days_left = models.IntegerField(_("days before veto"), null=True, blank=True)
    first_seen = models.DateField(_("first seen"))
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["rule", "key"]
        constraints = [models.UniqueConstraint(fields=["run", "rule", "key"], name="inspection_finding_unique_key")]
        verbose_name = _("finding")
        verbose_name_plural = _("findings")

    def __str__(self):
        return self.message


class FindingAcknowledgement(models.Model):
    """An editor's acknowledgement of a finding (kept across runs by rule and key)."""

    rule = models.CharField(max_length=50)
    key = models.CharField(max_length=255)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    comment = models.TextField(_("comment"), max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["rule", "key"], name="inspection_ack_unique")]


class WordSeverity(models.TextChoices):
    BLOCK = "block", _("Block")
    WARN = "warn", _("Warn")


class WordCategory(models.TextChoices):
    """The lists of the engine (inspection/words/engine.py CATEGORY_FILES) plus the operator's own."""

    POLITICAL = "political", _("Severe political and state-name errors")
    AGENCIES = "agencies", _("Outdated agency names")
    XINHUA = "xinhua", _("Xinhua banned and cautioned usages")
    TYPOS = "typos", _("Typo confusion set")
    OFFICIALS = "officials", _("Officials' names and titles")
    CUSTOM = "custom", _("Other")


class SensitiveWord(models.Model):
    """An operator-added 错敏词 entry (the shipped lists live in inspection/words/data/).

    An entry whose term is also in a shipped list replaces the shipped entry.
    """

    term = models.CharField(_("term"), max_length=100)
    category = models.CharField(_("word list"), max_length=50, choices=WordCategory.choices, default=WordCategory.CUSTOM)
    severity = models.CharField(
        _("severity"), max_length=10, choices=WordSeverity.choices, default=WordSeverity.WARN,
        help_text=_("Block: the page cannot be submitted or approved. Warn: the reviewer must acknowledge it."),
    )
    suggestion = models.CharField(_("suggested correction"), max_length=200, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True,
                            help_text=_("Why the term is wrong and where that is written down."))
    wrong_from = models.DateField(
        _("wrong from"), null=True, blank=True,
        help_text=_("For outdated names: pages first published before this day are not flagged."),
    )
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+", verbose_name=_("added by"))
    created_at = models.DateTimeField(_("added at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        ordering = ["category", "term"]
        verbose_name = _("sensitive or wrong word")
        verbose_name_plural = _("sensitive and wrong words")
        constraints = [models.UniqueConstraint(fields=["term"], name="inspection_word_unique_term")]

    def __str__(self):
        return self.term


class AllowedTerm(models.Model):
    """A false positive: text containing this phrase is not flagged for the word it contains.

    A phrase equal to a listed term switches that term off.
    """

    phrase = models.CharField(_("allowed phrase"), max_length=200, unique=True)
    note = models.CharField(_("note"), max_length=500, blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+", verbose_name=_("added by"))
    created_at = models.DateTimeField(_("added at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        ordering = ["phrase"]
        verbose_name = _("allowed phrase")
        verbose_name_plural = _("allowed phrases")

    def __str__(self):
        return self.phrase


class WarningAcknowledgement(models.Model):
    """A reviewer's acknowledgement of a 错敏词/personal-data warning at one review step."""

    task_state = models.ForeignKey("wagtailcore.TaskState", on_delete=models.CASCADE, related_name="+")
    term = models.CharField(max_length=200)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["task_state", "term"], name="inspection_warning_ack_unique")]


class LinkResult(models.Model):
    """The last check of one URL; reported only after failing on two checks in a row."""

    url = models.CharField(max_length=1000, unique=True)
    first_seen = models.DateField()
    last_checked = models.DateTimeField(null=True, blank=True)
    status_code = models.IntegerField(null=True, blank=True)
    error = models.CharField(max_length=200, blank=True)
    ok = models.BooleanField(default=True)
    consecutive_failures = models.IntegerField(default=0)
    first_failed = models.DateField(null=True, blank=True)
    pages = models.ManyToManyField("wagtailcore.Page", related_name="+", blank=True)

    @property
    def reportable(self):
        return self.consecutive_failures >= 2


class AvailabilityProbe(models.Model):
    url = models.CharField(max_length=500)
    at = models.DateTimeField(db_index=True)
    status_code = models.IntegerField(null=True, blank=True)
    seconds = models.FloatField(null=True, blank=True)
    ok = models.BooleanField()
