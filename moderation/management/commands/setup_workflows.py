from django.core.management.base import BaseCommand

from moderation.setup import ensure_workflows


class Command(BaseCommand):
    help = "Create or refresh the review workflows and assign them to the sections (safe to run repeatedly)."

    def handle(self, *args, **options):
        workflows = ensure_workflows()
        for name, workflow in workflows.items():
            pages = ", ".join(wp.page.title for wp in workflow.workflow_pages.select_related("page"))
            self.stdout.write(f"{name}: {workflow.workflow_tasks.count()} steps; {pages}")
