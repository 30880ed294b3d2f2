"""Wagtail's own zh_Hans catalogues are completed in locale_upstream/ (README, Translations)."""
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

from core.management.commands.upstream_translation_gaps import completions_po, upstream_gaps


def test_every_upstream_string_has_a_chinese_translation():
    gaps = upstream_gaps()
    assert {domain: [gap.msgid for gap in found] for domain, found in gaps.items()} == {"django": [], "djangojs": []}


def test_the_gap_list_sees_what_wagtail_lacks():
    # Without the completions, Wagtail 8's zh_Hans catalogues lack hundreds of strings, e.g. the dashboard's.
    gaps = upstream_gaps(include_covered=True)
    assert len(gaps["django"]) > 300 and len(gaps["djangojs"]) > 10
    assert ("Your pages and snippets in a workflow", None) in {(g.msgid, g.msgctxt) for g in gaps["django"]}


def test_completions_come_after_the_project_catalogue_and_are_used():
    base = Path(settings.BASE_DIR)
    assert [Path(p) for p in settings.LOCALE_PATHS][:2] == [base / "locale", base / "locale_upstream"]
    with translation.override("zh-hans"):
        assert translation.gettext("Your pages and snippets in a workflow") == "您在工作流中的页面和片段"
        assert translation.ngettext("There is one matching page", "There are %(counter)s matching pages", 3) \
            % {"counter": 3} == "共有 3 个匹配的页面"
    with translation.override("zh-hant"):
        assert translation.gettext("Save changes") == "保存更改"


def test_placeholders_and_tags_are_kept():
    import re

    marks = re.compile(r"%\([a-z_]+\)[sd]|\{[a-z_0-9]*\}|</?[a-z]+[^>]*>")
    for domain in ("django", "djangojs"):
        for entry in polib.pofile(str(completions_po(domain))):
            msgstr = entry.msgstr_plural.get(0, "") if entry.msgid_plural else entry.msgstr
            source = entry.msgid_plural or entry.msgid
            # A translation may leave out a placeholder (Chinese has no plural; the search view passes no
            # model_name), never add one the source does not have, and keeps every tag.
            assert set(marks.findall(msgstr)) <= set(marks.findall(source)) | set(marks.findall(entry.msgid)), entry.msgid
            tags = lambda text: sorted(t for t in marks.findall(text) if t.startswith("<"))  # noqa: E731
            assert tags(msgstr) == tags(source), entry.msgid


@pytest.mark.skipif(not shutil.which("msgmerge"), reason="needs GNU gettext")
def test_makemessages_leaves_the_completions_alone(tmp_path):
    """makemessages for the project, run in a copy of it, rewrites the project catalogues but not locale_upstream."""
    import sys

    project = Path(settings.BASE_DIR)
    copy = tmp_path / "project"
    shutil.copytree(project, copy, ignore=shutil.ignore_patterns(".venv", ".git", "node_modules", "media", "static*",
                                                                  "*.sqlite3", "__pycache__"))
    before = (copy / "locale_upstream").joinpath("zh_Hans/LC_MESSAGES/django.po").read_bytes()
    project_po = copy / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
    project_po.write_text(project_po.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    stamp = project_po.stat().st_mtime_ns
    subprocess.run([sys.executable, "manage.py", "makemessages", "-l", "zh_Hans", "-v", "0"],
                   cwd=copy, check=True, capture_output=True)
    assert project_po.stat().st_mtime_ns != stamp  # makemessages did run and wrote the project catalogue
    assert (copy / "locale_upstream").joinpath("zh_Hans/LC_MESSAGES/django.po").read_bytes() == before
