"""Create many new published pages under one parent with a few queries per batch, not dozens per page.

``add_published_children(parent, pages, user)`` writes the same rows as, for
each page, ``parent.add_child(instance=page)``, ``page.save_revision(user)``
and ``revision.publish(user)``:

- the tree: consecutive treebeard paths after the parent's last child, one
  ``numchild`` update of the parent (treebeard's own ``add_child`` does a
  query for the last child and an update per page);
- the page rows of every table of the multi-table chain (wagtailcore_page,
  then each subclass table), one multi-row INSERT per table;
- the in-memory child objects (modelcluster ``ParentalKey`` relations such
  as attachments, tags, service items) and ``ParentalManyToManyField`` links,
  one INSERT per model;
- one ``Revision`` per page (``serializable_data()``, as ``save_revision``
  stores it), set as the page's latest and live revision;
- the audit log entries Wagtail writes: ``wagtail.create`` and
  ``wagtail.publish`` per page, with the active log context's user and uuid;
- the signals other apps listen to: ``post_save`` (created) of each child
  object and each page, then ``page_published`` per page, in page order. Inside
  ``core.bulk.deferred_publishing()`` their receivers only record the pages
  for the batched passes (search indexes, reference index, translations,
  page cache).

Model ``save()`` overrides do not run on a bulk insert. A page model whose
``save()`` derives fields declares ``prepare_bulk_create(parent)`` (chained
with ``super()``), called before validation, and may declare a classmethod
``bulk_created(pages)`` for the rows its ``save()`` writes elsewhere (the
policy 索引号 registry). ``pre_save`` is not sent (Wagtail's only receiver
sets the locale, done here).

Everything runs in the caller's transaction; call it inside
``transaction.atomic()``. On any error (a ValidationError from
``full_clean``, an IntegrityError) the caller rolls back and may retry page
by page to find the culprit, as ``policy.importer`` does.
"""
from django.contrib.contenttypes.models import ContentType
from django.db import connections, router
from django.db.models import CharField, F, OuterRef, Subquery
from django.db.models.functions import Cast
from django.db.models.signals import post_save
from django.utils import timezone
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from treebeard.exceptions import PathOverflow
from wagtail.log_actions import get_active_log_context
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.signals import page_published


def _steps(parent, count):
    """The treebeard paths of ``count`` new last children of ``parent``."""
    depth = parent.depth + 1
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=depth).order_by("-path")
        .values_list("path", flat=True).first()
    )
    start = Page._str2int(last[-Page.steplen:]) if last else 0
    paths = []
    for n in range(start + 1, start + count + 1):
        key = Page._int2str(n)
        if len(key) > Page.steplen:
            raise PathOverflow(f"Path overflow under {parent.path}")
        paths.append(Page._get_path(parent.path, depth, n))
    return paths


def _insert_chain(pages, using):
    """INSERT the pages into wagtailcore_page and every subclass table (a multi-table chain)."""
    Page.objects.using(using).bulk_create(pages)
    model = type(pages[0])
    chain = [m for m in reversed(model._meta.get_parent_list()) if m is not Page and not m._meta.abstract]
    for table_model in [*chain, model]:
        links = [field for field in table_model._meta.parents.values() if field is not None]
        for page in pages:
            for field in links:
                setattr(page, field.attname, page.id)
        fields = list(table_model._meta.local_concrete_fields)
        connection = connections[using]
        batch = max(connection.ops.bulk_batch_size(fields, pages), 1)
        manager = table_model._base_manager.using(using)
        for start in range(0, len(pages), batch):
            manager._insert(pages[start:start + batch], fields=fields, using=using)
    for page in pages:
        page._state.adding = False
        page._state.db = using


def _take_children(page):
    """The page's in-memory cluster children {relation: [objects]} and m2m targets {field: [objects]}."""
    held = getattr(page, "_cluster_related_objects", {}) or {}
    children, m2m = {}, {}
    for relation in get_all_child_relations(page):
        name = relation.get_accessor_name()
        if name in held:
            children[relation] = list(held[name])
    for field in get_all_child_m2m_relations(page):
        if field.name in held:
            m2m[field] = list(held[field.name])
    return children, m2m


