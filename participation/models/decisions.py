"""重大行政决策事项目录: a yearly catalogue of decision items linking each stage's page."""
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from core.models import BasePage
from sections.models.placement import ColumnKindPageMixin


class DecisionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    DRAFTING = "drafting", _("Drafting")
    CONSULTING = "consulting", _("Collecting opinions")
    DELIBERATING = "deliberating", _("Under deliberation")
    DECIDED = "decided", _("Decided")
    WITHDRAWN = "withdrawn", _("Withdrawn")


STAGES = (
    ("draft_page", _("Decision draft (决策草案)")),
    ("background_page", _("Background (制订背景)")),
    ("feedback_page", _("Opinions collected (意见征集情况)")),
    ("meeting_page", _("Meeting deliberation (会议审议情况)")),
    ("result_page", _("Decision (决策结果)")),
)


class DecisionCataloguePage(ColumnKindPageMixin, BasePage):
    intro = models.TextField(_("introduction"), blank=True, max_length=2000)

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        InlinePanel("items", heading=_("Decision items"), label=_("Decision item")),
    ] + BasePage.metadata_panels

    parent_page_types = ["sections.ColumnPage"]
    column_kind = "decisions"  # offered only in columns of its kind (sections.models.placement)
    subpage_types = []
    template = "participation/decision_catalogue_page.html"

    class Meta:
        verbose_name = _("catalogue of major administrative decisions")
        verbose_name_plural = _("catalogues of major administrative decisions")

    def years(self):
        """[(year, [(item, [(stage label, live page or None)])])], newest year first."""
        items = self.items.select_related("department", *[name for name, _label in STAGES])
        by_year = {}
        for item in items:
            by_year.setdefault(item.year, []).append((item, item.stages()))
        return sorted(by_year.items(), key=lambda pair: pair[0], reverse=True)

    @property
    def stage_labels(self):
        return [label for _name, label in STAGES]


class DecisionItem(Orderable):
    page = ParentalKey(DecisionCataloguePage, on_delete=models.CASCADE, related_name="items")
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("decision item"), max_length=200)
    department = models.ForeignKey(
        "departments.Department", verbose_name=_("undertaking department (承办单位)"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    status = models.CharField(_("status"), max_length=20, choices=DecisionStatus.choices, default=DecisionStatus.PLANNED)
    draft_page = models.ForeignKey("wagtailcore.Page", verbose_name=STAGES[0][1], null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    background_page = models.ForeignKey("wagtailcore.Page", verbose_name=STAGES[1][1], null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    feedback_page = models.ForeignKey("wagtailcore.Page", verbose_name=STAGES[2][1], null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    meeting_page = models.ForeignKey("wagtailcore.Page", verbose_name=STAGES[3][1], null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    result_page = models.ForeignKey("wagtailcore.Page", verbose_name=STAGES[4][1], null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    panels = [
        FieldRowPanel([FieldPanel("year"), FieldPanel("status")]),
        FieldPanel("title"), FieldPanel("department"),
        MultiFieldPanel([FieldPanel(name) for name, _label in STAGES], heading=_("Stages")),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("decision item")

    def __str__(self):
        return self.title

    def stages(self):
        """Each stage with its page when that page is live and public; None marks a missing stage."""
        out = []
        for name, label in STAGES:
            page = getattr(self, name)
            out.append((label, page if page is not None and page.live else None))
        return out
