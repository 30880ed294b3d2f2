"""Bring the Traditional Chinese and English trees in step with the source tree.

Converts every Simplified page to Traditional (keeping editors' overrides),
publishes the converted pages whose source is live, creates pending English
translations for pages that have none, and (re)applies the translator groups
and the English review workflow. Safe to re-run: unchanged pages get no new
revision.
"""
from django.core.management.base import BaseCommand

from multilingual.roles import ensure_roles
from multilingual.sync import sync_all


class Command(BaseCommand):
    help = "Convert the Simplified Chinese tree to Traditional Chinese and queue English translations."

    def handle(self, *args, **options):
        count = sync_all(stdout=self.stdout)
        ensure_roles()
        self.stdout.write(self.style.SUCCESS(f"Synchronised {count} source pages."))
