"""A new column may not go live while it is still empty (空白栏目).

国办秘函〔2019〕19号 counts empty columns towards a single veto (5 or more).
The nightly profile reports them once they exist; this check keeps a new
one from appearing at all. We *refuse* rather than warn: an empty column is
a finding from the moment it is published, nothing about publishing it
early helps a reader, and the way round is simple (save the column as a
draft, add and publish its first items or sub-columns beneath it, then
publish the column). A warning would be clicked past under deadline
pressure, which is exactly how sites collect empty columns.

It refuses publishing from the editor and the approval that would publish
the column (the last step of its 栏目维护 workflow that applies); submitting a
new column for review and the earlier approvals are not refused. It applies
to columns that are not live yet (a live column's edits are
never blocked: its emptiness is already in the nightly findings), and not
to link columns or columns classed ``exempt`` in the site-tree file. Publishing
through Wagtail's bulk actions in the page explorer is not covered.
"""
from django.utils.translation import gettext as _
from wagtail.models import Page

from . import column_classes
from .rules.columns import EMPTY_VETO

KEY = "column_empty:new"


def _slug_path(page):
    from .snapshot import home_page

    home = home_page()
    if home is None or not page.url_path:
        return ""
    return page.url_path[len(home.url_path):].strip("/")


def has_live_content(page):
    """A live sub-column or a live, public item anywhere below the column."""
    from sections.models import ColumnPage, LinkColumnPage
    from sections.models.listing import item_content_types, public_item_filter

    if page.pk is None:
        return False
    below = Page.objects.live().descendant_of(page)
    if below.child_of(page).type(ColumnPage, LinkColumnPage).exists():
        return True
    return below.public().filter(content_type__in=item_content_types()).filter(public_item_filter()).exists()


def empty_new_column_message(page):
    """Why this column may not go live yet, or None."""
    from sections.models import ColumnPage, LinkColumnPage

    # A page being created is live=True (the model default) until it is saved: only a saved page's flag counts.
    if not isinstance(page, ColumnPage) or isinstance(page, LinkColumnPage) or (page.pk is not None and page.live):
        return None
    cls = column_classes.class_for(_slug_path(page), page.title)
    if cls.name == column_classes.EXEMPT or has_live_content(page):
        return None
    return _(
        "The new column “%(title)s” has no published item or sub-column yet: an empty column counts towards a "
        "single veto (%(threshold)s empty columns, 国办秘函〔2019〕19号). Save it as a draft, publish its first "
        "items beneath it, then publish the column."
    ) % {"title": page.title, "threshold": EMPTY_VETO}


def approval_publishes(task_state, page):
    """Whether approving this step ends the workflow, i.e. publishes the page (later steps that do not
    apply to the page are skipped by moderation's ConditionalTaskMixin)."""
    workflow_state = task_state.workflow_state
    tasks = [wt.task.specific for wt in workflow_state.workflow.workflow_tasks.filter(task__active=True)
             .select_related("task").order_by("sort_order")]
    ids = [t.pk for t in tasks]
    if task_state.task_id not in ids:
        return True
    later = tasks[ids.index(task_state.task_id) + 1:]
    return not any(getattr(t, "skip_reason", lambda p: None)(page) is None for t in later)


def form_check(form, page, action, user):
    """Publishing from the editor (check_page_form hook)."""
    if action == "publish":
        message = empty_new_column_message(page)
        if message:
            form.add_error(None, message)


def problems(page, *, user, stage, task_state=None):
    """The approval that would publish the column (moderation_content_checks hook).

    Submitting a new column for review is allowed: the 栏目维护 steps decide
    whether the column should exist while its first items are written.
    """
    from moderation.content_checks import BLOCK, ContentProblem

    if stage != "approve" or task_state is None:
        return []
    message = empty_new_column_message(page)
    if message is None or not approval_publishes(task_state, page):
        return []
    return [ContentProblem(BLOCK, KEY, message)]
