"""The rules of the nightly inspection profile, one small module each.

A rule is a function ``check(ctx) -> iterable of FindingData``; RULES lists
them in the order the dashboard shows them.
"""
from . import availability, columns, content, home, interaction, links, timeliness

RULES = [
    home.check,
    columns.check_freshness,
    columns.check_empty,
    interaction.check,
    links.check,
    timeliness.check,
    availability.check,
    content.check,
]
