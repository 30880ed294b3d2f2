"""Demo search configuration (called by `manage.py setup_demo`): synonyms,
hot-topic promotions, and an index of whatever content exists. Idempotent."""
from django.core.management import call_command

DEMO_SYNONYMS = [
    "危化品, 危险化学品",
    "防汛防台, 防汛防台风, 三防",
    "安监, 安全生产监督管理, 应急管理",
    "119, 消防",
    "事故通报, 事故情况通报",
]
HOT_TOPICS = {"防汛": "防汛防台", "危化品": "危险化学品", "安全生产月": "安全生产月"}


def load(stdout):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    from sections.models import ArticlePage

    from .models import Synonym

    created = sum(Synonym.objects.get_or_create(terms=terms)[1] for terms in DEMO_SYNONYMS)
    promoted = 0
    for query, word in HOT_TOPICS.items():
        page = ArticlePage.objects.live().filter(title__contains=word, locale__language_code="zh-hans").order_by("-first_published_at").first()
        if page is None:
            continue
        q = Query.get(query)
        if not SearchPromotion.objects.filter(query=q, page=page).exists():
            SearchPromotion.objects.create(query=q, page=page, sort_order=0, description="")
            promoted += 1
    call_command("rebuild_site_search", "--no-progress", stdout=stdout)
    stdout.write(f"Search: {created} synonyms and {promoted} promotions created.")
