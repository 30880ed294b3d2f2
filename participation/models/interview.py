"""在线访谈: guests, time, summary, images and the transcript as question/answer pairs."""
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from core.blocks import BodyBlock
from core.models import BasePage
from sections.models.placement import ColumnKindPageMixin


class InterviewPage(ColumnKindPageMixin, BasePage):
    guests = models.CharField(_("guests"), max_length=300)
    interview_time = models.DateTimeField(_("interview time"))
    summary = models.TextField(_("summary"), blank=True, max_length=2000)
    body = StreamField(BodyBlock(), verbose_name=_("images and text"), blank=True)
    accepts_questions = models.BooleanField(_("collect questions from the public in advance"), default=False)
    questions_close_at = models.DateTimeField(_("questions close at"), null=True, blank=True)

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("guests"), FieldPanel("interview_time")]),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("accepts_questions"), FieldPanel("questions_close_at")], heading=_("Questions in advance")),
        InlinePanel("exchanges", heading=_("Transcript"), label=_("Question and answer")),
    ] + BasePage.metadata_panels

    search_fields = BasePage.search_fields + [index.SearchField("summary"), index.SearchField("guests")]

    parent_page_types = ["sections.ColumnPage"]
    column_kind = "interview"  # offered only in columns of its kind (sections.models.placement)
    subpage_types = []
    template = "participation/interview_page.html"

    class Meta:
        verbose_name = _("online interview")
        verbose_name_plural = _("online interviews")

    def is_open(self, day=None):
        """Questions are taken until questions_close_at (or the interview starts)."""
        if not self.accepts_questions:
            return False
        return timezone.now() < (self.questions_close_at or self.interview_time)

    def get_context(self, request, *args, **kwargs):
        from .consultation import ParticipationComment

        context = super().get_context(request, *args, **kwargs)
        context["public_questions"] = ParticipationComment.objects.public_for(self).order_by("created_at")
        return context


class InterviewExchange(Orderable):
    page = ParentalKey(InterviewPage, on_delete=models.CASCADE, related_name="exchanges")
    asker = models.CharField(_("asked by"), max_length=50, default="主持人")
    question = models.TextField(_("question"))
    answerer = models.CharField(_("answered by"), max_length=100, blank=True)
    answer = models.TextField(_("answer"))

    panels = [FieldRowPanel([FieldPanel("asker"), FieldPanel("answerer")]), FieldPanel("question"), FieldPanel("answer")]

    class Meta(Orderable.Meta):
        verbose_name = _("question and answer")
