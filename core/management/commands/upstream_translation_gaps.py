"""List the strings of the installed Wagtail apps that have no Simplified Chinese translation.

Wagtail's (and wagtail-localize's) own zh_Hans catalogues lag behind their English
source catalogues. The missing translations live in the project's completions
catalogue, ``locale_upstream/zh_Hans/LC_MESSAGES/{django,djangojs}.po`` (second in
LOCALE_PATHS, see the README's Translations section). After a Wagtail upgrade run

    python manage.py upstream_translation_gaps            # what is still missing
    python manage.py upstream_translation_gaps --update   # add those entries, untranslated, to the completions

then translate the new empty entries and run ``manage.py sync_translations``.

A string counts as missing for an app when its English catalogue has it and the
app's zh_Hans catalogue has no entry, an empty one, a fuzzy one, or a plural
entry with an empty form. msgctxt and msgid_plural are kept. A string is covered
when the completions catalogue of the same domain translates it.
"""
from dataclasses import dataclass, field
from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

UPSTREAM_PACKAGES = ("wagtail", "wagtail_localize", "modelsearch")
DOMAINS = ("django", "djangojs")


def completions_root():
    return Path(settings.BASE_DIR) / "locale_upstream"


def completions_po(domain):
    return completions_root() / "zh_Hans" / "LC_MESSAGES" / f"{domain}.po"


@dataclass
class Gap:
    domain: str
    msgctxt: str | None
    msgid: str
    msgid_plural: str = ""
    apps: list = field(default_factory=list)
    occurrences: list = field(default_factory=list)

    @property
    def key(self):
        return (self.msgctxt, self.msgid)


def _translated(entry):
    if entry.obsolete or "fuzzy" in entry.flags:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def translated_keys(po_path):
    if not Path(po_path).exists():
        return set()
    return {(e.msgctxt, e.msgid) for e in polib.pofile(str(po_path)) if _translated(e)}


def upstream_apps():
    return [a for a in apps.get_app_configs() if a.name.split(".")[0] in UPSTREAM_PACKAGES]


def upstream_gaps(include_covered=False):
    """Gaps per domain, in the order of the installed apps and their English catalogues."""
    gaps = {domain: {} for domain in DOMAINS}
    for app in upstream_apps():
        locale = Path(app.path) / "locale"
        for domain in DOMAINS:
            source = locale / "en" / "LC_MESSAGES" / f"{domain}.po"
            if not source.exists():
                continue
            done = translated_keys(locale / "zh_Hans" / "LC_MESSAGES" / f"{domain}.po")
            for entry in polib.pofile(str(source)):
                if entry.obsolete or not entry.msgid or (entry.msgctxt, entry.msgid) in done:
                    continue
                gap = gaps[domain].setdefault(
                    (entry.msgctxt, entry.msgid), Gap(domain, entry.msgctxt, entry.msgid, entry.msgid_plural)
                )
                gap.apps.append(app.name)
                gap.occurrences += entry.occurrences
    if not include_covered:
        for domain in DOMAINS:
            covered = translated_keys(completions_po(domain))
            gaps[domain] = {k: g for k, g in gaps[domain].items() if k not in covered}
    return {domain: list(found.values()) for domain, found in gaps.items()}


def new_catalogue():
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": "govsite upstream completions",
        "Language": "zh_Hans",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=1; plural=0;",
    }
    return po


def add_gaps(po, gaps):
    for gap in gaps:
        if po.find(gap.msgid, msgctxt=gap.msgctxt) if gap.msgctxt else po.find(gap.msgid):
            continue
        entry = polib.POEntry(
            msgctxt=gap.msgctxt, msgid=gap.msgid, msgid_plural=gap.msgid_plural,
            occurrences=[(f"{app}", "") for app in sorted(set(gap.apps))],
        )
        if gap.msgid_plural:
            entry.msgstr_plural = {0: ""}
        po.append(entry)


class Command(BaseCommand):
    help = "List Wagtail / wagtail-localize strings missing from their zh_Hans catalogues and from locale_upstream."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true",
                            help="Also list strings the completions catalogue already translates.")
        parser.add_argument("--update", action="store_true",
                            help="Append the missing strings, untranslated, to the completions catalogues.")
        parser.add_argument("--check", action="store_true", help="Fail when a string is missing.")

    def handle(self, *args, all=False, update=False, check=False, **options):
        gaps = upstream_gaps(include_covered=all)
        total = 0
        for domain, found in gaps.items():
            total += len(found)
            self.stdout.write(f"# {domain}: {len(found)} missing")
            for gap in found:
                context = f"[{gap.msgctxt}] " if gap.msgctxt else ""
                plural = f" | plural: {gap.msgid_plural!r}" if gap.msgid_plural else ""
                self.stdout.write(f"{', '.join(sorted(set(gap.apps)))}\t{context}{gap.msgid!r}{plural}")
            if update and found:
                path = completions_po(domain)
                po = polib.pofile(str(path), wrapwidth=0) if path.exists() else new_catalogue()
                add_gaps(po, found)
                path.parent.mkdir(parents=True, exist_ok=True)
                po.save(str(path))
                self.stdout.write(f"added {len(found)} entries to {path}")
        if check and total:
            raise CommandError(f"{total} upstream strings have no zh_Hans translation (see the list above).")
