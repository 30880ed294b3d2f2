"""One command from an empty database to a demo site: migrate, load the column
tree, create demo accounts and fill the columns with demo content.

Each installed app may provide ``<app>.demo.load(stdout)``; it is called in
INSTALLED_APPS order and must be idempotent, so running this command again
keeps existing data and adds no duplicates.

When stderr is a terminal the phases show as progress bars there (tqdm, through
core/progress.py), with a bar inside the slow phases; stdout keeps the same lines.
"""
import sys
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from core import progress
from core.demo_accounts import DEMO_ACCOUNTS, DEMO_PASSWORD, ensure_demo_accounts


class Command(BaseCommand):
    help = "Create or update the demo site (safe to run repeatedly)."

    def add_arguments(self, parser):
        parser.add_argument("--progress", action="store_true", help="Show progress bars even when stderr is not a terminal.")
        parser.add_argument("--no-progress", action="store_true", help="Never show progress bars.")

    def handle(self, *args, **options):
        show = not options["no_progress"] and (options["progress"] or _is_terminal(sys.stderr))
        with progress.shown(show):
            self._run(progress.BarSafeWriter(self.stdout))

    def _run(self, stdout):
        demos = []
        for app_config in apps.get_app_configs():
            try:
                demos.append((app_config, import_module(f"{app_config.name}.demo")))
            except ModuleNotFoundError as exc:
                if exc.name != f"{app_config.name}.demo":
                    raise
        phases = progress.bar(total=3 + len(demos), unit="phase", desc="setup_demo", position=0)
        with phases:
            phases.set_postfix_str("migrate")
            call_command("migrate", interactive=False, verbosity=0)
            stdout.write("Database migrated.")
            phases.update()
            phases.set_postfix_str("column tree")
            call_command("load_site_tree", stdout=_Quiet(stdout))
            phases.update()
            phases.set_postfix_str("accounts")
            created = ensure_demo_accounts()
            if created:
                stdout.write(f"Demo accounts created: {', '.join(created)}")
            phases.update()
            for app_config, demo in demos:
                phases.set_postfix_str(app_config.label)
                demo.load(stdout=stdout)
                phases.update()
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        stdout.write(self.style.SUCCESS(f"\nSite:  {base}/\nAdmin: {base}/admin/"))
        stdout.write(f"Demo accounts (password {DEMO_PASSWORD}):")
        for username, display_name, _groups in DEMO_ACCOUNTS:
            stdout.write(f"  {username:<14} {display_name}")


def _is_terminal(stream):
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class _Quiet:
    """Pass through only the loader's summary line."""

    def __init__(self, stdout):
        self.stdout = stdout

    def write(self, text, *args, **kwargs):
        if not text.startswith("  "):
            self.stdout.write(text.rstrip("\n"))

    def flush(self):
        pass
