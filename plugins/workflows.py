"""Applying the ``workflow_assignments`` hook to Wagtail workflows.

The review workflows themselves are created elsewhere (app ``moderation``);
this module only looks them up by name, so it works with any plain Wagtail
``Workflow`` whose name a plugin mentions.
"""
from dataclasses import dataclass, field

from django.apps import apps
from wagtail.models import Page, Workflow, WorkflowPage

from .registry import get_registry


@dataclass
class WorkflowReport:
    assigned: list = field(default_factory=list)  # (page, workflow name)
    unchanged: int = 0
    problems: list = field(default_factory=list)  # human-readable strings


def _home_pages():
    from home.models import HomePage

    return HomePage.objects.filter(depth=2)


def pages_for_target(target):
    """Pages a target names: every page of a page type label, or the page at a slug path in each home."""
    if "." in target and "/" not in target:
        model = apps.get_model(target)
        return list(model.objects.all())
    pages = []
    for home in _home_pages():
        page = home
        for slug in target.strip("/").split("/"):
            page = page.get_children().filter(slug=slug).first()
            if page is None:
                break
        if page is not None:
            pages.append(page)
    return pages


def assign(page, workflow, report):
    existing = WorkflowPage.objects.filter(page=page).first()
    if existing and existing.workflow_id == workflow.pk:
        report.unchanged += 1
        return
    if existing:
        existing.workflow = workflow
        existing.save(update_fields=["workflow"])
    else:
        WorkflowPage.objects.create(page=page, workflow=workflow)
    report.assigned.append((page, workflow.name))


def apply_workflow_assignments(registry=None):
    """Assign every workflow the plugins ask for; missing workflows and targets are reported, not fatal."""
    registry = registry or get_registry()
    report = WorkflowReport()
    for plugin_name, assignments in registry.results("workflow_assignments"):
        for target, workflow_name in assignments:
            workflow = Workflow.objects.filter(name=workflow_name, active=True).first()
            if workflow is None:
                report.problems.append(f"{plugin_name}: workflow {workflow_name!r} does not exist (target {target})")
                continue
            try:
                pages = pages_for_target(target)
            except LookupError:
                report.problems.append(f"{plugin_name}: unknown page type {target!r}")
                continue
            if not pages and "/" in target:
                report.problems.append(f"{plugin_name}: no page at {target!r}")
            for page in pages:
                assign(page, workflow, report)
    return report


def assignment_for_new_page(page, registry=None):
    """Workflow name a plugin assigns to a newly created page of its type, or None."""
    registry = registry or get_registry()
    label = f"{page._meta.app_label}.{type(page).__name__}"
    for _plugin, assignments in registry.results("workflow_assignments"):
        for target, workflow_name in assignments:
            if target == label:
                return workflow_name
    return None


def assign_new_page(page, registry=None):
    workflow_name = assignment_for_new_page(page, registry)
    if workflow_name is None:
        return None
    workflow = Workflow.objects.filter(name=workflow_name, active=True).first()
    if workflow is None:
        return None
    assign(Page.objects.get(pk=page.pk), workflow, WorkflowReport())
    return workflow
