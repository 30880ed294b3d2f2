"""One read of the column tree and its items, shared by the tree rules.

Every rule that asks "when was this column last updated" reads this
snapshot instead of querying per column: two queries for columns, one for
items, whatever the size of the site.
"""
import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from wagtail.models import Page, Site

from . import column_classes


@dataclass
class ColumnState:
    id: int
    title: str
    path: str
    slug_path: str
    department_id: int | None
    update_class: column_classes.UpdateClass
    is_link: bool
    newest: datetime.date | None = None
    newest_item_id: int | None = None
    item_count: int = 0
    sub_columns: int = 0


@dataclass
class Snapshot:
    home: Page
    columns: dict = field(default_factory=dict)  # id -> ColumnState
    newest: datetime.date | None = None
    newest_item_id: int | None = None
    item_count: int = 0


def home_page():
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return site.root_page if site else None


def local_date(value):
    return timezone.localtime(value).date() if value else None


def take(home=None):
    from sections.models import ColumnPage, LinkColumnPage
    from sections.models.listing import item_content_types, public_item_filter

    home = home or home_page()
    snap = Snapshot(home=home)
    if home is None:
        return snap
    prefix = home.url_path
    by_path = {}
    for model, is_link in ((ColumnPage, False), (LinkColumnPage, True)):
        rows = model.objects.live().descendant_of(home).values_list("id", "title", "path", "url_path", "department_id")
        for pk, title, path, url_path, department_id in rows:
            slug_path = url_path[len(prefix):].strip("/")
            state = ColumnState(
                id=pk, title=title, path=path, slug_path=slug_path, department_id=department_id,
                update_class=column_classes.class_for(slug_path, title, is_link), is_link=is_link,
            )
            snap.columns[pk] = state
            by_path[path] = state
    for state in by_path.values():
        parent = by_path.get(state.path[: -Page.steplen])
        if parent is not None:
            parent.sub_columns += 1

    items = (
        Page.objects.live().public().descendant_of(home)
        .filter(content_type__in=item_content_types()).filter(public_item_filter())
        .values_list("id", "path", "first_published_at")
    )
    steplen = Page.steplen
    for pk, path, published in items.iterator(chunk_size=5000):
        day = local_date(published)
        snap.item_count += 1
        if day and (snap.newest is None or day > snap.newest):
            snap.newest, snap.newest_item_id = day, pk
        # The item counts for every column above it (a column group is updated when a sub-column is).
        ancestor = path[:-steplen]
        while len(ancestor) >= steplen:
            state = by_path.get(ancestor)
            if state is not None:
                state.item_count += 1
                if day and (state.newest is None or day > state.newest):
                    state.newest, state.newest_item_id = day, pk
            ancestor = ancestor[:-steplen]
    return snap
