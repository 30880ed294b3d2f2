"""Every interface string of the project's own code has a Simplified Chinese translation.

Strings are collected the way makemessages would (gettext calls in Python with a literal argument,
{% trans %} / {% translate %} with a literal in templates) and looked up through Django's translation
machinery in zh-hans, so a string translated by Django's or Wagtail's own catalogues counts as well.
A string with no Latin word in it (already Chinese) needs no entry. {% blocktrans %} is not scanned.
"""
import ast
import re
from pathlib import Path

from django.utils import translation

ROOT = Path(__file__).resolve().parents[2]
GETTEXT = {"_", "gettext", "gettext_lazy", "pgettext", "pgettext_lazy", "ngettext", "ngettext_lazy"}
TEMPLATE_TRANS = re.compile(r'{%\s*(?:trans|translate)\s+"([^"]+)"(?:\s+context\s+"([^"]+)")?')


def _project_packages():
    return [p for p in sorted(ROOT.iterdir()) if (p / "apps.py").exists()]


def _literal(node):
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def interface_strings():
    found = {}
    for package in _project_packages():
        for path in package.rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.Call) or not node.args:
                    continue
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                if name not in GETTEXT:
                    continue
                context, args = (None, node.args)
                if name.startswith("pgettext"):
                    context, args = _literal(node.args[0]), node.args[1:]
                message = _literal(args[0]) if args else None
                if message:
                    found.setdefault((context, message), f"{path.relative_to(ROOT)}:{node.lineno}")
        for path in package.rglob("*.html"):
            for match in TEMPLATE_TRANS.finditer(path.read_text(encoding="utf-8")):
                found.setdefault((match.group(2), match.group(1)), str(path.relative_to(ROOT)))
    return found


def test_the_scan_finds_the_project_strings():
    strings = interface_strings()
    assert len(strings) > 1000
    assert (None, "Organisation") in strings  # departments/wagtail_hooks.py, a menu group


def test_every_interface_string_has_a_chinese_translation():
    untranslated = []
    with translation.override("zh-hans"):
        for (context, message), where in sorted(interface_strings().items(), key=lambda item: item[1]):
            if not re.search(r"[A-Za-z]{2}", message):
                continue
            shown = translation.pgettext(context, message) if context else translation.gettext(message)
            if shown == message:
                untranslated.append(f"{where}: {message}")
    assert untranslated == []
