"""List installed plugins with version, status and implemented hooks."""
from django.core.management.base import BaseCommand

from plugins.registry import BROKEN, INCOMPATIBLE, MISSING, get_registry, platform_version


class Command(BaseCommand):
    help = "List installed plugins, their status and the hooks each implements."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Machine-readable output.")

    def handle(self, *args, **options):
        records = get_registry().sorted_records()
        if options["json"]:
            import json

            rows = [
                {"name": r.name, "version": r.version, "status": r.status, "hooks": r.hooks,
                 "reason": r.reason, "source": r.source, "platform_requires": r.platform_requires}
                for r in records
            ]
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"Platform version {platform_version()}; {len(records)} plugin(s).")
        for r in records:
            line = f"{r.name:<20} {r.version or '-':<10} {r.status}"
            style = self.style.ERROR if r.status in (BROKEN, INCOMPATIBLE, MISSING) else (lambda s: s)
            self.stdout.write(style(line))
            if r.reason:
                self.stdout.write(f"    reason: {r.reason}")
            if r.hooks:
                self.stdout.write(f"    hooks: {', '.join(r.hooks)}")
