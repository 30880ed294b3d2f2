import datetime
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from sections.models import ColumnPage
from sections.models.placement import ColumnLevelPageMixin

from .record import DisclosureRecord, PartyType, RecordKind

RECORDS_PER_PAGE = 20
MAX_QUERY_LENGTH = 100


class DisclosureListingPage(ColumnLevelPageMixin, RoutablePageMixin, ColumnPage):
    """A 双公示 column: the public, searchable list of licensing or penalty decisions.

    It is a column (it keeps the column's department, permissions and any
    articles below it) whose page shows the published records of one kind.
    """

    record_kind = models.CharField(_("records shown"), max_length=10, choices=RecordKind.choices)

    content_panels = ColumnPage.content_panels + [FieldPanel("record_kind")]

    class Meta:
        verbose_name = _("licensing/penalty disclosure column")
        verbose_name_plural = _("licensing/penalty disclosure columns")

    def records(self):
        return DisclosureRecord.objects.public().filter(kind=self.record_kind)

    def search_text(self):
        """Titles of the public records, for the site search (masked names only)."""
        rows = self.records().values_list("document_number", "party_name", "party_type", "authority")[:500]
        from ..masking import public_party_name

        return "\n".join(f"{number} {public_party_name(name, kind)} {authority}" for number, name, kind, authority in rows)

    def filtered_records(self, params):
        """Apply the public search form; malformed values are ignored, never an error."""
        qs = self.records()
        filters = {}
        query = (params.get("q") or "").strip()[:MAX_QUERY_LENGTH]
        if query:
            # A natural person's full name is never searchable: searching it
            # would confirm who was penalised even though the name is masked.
            qs = qs.filter(
                Q(document_number__icontains=query)
                | Q(matter__icontains=query) & ~Q(party_type=PartyType.NATURAL_PERSON)
                | Q(authority__icontains=query)
                | Q(party_name__icontains=query) & ~Q(party_type=PartyType.NATURAL_PERSON)
            )
            filters["q"] = query
        from core.query_params import year_param

        year = year_param(params)
        if year is not None:
            qs = qs.filter(decision_date__year=year)
            filters["year"] = str(year)
        party_type = params.get("party_type") or ""
        if party_type in PartyType.values:
            qs = qs.filter(party_type=party_type)
            filters["party_type"] = party_type
        authority = (params.get("authority") or "").strip()[:MAX_QUERY_LENGTH]
        if authority:
            qs = qs.filter(authority=authority)
            filters["authority"] = authority
        return qs, filters

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        records, filters = self.filtered_records(request.GET)
        page = Paginator(records, RECORDS_PER_PAGE).get_page(request.GET.get("rpage"))
        context.update(
            records=page,
            filters=filters,
            querystring=urlencode(filters),
            party_types=PartyType.choices,
            years=self._years(),
            authorities=list(self.records().order_by("authority").values_list("authority", flat=True).distinct()),
        )
        return context

    def _years(self):
        dates = self.records().dates("decision_date", "year", order="DESC")
        return [d.year for d in dates] or [datetime.date.today().year]

    @path("")
    def index_route(self, request, *args, **kwargs):
        return super().index_route(request, *args, **kwargs)

    @path("record/<int:record_id>/")
    def record_detail(self, request, record_id):
        record = get_object_or_404(self.records(), pk=record_id)
        return self.render(
            request,
            context_overrides={"record": record},
            template="shuanggongshi/disclosure_record.html",
        )
