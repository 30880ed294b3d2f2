"""Helper process for the SIGKILL fault test (tests/policy/test_import_sigkill.py).

    python tests/policy/import_fault_tool.py setup   # the tag and topic the rows use
    python tests/policy/import_fault_tool.py check   # print a JSON report of the database's state

Runs against DATABASE_URL with tests.policy.fault_settings (translations on,
as in production). It is a separate process so the test's own process never
holds a connection to the database the killed import wrote.
"""
import json
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.policy.fault_settings")

PREFIX = "FLT-"


def setup():
    from django.core.management import call_command

    from home.models import HomePage

    call_command("migrate", verbosity=0)  # a no-op on the copied test database
    if not HomePage.objects.exists():
        call_command("load_site_tree", verbosity=0, stdout=open(os.devnull, "w"))
    from policy.models import PolicyTag, PolicyTopic, TagCategory

    category, _ = TagCategory.objects.get_or_create(name="主题")
    PolicyTag.objects.get_or_create(name="安全生产", defaults={"slug": "t-aqsc", "category": category})
    PolicyTopic.objects.get_or_create(name="安全生产")
    print(json.dumps({"ok": True}))


def check(sample_seed):
    from django.db.models import Count
    from modelsearch.conf import get_app_config
    from wagtail.models import Page, Revision
    from wagtail_localize.models import Translation, TranslationSource

    from core.models import PendingPass
    from policy.models import PolicyDocumentPage
    from search.models import SearchDocument
    from search.service import SearchRequest, search

    IndexEntry = get_app_config().get_model("IndexEntry")
    docs = PolicyDocumentPage.objects.filter(index_number__startswith=PREFIX)
    source = docs.filter(locale__language_code="zh-hans")
    report = {}
    counts = dict(source.values_list("index_number").annotate(n=Count("pk")).values_list("index_number", "n"))
    report["source_counts"] = counts
    report["source_not_live"] = sorted(source.filter(live=False).values_list("index_number", flat=True))
    by_locale = {}
    for code in ("zh-hant", "en"):
        pages = docs.filter(locale__language_code=code)
        by_locale[code] = {
            "count": pages.count(),
            "live": pages.filter(live=True).count(),
            "keys": sorted(str(k) for k in pages.values_list("translation_key", flat=True)),
        }
    report["locales"] = by_locale
    source_keys = {str(k) for k in source.values_list("translation_key", flat=True)}
    report["source_keys"] = sorted(source_keys)
    all_pages = list(docs.values_list("pk", "live", "live_revision_id", "latest_revision_id", "content_type_id"))
    with_revisions = set(Revision.objects.page_revisions().filter(object_id__in=[str(p[0]) for p in all_pages])
                         .values_list("object_id", flat=True))
    report["without_revision"] = sorted(pk for pk, *_ in all_pages if str(pk) not in with_revisions)
    report["live_without_live_revision"] = sorted(pk for pk, live, live_rev, *_ in all_pages if live and not live_rev)
    # Translations whose source page is gone, or copies without a source page.
    report["orphan_copies"] = sorted(
        str(k) for code in ("zh-hant", "en") for k in by_locale[code]["keys"] if k not in source_keys)
    sources = TranslationSource.objects.filter(specific_content_type__model="policydocumentpage")
    report["orphan_translation_sources"] = sorted(
        str(o) for o in sources.values_list("object_id", flat=True) if str(o) not in source_keys
        and not Page.objects.filter(translation_key=o).exists())
    report["translations_without_source"] = Translation.objects.filter(source__isnull=True).count()
    live_ids = {pk for pk, live, *_ in all_pages if live}
    public_live = set(docs.filter(live=True, disclosure="active").values_list("pk", flat=True))
    indexed = set(SearchDocument.objects.filter(page_id__in=live_ids).values_list("page_id", flat=True))
    report["live_public_not_in_site_search"] = sorted(public_live - indexed)
    admin = set(IndexEntry.objects.filter(object_id__in=[str(p[0]) for p in all_pages])
                .values_list("object_id", flat=True))
    report["not_in_admin_search"] = sorted(pk for pk, *_ in all_pages if str(pk) not in admin)
    report["pending_passes"] = list(PendingPass.objects.values_list("kind").annotate(n=Count("pk")))
    # A real query per language for a random sample: the 索引号 finds exactly that document.
    rng = random.Random(sample_seed)
    # Only 主动公开 documents are searchable (search.indexing.is_indexable): the 依申请公开 rows are left out
    # of the sample (they were drawn before, and failed the check in about one run in four).
    numbers = sorted(set(source.filter(disclosure="active").values_list("index_number", flat=True)))
    misses = []
    for number in rng.sample(numbers, min(8, len(numbers))):
        for code in ("zh-hans", "zh-hant"):
            hits = search(SearchRequest(q=number, locale=code, facets=False)).hits
            if not any(h.index_number == number for h in hits):
                misses.append((code, number))
    report["search_misses"] = misses
    print(json.dumps(report, ensure_ascii=False))


if __name__ == "__main__":
    import django

    django.setup()
    if sys.argv[1] == "setup":
        setup()
    else:
        check(int(sys.argv[2]) if len(sys.argv) > 2 else 0)
