"""The public search form: every parameter validated, nothing trusted."""
from django import forms
from django.utils.translation import gettext_lazy as _

SORT_CHOICES = [("relevance", _("Relevance")), ("date", _("Newest first"))]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Keywords"), required=False, max_length=1000, strip=True)
    sort = forms.ChoiceField(label=_("Sort by"), choices=SORT_CHOICES, required=False)
    page = forms.IntegerField(required=False, min_value=1, max_value=100)
    # facet filters (values are matched exactly; unknown values simply match nothing)
    section = forms.CharField(required=False, max_length=255)
    column = forms.CharField(required=False, max_length=255)
    tag = forms.CharField(required=False, max_length=100)
    validity = forms.CharField(required=False, max_length=32)
    issuer = forms.CharField(required=False, max_length=255)
    doc_type = forms.CharField(required=False, max_length=64)
    content_type = forms.CharField(required=False, max_length=100)
    year = forms.IntegerField(required=False, min_value=1949, max_value=2100)
    # 信息公开检索 (advanced)
    title = forms.CharField(label=_("Title"), required=False, max_length=200)
    doc_number = forms.CharField(label=_("Document number"), required=False, max_length=100)
    index_number = forms.CharField(label=_("Index number"), required=False, max_length=100)
    date_from = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    FILTER_FIELDS = ("section", "column", "tag", "validity", "issuer", "doc_type", "content_type", "year",
                     "title", "doc_number", "index_number", "date_from", "date_to")

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", _("The end date must not be before the start date."))
        return data

    def cleaned_or_default(self):
        """Valid values only: an invalid filter is dropped (and reported), never a server error."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        filters = {k: data.get(k) for k in self.FILTER_FIELDS if k not in self.errors and data.get(k) not in (None, "")}
        return {
            "q": data.get("q", "") if "q" not in self.errors else "",
            "sort": data.get("sort") or "relevance",
            "page": data.get("page") or 1 if "page" not in self.errors else 1,
            "filters": filters,
        }
