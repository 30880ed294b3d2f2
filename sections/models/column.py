from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from core.forms import ChinesePageForm

from .listing import item_queryset, latest_items_by_parent, paginate


class ColumnPage(Page):
    """A column (栏目) whose items editors write in the admin (后台手动).

    A column may hold sub-columns, items, or both. Item page types declare
    ``parent_page_types = ["sections.ColumnPage"]``; the column does not list
    them, so apps and plugins can add item types without touching this model.
    """

    update_method = "manual"

    key = models.SlugField(_("data key"), max_length=100, blank=True, editable=False)
    department = models.ForeignKey(
        "departments.Department",
        verbose_name=_("responsible department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="columns",
    )
    co_departments = ParentalManyToManyField(
        "departments.Department", verbose_name=_("co-responsible departments"), blank=True, related_name="co_columns",
    )
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("department"), FieldPanel("co_departments"), FieldPanel("intro")]

    base_form_class = ChinesePageForm
    route_select_related = ("department",)  # loaded with the page by core.routing: the heading shows it

    parent_page_types = ["home.HomePage", "sections.SectionPage", "sections.ColumnPage"]

    class Meta:
        verbose_name = _("column")
        verbose_name_plural = _("columns")

    @property
    def update_method_label(self):
        return _("Edited in the admin")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sub_column_blocks"] = self.sub_column_blocks  # called only when the cached fragment is missing
        context["items"] = paginate(request, item_queryset(self).specific())
        # Only the first page of items is kept as a fragment (?page=N is rendered each time).
        context["first_items_page"] = "1" if "page" not in request.GET else None
        return context

    def sub_column_blocks(self):
        from .entries import entry_page_types

        sub_columns = list(
            self.get_children().live().type(ColumnPage, _link_column_model(), *entry_page_types()).specific()
        )
        manual_sub_columns = [c for c in sub_columns if isinstance(c, ColumnPage)]
        latest = latest_items_by_parent(manual_sub_columns)
        return [(c, latest.get(c.pk, [])) for c in sub_columns]


def _link_column_model():
    from .link_column import LinkColumnPage

    return LinkColumnPage
