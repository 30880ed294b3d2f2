#!/usr/bin/env python
"""Django's command-line utility for this site."""
import os
import sys
from pathlib import Path

# The Django project lives in site/; its modules (settings, urls, wsgi) are
# imported from there, because a package named "site" would be shadowed by
# Python's standard-library module of the same name.
sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
