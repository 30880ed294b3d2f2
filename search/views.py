"""The public search page (/search/) and its JSON variant (/search/api/)."""
from urllib.parse import urlencode

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.search.utils import normalise_query_string

from .backends import FACET_FIELDS
from .forms import SearchForm
from .indexing import FACET_LABELS
from .service import PER_PAGE, SearchRequest, record_zero_result, search


def _locale():
    from wagtail.models import Locale

    try:
        return Locale.get_active().language_code
    except Locale.DoesNotExist:
        return get_language() or "zh-hans"


def _promotions(q):
    """Editors' picks for this query (wagtail.contrib.search_promotions), without logging junk queries."""
    from wagtail.contrib.search_promotions.models import SearchPromotion

    norm = normalise_query_string(q)[:255] if q else ""
    if not norm:
        return []
    return list(
        SearchPromotion.objects.filter(query__query_string=norm)
        .select_related("page").order_by("sort_order")[:5]
    )


def _run(request):
    form = SearchForm(request.GET)
    params = form.cleaned_or_default()
    req = SearchRequest(q=params["q"], locale=_locale(), filters=params["filters"], sort=params["sort"],
                        page=params["page"], per_page=PER_PAGE)
    results = search(req)
    if results.query and results.total == 0 and not req.filters:
        record_zero_result(results.query, req.locale)
    return form, params, results


def _facet_links(request, params, results):
    base = {k: v for k, v in request.GET.items() if k in SearchForm.base_fields and k != "page"}
    facets = []
    for name in FACET_FIELDS:
        values = results.facets.get(name) or []
        if not values:
            continue
        current = str(params["filters"].get(name, ""))
        labels = results.facet_labels.get(name, {})
        items = []
        for value, count in values:
            q = dict(base)
            q[name] = value
            items.append({"value": value, "label": labels.get(value, value), "count": count, "active": str(value) == current, "url": "?" + urlencode(q)})
        clear = dict(base)
        clear.pop(name, None)
        facets.append({"name": name, "label": FACET_LABELS[name], "items": items, "clear_url": "?" + urlencode(clear),
                       "active": bool(current)})
    return facets


def _page_url(request, number):
    q = {k: v for k, v in request.GET.items() if k in SearchForm.base_fields}
    q["page"] = number
    return "?" + urlencode(q)


def search_view(request):
    if request.GET.get("format") == "json":
        return search_api(request)
    form, params, results = _run(request)
    pages = range(max(1, results.page - 4), min(results.num_pages, results.page + 4) + 1)
    context = {
        "form": form,
        "results": results,
        "facets": _facet_links(request, params, results),
        "promotions": _promotions(results.query) if results.page == 1 else [],
        "page_links": [{"number": n, "url": _page_url(request, n), "current": n == results.page} for n in pages],
        "prev_url": _page_url(request, results.page - 1) if results.page > 1 else "",
        "next_url": _page_url(request, results.page + 1) if results.page < results.num_pages else "",
        "suggestion_url": "?" + urlencode({"q": results.suggestion}) if results.suggestion else "",
        "page_title": _("Search"),
        # The search form carries the chosen facets, so changing the sort or the words keeps them.
        "active_facets": [(name, params["filters"][name]) for name in FACET_FIELDS if params["filters"].get(name)],
        "advanced_open": any(params["filters"].get(k) for k in ("title", "doc_number", "index_number", "date_from", "date_to")),
    }
    return render(request, "search/search.html", context)


def search_api(request):
    form, params, results = _run(request)
    return JsonResponse({
        "query": results.query,
        "total": results.total,
        "page": results.page,
        "num_pages": results.num_pages,
        "sort": params["sort"],
        "filters": {k: str(v) for k, v in params["filters"].items()},
        "errors": {k: [str(e) for e in v] for k, v in form.errors.items()},
        "suggestion": results.suggestion,
        "pinyin_query": results.pinyin_query,
        "synonyms": results.synonyms_used,
        "broadened": results.broadened,
        "truncated": results.truncated,
        "facets": {
            k: [{"value": v, "label": results.facet_labels.get(k, {}).get(v, v), "count": n} for v, n in vals]
            for k, vals in results.facets.items()
        },
        "results": [h.as_json() for h in results.hits],
        "promotions": [{"title": p.title, "url": p.page.url if p.page else p.external_link_url,
                        "description": p.description} for p in _promotions(results.query)],
    }, json_dumps_params={"ensure_ascii": False})
