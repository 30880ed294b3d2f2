"""The live column tree as nested nodes, for navigation and the site map."""
from dataclasses import dataclass, field

from wagtail.models import Page

from core.pages import public

from .entries import entry_page_types


@dataclass
class TreeNode:
    page: Page
    children: list = field(default_factory=list)


def column_page_types():
    from .column import ColumnPage
    from .link_column import LinkColumnPage
    from .section import SectionPage

    return (SectionPage, ColumnPage, LinkColumnPage) + entry_page_types()


def live_tree(root, max_depth=4, locale=None):
    """Sections and columns below ``root`` (not items), in tree order, in few queries."""
    qs = (
        public(Page.objects.live())
        .descendant_of(root)
        .filter(depth__lte=root.depth + max_depth)
        .type(*column_page_types())
        .order_by("path")
    )
    if locale is not None:
        qs = qs.filter(locale=locale)
    nodes_by_path = {}
    top = []
    for page in qs.specific():
        node = TreeNode(page)
        nodes_by_path[page.path] = node
        parent = nodes_by_path.get(page.path[: -Page.steplen])
        if parent is not None:
            parent.children.append(node)
        elif page.depth == root.depth + 1:
            top.append(node)
    return top
