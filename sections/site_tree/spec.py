"""Parse and validate a site tree data file into plain dataclasses.

Validation collects every problem with the entry and field it concerns, so
an operator can fix a file in one pass; nothing is written to the database
here.
"""
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from sections.models.link_column import SITE_PATH_RE  # a path on this site, without its language prefix

SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,99}$")
DEPARTMENT_KINDS = {"office", "unit", "district", "party", "association", "shared"}
MANUAL, LINK = "后台手动", "链接跳转"
AGENCY_FIELDS = {
    "name", "site_name", "sponsor", "organiser", "site_code", "icp_number",
    "police_record_number", "address", "postcode", "phone", "email",
    # English forms for the English site (optional)
    "name_en", "sponsor_en", "organiser_en", "address_en",
}
NODE_FIELDS = {"title", "slug", "type", "method", "department", "departments", "link_url", "link_page", "link_path", "children", "update"}
# 更新类别 for the inspection profile: a class name or a number of days (see the YAML header).
UPDATE_CLASSES = {"动态", "通知公告", "政策文件", "static", "exempt"}


class SiteTreeError(Exception):
    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__("\n".join(self.errors))


@dataclass
class DepartmentSpec:
    key: str
    name: str
    kind: str
    order: int
    name_en: str = ""


@dataclass
class RoleSpec:
    key: str
    name: str
    description: str
    order: int


@dataclass
class NodeSpec:
    title: str
    slug: str
    kind: str  # "section", "group", "manual" or "link"
    label: str
    departments: list = field(default_factory=list)
    link_url: str = ""
    link_page: str = ""
    link_path: str = ""  # an address on this site outside the page tree, e.g. the letter form
    children: list = field(default_factory=list)
    update: object = None  # None (default by title), a class in UPDATE_CLASSES, or a number of days

    @property
    def department(self):
        return self.departments[0] if self.departments else None


@dataclass
class SiteTreeSpec:
    agency: dict
    departments: list
    roles: list
    tree: list

    def walk(self, nodes=None, parents=()):
        for node in self.tree if nodes is None else nodes:
            yield node, parents
            yield from self.walk(node.children, parents + (node,))


def read_site_tree(path):
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SiteTreeError([f"{path}: cannot read the file ({exc})"]) from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise SiteTreeError([f"{path}: not valid YAML ({exc})"]) from exc
    return parse_site_tree(data)


def parse_site_tree(data):
    errors = []
    if not isinstance(data, dict):
        raise SiteTreeError(["the file must be a mapping with agency, departments, roles and tree"])
    unknown = set(data) - {"agency", "departments", "roles", "tree"}
    if unknown:
        errors.append(f"top level: unknown field(s) {', '.join(sorted(map(str, unknown)))}")

    agency = _parse_agency(data.get("agency"), errors)
    departments = _parse_list(data.get("departments"), "departments", _parse_department, errors)
    roles = _parse_list(data.get("roles"), "roles", _parse_role, errors)
    _check_unique(departments, "departments", errors)
    _check_unique(roles, "roles", errors)
    department_names = {d.name for d in departments}

    tree_data = data.get("tree")
    tree = []
    if not isinstance(tree_data, list) or not tree_data:
        errors.append('field "tree": must be a non-empty list of sections and columns')
    else:
        tree = _parse_nodes(tree_data, "tree", department_names, errors, top_level=True)
    spec = SiteTreeSpec(agency=agency, departments=departments, roles=roles, tree=tree)
    if not errors:
        _check_link_pages(spec, errors)
    if errors:
        raise SiteTreeError(errors)
    return spec


def _parse_agency(value, errors):
    if not isinstance(value, dict):
        errors.append('field "agency": must be a mapping with at least a name')
        return {}
    for key in sorted(set(value) - AGENCY_FIELDS, key=str):
        errors.append(f'agency: unknown field "{key}"')
    agency = {k: ("" if value.get(k) is None else str(value.get(k)).strip()) for k in AGENCY_FIELDS}
    if not agency["name"]:
        errors.append('agency: field "name" is required')
    return agency


def _parse_list(value, where, parse_item, errors):
    if value is None:
        return []
    if not isinstance(value, list):
        errors.append(f'field "{where}": must be a list')
        return []
    items = []
    for index, item in enumerate(value):
        parsed = parse_item(item, f"{where}[{index}]", index, errors)
        if parsed is not None:
            items.append(parsed)
    return items


def _text(item, key, where, errors, required=True, max_length=255):
    value = item.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            errors.append(f'{where}: field "{key}" is required')
        return ""
    if not isinstance(value, (str, int)):
        errors.append(f'{where}: field "{key}" must be text')
        return ""
    value = str(value).strip()
    if len(value) > max_length:
        errors.append(f'{where}: field "{key}" is longer than {max_length} characters')
    return value


def _slug(item, key, where, errors):
    value = _text(item, key, where, errors, max_length=100)
    if value and not SLUG_RE.match(value):
        errors.append(f'{where}: field "{key}" must be lower-case letters, digits and hyphens, got "{value}"')
    return value


def _parse_department(item, where, index, errors):
    if not isinstance(item, dict):
        errors.append(f"{where}: must be a mapping with key, name and kind")
        return None
    for key in sorted(set(item) - {"key", "name", "kind", "name_en"}, key=str):
        errors.append(f'{where}: unknown field "{key}"')
    name = _text(item, "name", where, errors, max_length=100)
    where = f"{where} {name}".strip()
    kind = _text(item, "kind", where, errors) or "office"
    if kind not in DEPARTMENT_KINDS:
        errors.append(f'{where}: field "kind" must be one of {", ".join(sorted(DEPARTMENT_KINDS))}, got "{kind}"')
    name_en = _text(item, "name_en", where, errors, required=False, max_length=150)
    return DepartmentSpec(key=_slug(item, "key", where, errors), name=name, kind=kind, order=index, name_en=name_en or "")


