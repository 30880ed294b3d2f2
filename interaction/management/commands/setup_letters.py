from django.core.management.base import BaseCommand

from interaction.setup import ensure_letter_types


class Command(BaseCommand):
    help = "Create the default letter types and grant their roles' permissions (safe to run repeatedly)."

    def handle(self, *args, **options):
        created = ensure_letter_types()
        self.stdout.write(f"Letter types created: {', '.join(created) or 'none'}")
