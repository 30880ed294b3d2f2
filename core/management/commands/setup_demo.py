"""One command from an empty database to a demo site: migrate, load the column
tree, create demo accounts and fill the columns with demo content.

Each installed app may provide ``<app>.demo.load(stdout)``; it is called in
INSTALLED_APPS order and must be idempotent, so running this command again
keeps existing data and adds no duplicates.
"""
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from core.demo_accounts import DEMO_ACCOUNTS, DEMO_PASSWORD, ensure_demo_accounts


class Command(BaseCommand):
    help = "Create or update the demo site (safe to run repeatedly)."

    def handle(self, *args, **options):
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("Database migrated.")
        call_command("load_site_tree", stdout=_Quiet(self.stdout))
        created = ensure_demo_accounts()
        if created:
            self.stdout.write(f"Demo accounts created: {', '.join(created)}")
        for app_config in apps.get_app_configs():
            try:
                demo = import_module(f"{app_config.name}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"{app_config.name}.demo":
                    raise
                continue
            demo.load(stdout=self.stdout)
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        self.stdout.write(self.style.SUCCESS(f"\nSite:  {base}/\nAdmin: {base}/admin/"))
        self.stdout.write(f"Demo accounts (password {DEMO_PASSWORD}):")
        for username, display_name, _groups in DEMO_ACCOUNTS:
            self.stdout.write(f"  {username:<14} {display_name}")


class _Quiet:
    """Pass through only the loader's summary line."""

    def __init__(self, stdout):
        self.stdout = stdout

    def write(self, text, *args, **kwargs):
        if not text.startswith("  "):
            self.stdout.write(text.rstrip("\n"))

    def flush(self):
        pass