def _insert_children(pages, taken, using):
    by_model, links = {}, {}
    for page, (children, m2m) in zip(pages, taken):
        for relation, items in children.items():
            fk = relation.field
            for item in items:
                if getattr(item, "_cluster_related_objects", None):
                    raise ValueError(f"{type(item).__name__}: nested cluster children are not bulk-created")
                setattr(item, fk.name, page)
                by_model.setdefault(relation.related_model, []).append(item)
        for field, targets in m2m.items():
            through = field.remote_field.through
            source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
            links.setdefault(through, []).extend(
                through(**{f"{source}_id": page.pk, f"{target}_id": obj.pk}) for obj in targets
            )
    for model, items in [*by_model.items(), *links.items()]:
        model._base_manager.using(using).bulk_create(items)
    return [item for items in by_model.values() for item in items]


def add_published_children(parent, pages, user=None, clean=True):
    """Add the unsaved ``pages`` (all of one model) as new live children of ``parent``; returns their revisions."""
    pages = list(pages)
    if not pages:
        return []
    model = type(pages[0])
    if any(type(p) is not model for p in pages):
        raise ValueError("add_published_children: all pages must be of one model")
    using = router.db_for_write(model)
    parent = Page.objects.using(using).select_for_update().get(pk=parent.pk)
    now = timezone.now()
    foreign_keys = [f.name for f in model._meta.concrete_fields if f.many_to_one]
    context = get_active_log_context()
    user = user or context.user
    for page, path in zip(pages, _steps(parent, len(pages))):
        page.path, page.depth, page.numchild = path, parent.depth + 1, 0
        page._cached_parent_obj = parent
        if page.locale_id is None:
            page.locale_id = parent.locale_id
        prepare = getattr(page, "prepare_bulk_create", None)
        if prepare is not None:
            prepare(parent)
        page.draft_title = page.title
        page.live, page.has_unpublished_changes, page.expired = True, False, False
        page.first_published_at = page.first_published_at or now
        page.last_published_at = now
        page.latest_revision_created_at = now
        if clean:
            # Uniqueness (translation key, path) and foreign keys (a query per key and page in
            # clean_fields) are left to the database's constraints; clean() checks the slug.
            page.full_clean(exclude=foreign_keys, validate_unique=False, validate_constraints=False)
        page.set_url_path(parent)
    taken = [_take_children(page) for page in pages]
    _insert_chain(pages, using)
    Page.objects.using(using).filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)
    children = _insert_children(pages, taken, using)
    after = getattr(model, "bulk_created", None)
    if after is not None:
        after(pages)

    base_type = ContentType.objects.db_manager(using).get_for_model(Page)
    page_type = ContentType.objects.db_manager(using).get_for_model(model)
    revisions = Revision.objects.using(using).bulk_create([
        Revision(
            content_type=page_type, base_content_type=base_type, object_id=str(page.pk), user=user,
            created_at=now, content=page.serializable_data(), object_str=str(page),
        )
        for page in pages
    ])
    for page, revision in zip(pages, revisions):
        page.latest_revision = page.live_revision = revision
        for name in list(getattr(page, "_cluster_related_objects", {}) or {}):
            del page._cluster_related_objects[name]  # back to the database, as modelcluster's commit() does
    # One UPDATE with a subquery (bulk_update's CASE per row is several times slower).
    latest = Revision.objects.using(using).filter(
        base_content_type=base_type, object_id=Cast(OuterRef("pk"), CharField()),
    ).order_by("-pk").values("pk")[:1]
    Page.objects.using(using).filter(pk__in=[p.pk for p in pages]).update(
        latest_revision=Subquery(latest), live_revision=Subquery(latest),
    )

    log_type = ContentType.objects.db_manager(using).get_for_model(model, for_concrete_model=False)
    entries = []
    for page, revision in zip(pages, revisions):
        label = page.get_admin_display_title()
        common = dict(content_type=log_type, label=label, page_id=page.pk, uuid=context.uuid, content_changed=True,
                      data={})
        entries.append(PageLogEntry(action="wagtail.create", timestamp=now, user=user or page.owner, **common))
        entries.append(PageLogEntry(action="wagtail.publish", timestamp=now, user=user, revision=revision, **common))
    PageLogEntry.objects.using(using).bulk_create(entries)

    for item in children:
        post_save.send(sender=type(item), instance=item, created=True, update_fields=None, raw=False, using=using)
    for page in pages:
        post_save.send(sender=model, instance=page, created=True, update_fields=None, raw=False, using=using)
    for page, revision in zip(pages, revisions):
        page_published.send(sender=model, instance=page, revision=revision)
    return revisions
