"""Demo content: the two 双公示 columns of 安全专题 become disclosure columns with records.

The column tree file creates aqzt/sgs/xzcfxxgs and aqzt/sgs/xzxkxxgs as
plain columns; here each is replaced in place by a DisclosureListingPage
(a ColumnPage subclass, so the tree loader still recognises it) keeping
its slug, department, page permissions and any items below it.
"""
from pathlib import Path

from django.db import transaction
from wagtail.models import GroupPagePermission, Page

from .importer import import_rows
from .models import DisclosureListingPage, RecordKind

DATA = Path(__file__).parent / "data"
COLUMNS = [
    ("aqzt/sgs/xzcfxxgs", RecordKind.PENALTY, "demo_penalties.csv"),
    ("aqzt/sgs/xzxkxxgs", RecordKind.LICENSE, "demo_licences.csv"),
]


def _find(path):
    from home.models import HomePage

    home = HomePage.objects.filter(depth=2, locale__language_code="zh-hans").first()
    page = home
    for slug in path.split("/"):
        if page is None:
            return None
        page = page.get_children().filter(slug=slug).first()
    return page.specific if page else None


@transaction.atomic
def convert_column(column, kind):
    """Replace a plain ColumnPage by a DisclosureListingPage at the same place."""
    listing = DisclosureListingPage(
        title=column.title, slug=f"{column.slug}-sgs", key=column.key, department=column.department,
        intro=column.intro, record_kind=kind, locale=column.locale, show_in_menus=column.show_in_menus,
    )
    column.add_sibling(pos="right", instance=listing)
    listing.co_departments.set(column.co_departments.all())
    listing.save()
    for child in column.get_children():
        Page.objects.get(pk=child.pk).move(listing, pos="last-child")
    GroupPagePermission.objects.filter(page=column).update(page=listing)
    slug = column.slug
    Page.objects.get(pk=column.pk).delete()
    listing = DisclosureListingPage.objects.get(pk=listing.pk)
    listing.slug = slug
    listing.save_revision().publish()
    return listing


def load(stdout):
    converted = created = 0
    for path, kind, filename in COLUMNS:
        page = _find(path)
        if page is None:
            stdout.write(f"双公示 demo: column {path} not found, skipped.")
            continue
        if not isinstance(page, DisclosureListingPage):
            page = convert_column(page, kind)
            converted += 1
        department = page.department if page.department and not page.department.is_shared else None
        result = import_rows((DATA / filename).read_text("utf-8"), kind=kind, department=department)
        created += result.created
        for row, message in result.errors:
            stdout.write(f"双公示 demo: {filename} row {row}: {message}")
    if converted or created:
        stdout.write(f"双公示 demo: {converted} column(s) converted, {created} record(s) created.")
    else:
        stdout.write("双公示 demo: already present.")
