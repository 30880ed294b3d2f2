"""Write a validated SiteTreeSpec to the database, idempotently.

Everything happens in one transaction: either the whole file is applied or
nothing is. Pages are only saved (and a revision recorded) when a field the
file controls has changed, so loading the same file twice writes nothing.
"""
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Locale, Page, Site

from departments.collections import SHARED_COLLECTION_NAME
from departments.models import Department, ReviewRole

from . import roots
from .spec import SiteTreeError

EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")
# Documents and images live in one collection per department (防篡改): a
# department's groups add, change and choose there only. In the shared
# collection they add and choose; Wagtail's ownership rule then lets the
# uploader (and nobody else below a superuser) change or delete a shared file.
EDITOR_COLLECTION_PERMISSIONS = (
    ("wagtaildocs", "add_document"), ("wagtaildocs", "change_document"), ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"), ("wagtailimages", "change_image"), ("wagtailimages", "choose_image"),
)
SHARED_COLLECTION_PERMISSIONS = (
    ("wagtaildocs", "add_document"), ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"), ("wagtailimages", "choose_image"),
)


@dataclass
class LoadReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    not_in_file: list = field(default_factory=list)

    @property
    def changed(self):
        return bool(self.created or self.updated)

    def note(self, bucket, text):
        getattr(self, bucket).append(text)


def apply_site_tree(spec):
    report = LoadReport()
    with transaction.atomic():
        _ensure_locales(report)
        home = roots.ensure_home(spec, report)
        roots.apply_site_settings(spec, home, report)
        departments = _apply_departments(spec, report)
        _apply_roles(spec, report)
        pages, deferred = {}, []
        _apply_nodes(spec.tree, home, (), departments, pages, deferred, report)
        # Link columns pointing at a column later in the file are created once
        # their target exists; then their siblings are put back in file order.
        for node, parent, parents in deferred:
            _apply_node(node, parent, parents, departments, pages, report)
        for parent, parents in {parent.pk: (parent, parents) for _node, parent, parents in deferred}.values():
            _apply_order(_siblings(spec, parents), parent, pages, parents, report)
        _apply_permissions(spec, home, departments, pages, report)
        _report_unmanaged(home, pages, report)
    return report


def _ensure_locales(report):
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        _locale, created = Locale.objects.get_or_create(language_code=code)
        if created:
            report.note("created", f"locale {code}")


def _group(name, report):
    group, created = Group.objects.get_or_create(name=name)
    if created:
        report.note("created", f"group {name}")
    return group


def _grant_admin_access(group):
    access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    group.permissions.add(access)


def _apply_departments(spec, report):
    departments = {}
    root_collection = Collection.get_first_root_node()
    collection_perms = _permissions(EDITOR_COLLECTION_PERMISSIONS)
    shared_perms = _permissions(SHARED_COLLECTION_PERMISSIONS)
    shared_collection = _child_collection(root_collection, SHARED_COLLECTION_NAME, report)
    for item in spec.departments:
        department = Department.objects.filter(key=item.key).first()
        if department is None:
            if Department.objects.filter(name=item.name).exists():
                raise SiteTreeError([f'departments {item.name}: field "key": the name is already used by key '
                                     f'"{Department.objects.get(name=item.name).key}"'])
            department = Department(key=item.key)
            report.note("created", f"department {item.name}")
        fields = {"name": item.name, "name_en": item.name_en, "kind": item.kind, "sort_order": item.order}
        if department.pk and any(getattr(department, k) != v for k, v in fields.items()):
            report.note("updated", f"department {item.name}")
        for key, value in fields.items():
            setattr(department, key, value)
        if item.kind != "shared":
            department.group = _group(item.name, report)
            department.head_group = _group(f"{item.name}负责人", report)
            own_collection = _child_collection(root_collection, item.name, report)
            for group in (department.group, department.head_group):
                _grant_admin_access(group)
                wanted = {(own_collection.pk, p.pk) for p in collection_perms}
                wanted |= {(shared_collection.pk, p.pk) for p in shared_perms}
                have = GroupCollectionPermission.objects.filter(
                    group=group, permission__content_type__app_label__in=("wagtaildocs", "wagtailimages")
                )
                # Grants on any other collection (the root one of earlier versions,
                # another department's) are withdrawn.
                stale = [gcp.pk for gcp in have if (gcp.collection_id, gcp.permission_id) not in wanted]
                if stale:
                    GroupCollectionPermission.objects.filter(pk__in=stale).delete()
                    report.note("updated", f"collection permissions of {group.name}")
                for collection_id, permission_id in wanted:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group, collection_id=collection_id, permission_id=permission_id
                    )
        department.save()
        departments[item.name] = department
    return departments


def _permissions(pairs):
    return [Permission.objects.get(content_type__app_label=app, codename=codename) for app, codename in pairs]


def _child_collection(root, name, report):
    collection = root.get_children().filter(name=name).first()
    if collection is None:
        collection = root.add_child(instance=Collection(name=name))
        report.note("created", f"collection {name}")
    return collection


def _apply_roles(spec, report):
    for item in spec.roles:
        role = ReviewRole.objects.filter(key=item.key).first()
        if role is None:
            role = ReviewRole(key=item.key, group=_group(item.name, report))
            report.note("created", f"review role {item.name}")
        elif (role.name, role.description, role.sort_order) != (item.name, item.description, item.order):
            report.note("updated", f"review role {item.name}")
            if role.group.name != item.name:
                role.group.name = item.name
                role.group.save()
        role.name, role.description, role.sort_order = item.name, item.description, item.order
        role.save()
        _grant_admin_access(role.group)


