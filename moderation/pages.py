"""What moderation needs to know about a page: is it a column, whose department is it, is it important."""
from wagtail.models import Page

from departments.models import Department

# Page types whose creation, renaming, moving and deletion is column maintenance (栏目维护).
COLUMN_PAGE_TYPES = {("sections", "sectionpage"), ("sections", "columnpage"), ("sections", "linkcolumnpage")}


def is_column_page(page):
    ct = page.content_type
    return (ct.app_label, ct.model) in COLUMN_PAGE_TYPES


def is_important(page):
    return bool(getattr(page.specific_deferred, "importance", ""))


def responsible_department(page, requested_by=None):
    """The page's own department, else its nearest column's, else the requester's.

    Shared placeholders (相关处室) never answer: they have no heads.
    """
    department = getattr(page.specific_deferred, "department", None)
    if department is not None and not department.is_shared:
        return department
    for ancestor in page.get_ancestors().reverse().specific():
        department = getattr(ancestor, "department", None)
        if isinstance(department, Department) and not department.is_shared:
            return department
    if requested_by is not None:
        return Department.objects.for_user(requested_by).exclude(kind=Department.Kind.SHARED).first()
    return None


def page_of(workflow_state):
    obj = workflow_state.content_object
    return obj if isinstance(obj, Page) else None
