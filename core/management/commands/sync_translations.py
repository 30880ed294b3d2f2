"""Derive zh_Hant catalogues from zh_Hans with OpenCC s2t + the phrase dictionary (core.hant) and compile every .po to .mo.

Translators maintain only the Simplified Chinese catalogues (project locale/,
the completions of Wagtail's catalogues in locale_upstream/, and each app's
locale/), in the ``django`` and, where present, ``djangojs`` domains. This
command writes the Traditional Chinese ones by conversion and compiles all
catalogues with polib, so a fresh machine needs no GNU gettext. ``--check``
fails when a committed catalogue is out of date.
"""
from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core import hant

DOMAINS = ("django", "djangojs")


def catalogue_dirs():
    base = Path(settings.BASE_DIR)
    roots = [Path(p) for p in settings.LOCALE_PATHS]
    roots += sorted(p for p in base.glob("*/locale") if p.is_dir() and not p.is_relative_to(base / ".venv"))
    roots += sorted(p for p in base.glob("plugins/builtin/*/locale") if p.is_dir())
    seen, result = set(), []
    for root in roots:
        if root.resolve() not in seen and (root / "zh_Hans" / "LC_MESSAGES" / "django.po").exists():
            seen.add(root.resolve())
            result.append(root)
    return result


def catalogues():
    """(directory, domain) of every Simplified Chinese catalogue: django always, djangojs where present."""
    for root in catalogue_dirs():
        for domain in DOMAINS:
            if (root / "zh_Hans" / "LC_MESSAGES" / f"{domain}.po").exists():
                yield root, domain


def hant_catalogue(hans_po):
    po = polib.pofile(str(hans_po))
    po.metadata["Language"] = "zh_Hant"
    for entry in po:
        if entry.msgstr:
            entry.msgstr = hant.convert(entry.msgstr)
        for key, value in list(entry.msgstr_plural.items()):
            entry.msgstr_plural[key] = hant.convert(value)
    return po


class Command(BaseCommand):
    help = "Write zh_Hant catalogues from zh_Hans (OpenCC) and compile all catalogues."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Only report catalogues that are out of date.")

    def handle(self, *args, check=False, **options):
        stale = []
        for root, domain in catalogues():
            hans_po = root / "zh_Hans" / "LC_MESSAGES" / f"{domain}.po"
            hant_po = root / "zh_Hant" / "LC_MESSAGES" / f"{domain}.po"
            hant = hant_catalogue(hans_po)
            outputs = {
                hant_po: hant.__unicode__(),
            }
            for po_path, po in ((hans_po, polib.pofile(str(hans_po))), (hant_po, hant)):
                mo_path = po_path.with_suffix(".mo")
                if check:
                    if not mo_path.exists() or _mo_entries(mo_path) != _po_entries(po):
                        stale.append(str(mo_path))
                else:
                    mo_path.parent.mkdir(parents=True, exist_ok=True)
                    po.save_as_mofile(str(mo_path))
            for path, text in outputs.items():
                if check:
                    if not path.exists() or _po_entries(polib.pofile(str(path))) != _po_entries(hant):
                        stale.append(str(path))
                else:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_text(text, encoding="utf-8")
            if not check:
                self.stdout.write(f"compiled {root} ({domain})")
        if check and stale:
            raise CommandError("Out of date (run manage.py sync_translations):\n  " + "\n  ".join(stale))


def _po_entries(po):
    return {(e.msgctxt, e.msgid): (e.msgstr, tuple(sorted(e.msgstr_plural.items())))
            for e in po.translated_entries() if not e.obsolete}


def _mo_entries(path):
    return _po_entries(polib.mofile(str(path)))