def _parse_role(item, where, index, errors):
    if not isinstance(item, dict):
        errors.append(f"{where}: must be a mapping with key and name")
        return None
    for key in sorted(set(item) - {"key", "name", "description"}, key=str):
        errors.append(f'{where}: unknown field "{key}"')
    name = _text(item, "name", where, errors, max_length=100)
    where = f"{where} {name}".strip()
    return RoleSpec(
        key=_slug(item, "key", where, errors), name=name,
        description=_text(item, "description", where, errors, required=False, max_length=2000), order=index,
    )


def _check_unique(items, where, errors):
    for attr in ("key", "name"):
        seen = set()
        for item in items:
            value = getattr(item, attr)
            if value and value in seen:
                errors.append(f'{where}: {attr} "{value}" appears more than once')
            seen.add(value)


def _parse_nodes(items, where, department_names, errors, top_level=False):
    nodes, slugs = [], set()
    for index, item in enumerate(items):
        node = _parse_node(item, f"{where}[{index}]", department_names, errors, top_level)
        if node is None:
            continue
        if node.slug in slugs:
            errors.append(f'{where}[{index}] {node.title}: field "slug": "{node.slug}" is used by a sibling already')
        slugs.add(node.slug)
        nodes.append(node)
    return nodes


def _parse_node(item, where, department_names, errors, top_level):
    if not isinstance(item, dict):
        errors.append(f"{where}: must be a mapping with title and slug")
        return None
    title = _text(item, "title", where, errors)
    where = f"{where} {title}".strip()
    for key in sorted(set(item) - NODE_FIELDS, key=str):
        errors.append(f'{where}: unknown field "{key}"')
    slug = _slug(item, "slug", where, errors)
    node_type, method = item.get("type"), item.get("method")

    if node_type not in (None, "section"):
        errors.append(f'{where}: field "type" must be "section" or absent, got "{node_type}"')
    if method not in (None, MANUAL, LINK):
        errors.append(f'{where}: field "method" must be "{MANUAL}" or "{LINK}", got "{method}"')
    if node_type == "section":
        kind, label = "section", "版块"
        if not top_level:
            errors.append(f'{where}: field "type": a section can only be at the top of the tree')
        if method:
            errors.append(f'{where}: field "method": a section has no update method')
    elif method == MANUAL:
        kind, label = "manual", MANUAL
    elif method == LINK:
        kind, label = "link", LINK
    else:
        kind, label = "group", "栏目组"

    departments = []
    raw = item.get("departments", item.get("department"))
    if "department" in item and "departments" in item:
        errors.append(f'{where}: give "department" or "departments", not both')
    if raw is not None:
        raw = raw if isinstance(raw, list) else [raw]
        for name in raw:
            if not isinstance(name, str) or name not in department_names:
                errors.append(f'{where}: field "department": unknown department "{name}"')
            else:
                departments.append(name)
    if kind == "manual" and raw is None:
        errors.append(f'{where}: field "department" is required for a {MANUAL} column')
    if kind in ("section", "group") and departments:
        errors.append(f'{where}: field "department": only columns have a responsible department')

    link_url = _text(item, "link_url", where, errors, required=False, max_length=500)
    link_page = _text(item, "link_page", where, errors, required=False, max_length=500)
    link_path = _text(item, "link_path", where, errors, required=False, max_length=300)
    if kind == "link":
        if sum(map(bool, (link_url, link_page, link_path))) != 1:
            errors.append(f'{where}: a {LINK} column needs exactly one of "link_url", "link_page" or "link_path"')
        if link_path and not SITE_PATH_RE.match(link_path):
            errors.append(f'{where}: field "link_path" must be an address on this site starting with "/": '
                          f'"{link_path}"')
        if link_url:
            try:
                URLValidator(schemes=["http", "https"])(link_url)
            except ValidationError:
                errors.append(f'{where}: field "link_url" is not a valid http(s) address: "{link_url}"')
    elif link_url or link_page or link_path:
        errors.append(f'{where}: field "link_url"/"link_page"/"link_path" only applies to {LINK} columns')

    update = item.get("update")
    if update is not None:
        if isinstance(update, bool) or not (
            update in UPDATE_CLASSES or (isinstance(update, int) and 1 <= update <= 3650)
        ):
            errors.append(
                f'{where}: field "update" must be one of {", ".join(sorted(UPDATE_CLASSES))} '
                f'or a number of days from 1 to 3650, got "{update}"'
            )
            update = None
        elif kind in ("section", "group"):
            errors.append(f'{where}: field "update" only applies to columns')
            update = None

    children_data = item.get("children") or []
    children = []
    if not isinstance(children_data, list):
        errors.append(f'{where}: field "children" must be a list')
    elif children_data:
        if kind == "link":
            errors.append(f'{where}: field "children": a {LINK} column cannot have children')
        children = _parse_nodes(children_data, f"{where} > children", department_names, errors)
    elif kind in ("section", "group"):
        errors.append(f'{where}: field "children": a section or column group needs at least one child')

    return NodeSpec(
        title=title, slug=slug, kind=kind, label=label, departments=departments,
        link_url=link_url, link_page=link_page, link_path=link_path, children=children, update=update,
    )


def _check_link_pages(spec, errors):
    paths = set()
    for node, parents in spec.walk():
        paths.add("/".join([p.slug for p in parents] + [node.slug]))
    for node, parents in spec.walk():
        if node.link_page and node.link_page.strip("/") not in paths:
            where = " > ".join([p.title for p in parents] + [node.title])
            errors.append(f'tree > {where}: field "link_page": no column at "{node.link_page}"')
