"""Demo items for every 后台手动 column (called by `manage.py setup_demo`)."""
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from core.progress import track

from .demo_content import items_for_column
from .models import ArticlePage, ColumnPage


def load(stdout):
    created = 0
    now = timezone.now().replace(hour=9, minute=30, second=0, microsecond=0)
    columns = ColumnPage.objects.filter(department__isnull=False, locale__language_code="zh-hans").select_related("department")
    for column in track(list(columns), "demo items", unit="column"):
        existing = set(column.get_children().values_list("slug", flat=True))
        for index, (title, summary, paragraphs, days_ago) in enumerate(items_for_column(column), start=1):
            slug = f"demo-{index}"
            if slug in existing:
                continue
            with transaction.atomic():
                page = ArticlePage(
                    title=title, slug=slug, summary=summary,
                    body=[("paragraph", f"<p>{text}</p>") for text in paragraphs],
                    info_source=column.department.name if not column.department.is_shared else "上海市应急管理局",
                    display_date=now - timedelta(days=days_ago),
                )
                column.add_child(instance=page)
                page.save_revision().publish()
            created += 1
    stdout.write(f"Demo items: {created} created." if created else "Demo items: already present.")