def _node_model(node):
    from sections.models import ColumnPage, LinkColumnPage, SectionPage

    return {"section": SectionPage, "group": ColumnPage, "manual": ColumnPage, "link": LinkColumnPage}[node.kind]


def _apply_nodes(nodes, parent, parents, departments, pages, deferred, report):
    for node in nodes:
        if node.link_page and node.link_page.strip("/") not in pages:
            deferred.append((node, parent, parents))
            continue
        page = _apply_node(node, parent, parents, departments, pages, report)
        _apply_nodes(node.children, page, parents + (node,), departments, pages, deferred, report)
    if not any(item[1].pk == parent.pk for item in deferred):
        _apply_order(nodes, parent, pages, parents, report)


def _siblings(spec, parents):
    return parents[-1].children if parents else spec.tree


def _apply_node(node, parent, parents, departments, pages, report):
    path = parents + (node,)
    where = " > ".join(n.title for n in path)
    model = _node_model(node)
    page = parent.get_children().filter(slug=node.slug).specific().first()
    wanted = {"title": node.title, "key": node.slug, "show_in_menus": True}
    if node.kind in ("manual", "link"):
        wanted["department"] = departments[node.department] if node.department else None
    if node.kind == "link":
        wanted["link_url"], wanted["link_page"], wanted["link_path"] = node.link_url, None, node.link_path
        if node.link_page:
            wanted["link_page"] = pages[node.link_page.strip("/")]
    if page is None:
        page = model(slug=node.slug, locale=parent.locale, **wanted)
        parent.add_child(instance=page)
        page.save_revision().publish()
        report.note("created", f"{node.label} {where}")
    else:
        if not isinstance(page, model):
            raise SiteTreeError([
                f'tree > {where}: field "method": the existing page is a {page._meta.verbose_name}; '
                f"changing a column's type is not supported, move or delete the page first"
            ])
        changed = [k for k, v in wanted.items() if _value(page, k) != _value_of(v)]
        if changed:
            for key in changed:
                setattr(page, key, wanted[key])
            page.save_revision().publish()
            report.note("updated", f"{node.label} {where} ({', '.join(changed)})")
    if node.kind in ("manual", "group"):
        co = [departments[name] for name in node.departments[1:]]
        if set(page.co_departments.all()) != set(co):
            page.co_departments.set(co)
            page.save()
            report.note("updated", f"{node.label} {where} (co_departments)")
    pages["/".join(n.slug for n in path)] = page
    return page


def _value(page, key):
    if key in ("department", "link_page"):
        return getattr(page, f"{key}_id")
    return getattr(page, key)


def _value_of(value):
    return value.pk if hasattr(value, "pk") else value


def _apply_order(nodes, parent, pages, parents, report):
    wanted = [pages["/".join(n.slug for n in parents + (node,))].pk for node in nodes]
    if parent.pk:
        parent = Page.objects.get(pk=parent.pk)  # fresh tree fields after moves
    actual = [pk for pk in parent.get_children().filter(pk__in=wanted).values_list("pk", flat=True)]
    if actual != wanted:
        for pk in wanted:
            Page.objects.get(pk=pk).move(parent, pos="last-child")
        report.note("updated", f"order of columns under {parent.title}")


def _apply_permissions(spec, home, departments, pages, report):
    """Each department group may add and edit in exactly its own columns."""
    wanted = {}  # group id -> set of (page id, permission id)
    perms = {
        codename: Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        for codename in EDITOR_PAGE_PERMISSIONS
    }
    editable = [d for d in departments.values() if not d.is_shared]
    for department in editable:
        for group in (department.group, department.head_group):
            wanted[group.pk] = set()
    for node, parents in spec.walk():
        if node.kind != "manual":
            continue
        page = pages["/".join([p.slug for p in parents] + [node.slug])]
        owners = [departments[name] for name in node.departments]
        if any(d.is_shared for d in owners):
            owners = editable
        for department in owners:
            if department.is_shared:
                continue
            for group in (department.group, department.head_group):
                wanted[group.pk].update((page.pk, p.pk) for p in perms.values())
    for group_id, rows in wanted.items():
        current = set(
            GroupPagePermission.objects.filter(group_id=group_id).values_list("page_id", "permission_id")
        )
        stale = current - rows
        if stale:
            for page_id, permission_id in stale:
                GroupPagePermission.objects.filter(
                    group_id=group_id, page_id=page_id, permission_id=permission_id
                ).delete()
            report.note("updated", f"page permissions of group {Group.objects.get(pk=group_id).name} (removed {len(stale)})")
        missing = rows - current
        if missing:
            GroupPagePermission.objects.bulk_create(
                GroupPagePermission(group_id=group_id, page_id=page_id, permission_id=permission_id)
                for page_id, permission_id in missing
            )
            if current:
                report.note("updated", f"page permissions of group {Group.objects.get(pk=group_id).name}")


def _report_unmanaged(home, pages, report):
    from sections.models import ColumnPage, LinkColumnPage, SectionPage

    managed = {page.pk for page in pages.values()}
    for page in home.get_descendants().type(SectionPage, ColumnPage, LinkColumnPage).specific():
        if page.pk not in managed and getattr(page, "key", ""):
            report.note("not_in_file", f"{page.title} ({page.url_path})")
