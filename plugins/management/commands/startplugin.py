"""Create a new, installable plugin package with a page type, template and tests."""
import keyword
import re
from pathlib import Path
from string import Template

from django.core.management.base import BaseCommand, CommandError

from plugins.registry import platform_version

SCAFFOLD = Path(__file__).resolve().parent.parent.parent / "scaffold"
NAME_RE = re.compile(r"^[a-z][a-z0-9_]{1,39}$")


def latest_migration(app_label):
    """Name of the app's newest migration file (they are numbered), without touching the database."""
    from django.apps import apps

    directory = Path(apps.get_app_config(app_label).path) / "migrations"
    return max(p.stem for p in directory.glob("[0-9][0-9][0-9][0-9]_*.py"))


class Command(BaseCommand):
    help = "Create a plugin package NAME (a Python distribution with a govsite.plugins entry point)."

    def add_arguments(self, parser):
        parser.add_argument("name", help="Python package name of the plugin, e.g. jinbohui")
        parser.add_argument("--directory", default=".", help="Where to create govsite-NAME/ (default: here).")
        parser.add_argument("--title", help="Human title, e.g. 进博会专栏 (default: NAME).")

    def handle(self, *args, name, directory, title, **options):
        if not NAME_RE.match(name) or keyword.iskeyword(name) or name.endswith("_"):
            raise CommandError("NAME must be a lowercase Python identifier of 2-40 characters, e.g. jinbohui")
        from django.apps import apps

        if apps.is_installed(name) or any(c.label == name for c in apps.get_app_configs()):
            raise CommandError(f"An app labelled {name!r} already exists")
        title = (title or name).strip()[:100]
        if any(ch in title for ch in '"\\\n\r{}$'):
            raise CommandError("The title may not contain quotes, backslashes, braces, $ or line breaks")
        target = Path(directory).resolve() / f"govsite-{name.replace('_', '-')}"
        if target.exists():
            raise CommandError(f"{target} already exists")
        leaf = latest_migration("wagtailcore")
        context = {
            "name": name,
            "dist_name": f"govsite-{name.replace('_', '-')}",
            "title": title,
            "slug": name.replace("_", "-"),
            "class_prefix": "".join(part.capitalize() for part in name.split("_")),
            "platform_version": platform_version(),
            "wagtailcore_migration": leaf,
        }
        files = {
            "pyproject.toml": "pyproject.toml.tmpl",
            "README.md": "README.md.tmpl",
            f"{name}/__init__.py": "init.py.tmpl",
            f"{name}/apps.py": "apps.py.tmpl",
            f"{name}/plugin.py": "plugin.py.tmpl",
            f"{name}/models.py": "models.py.tmpl",
            f"{name}/migrations/__init__.py": None,
            f"{name}/migrations/0001_initial.py": "migration.py.tmpl",
            f"{name}/templates/{name}/{name}_page.html": "page.html.tmpl",
            "tests/test_plugin.py": "test_plugin.py.tmpl",
        }
        for relative, template in files.items():
            path = target / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            text = "" if template is None else Template((SCAFFOLD / template).read_text("utf-8")).substitute(context)
            path.write_text(text, encoding="utf-8")
        self.stdout.write(f"Created {target}")
        self.stdout.write(f"Next: pip install -e {target} && python manage.py plugins && python manage.py migrate")
