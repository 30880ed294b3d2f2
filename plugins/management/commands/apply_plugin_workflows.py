"""Assign the review workflows plugins ask for (the workflow_assignments hook)."""
from django.core.management.base import BaseCommand

from plugins.workflows import apply_workflow_assignments


class Command(BaseCommand):
    help = "Assign Wagtail workflows to plugin page types and subtrees, as the plugins request."

    def handle(self, *args, **options):
        report = apply_workflow_assignments()
        for page, workflow_name in report.assigned:
            self.stdout.write(f"assigned {workflow_name} to {page.title} ({page.url_path})")
        for problem in report.problems:
            self.stderr.write(self.style.WARNING(problem))
        self.stdout.write(f"{len(report.assigned)} assigned, {report.unchanged} unchanged, {len(report.problems)} problem(s).")
