"""在线调查: a survey page, its questions and the responses (one per person, as far as a site can tell)."""
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from core.models import BasePage
from core.public_forms import PersonalDataMixin
from sections.models.placement import ColumnKindPageMixin

from .consultation import today


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    TEXT = "text", _("Free text")


class ResultsVisibility(models.TextChoices):
    AFTER_CLOSE = "after_close", _("After the survey closes")
    LIVE = "live", _("While it is open")
    NEVER = "never", _("Not published")


class SurveyPage(ColumnKindPageMixin, BasePage):
    intro = models.TextField(_("introduction"), blank=True, max_length=2000)
    start_date = models.DateField(_("opens on"))
    end_date = models.DateField(_("closes on"))
    results_visibility = models.CharField(
        _("results shown"), max_length=20, choices=ResultsVisibility.choices, default=ResultsVisibility.AFTER_CLOSE,
    )
    ask_phone = models.BooleanField(
        _("ask for a mobile number"), default=False,
        help_text=_("Then each number can answer once. The number is kept for the survey's handlers only."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel([FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                         FieldPanel("results_visibility"), FieldPanel("ask_phone")], heading=_("Survey")),
        InlinePanel("questions", heading=_("Questions"), label=_("Question"), min_num=1),
    ] + BasePage.metadata_panels

    parent_page_types = ["sections.ColumnPage"]
    column_kind = "survey"  # offered only in columns of its kind (sections.models.placement)
    subpage_types = []
    template = "participation/survey_page.html"

    class Meta:
        verbose_name = _("online survey")
        verbose_name_plural = _("online surveys")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The survey must not close before it opens.")})

    def is_open(self, day=None):
        day = day or today()
        return self.start_date <= day <= self.end_date

    @property
    def is_closed(self):
        return today() > self.end_date

    @property
    def results_public(self):
        if self.results_visibility == ResultsVisibility.LIVE:
            return True
        return self.results_visibility == ResultsVisibility.AFTER_CLOSE and self.is_closed

    def results(self):
        """[(question, total answering, [(choice, count, percent)] or [texts])], from two queries."""
        questions = list(self.questions.all())
        counts = {q.pk: {} for q in questions}
        answered = {q.pk: 0 for q in questions}
        texts = {q.pk: [] for q in questions}
        for answer in SurveyAnswer.objects.filter(response__survey=self).values("question_id", "choices", "text"):
            qid = answer["question_id"]
            if qid not in counts:
                continue
            if answer["choices"] or answer["text"]:
                answered[qid] += 1
            for index in answer["choices"] or []:
                counts[qid][index] = counts[qid].get(index, 0) + 1
            if answer["text"]:
                texts[qid].append(answer["text"])
        out = []
        for q in questions:
            total = answered[q.pk]
            if q.kind == QuestionKind.TEXT:
                out.append((q, total, texts[q.pk]))
            else:
                rows = []
                for index, choice in enumerate(q.choice_list):
                    n = counts[q.pk].get(index, 0)
                    rows.append((choice, n, round(100 * n / total) if total else 0))
                out.append((q, total, rows))
        return out

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["response_count"] = self.responses.count()
        if self.results_public:
            context["results"] = self.results()
        return context


class SurveyQuestion(Orderable):
    page = ParentalKey(SurveyPage, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("question"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=QuestionKind.choices, default=QuestionKind.SINGLE)
    choices = models.TextField(_("choices"), blank=True, help_text=_("One choice per line."))
    required = models.BooleanField(_("required"), default=True)

    panels = [FieldPanel("text"), FieldRowPanel([FieldPanel("kind"), FieldPanel("required")]), FieldPanel("choices")]

    class Meta(Orderable.Meta):
        verbose_name = _("question")

    def __str__(self):
        return self.text

    @property
    def choice_list(self):
        return [line.strip() for line in (self.choices or "").splitlines() if line.strip()]

    def clean(self):
        if self.kind != QuestionKind.TEXT and len(self.choice_list) < 2:
            raise ValidationError({"choices": _("A choice question needs at least two choices.")})


class SurveyResponse(PersonalDataMixin, models.Model):
    personal_fields = ("phone", "client_address")

    survey = models.ForeignKey(SurveyPage, on_delete=models.CASCADE, related_name="responses")
    created_at = models.DateTimeField(_("answered at"), default=timezone.now)
    token = models.CharField(max_length=64, db_index=True)
    phone = models.CharField(_("mobile number"), max_length=20, blank=True)
    client_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        permissions = [("view_personal_data", "Can see the personal data of survey respondents")]
        constraints = [
            models.UniqueConstraint(fields=["survey", "phone"], condition=~models.Q(phone=""), name="one_response_per_phone"),
            models.UniqueConstraint(fields=["survey", "token"], name="one_response_per_token"),
        ]


class SurveyAnswer(models.Model):
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(SurveyQuestion, on_delete=models.CASCADE, related_name="answers")
    choices = models.JSONField(default=list, blank=True)  # indexes into question.choice_list
    text = models.TextField(blank=True, max_length=2000)
