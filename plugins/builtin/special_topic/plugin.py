"""Entry point of the 专题专栏 plugin (``govsite.plugins`` → ``special_topic``)."""
from plugins import hookimpl

PLATFORM_REQUIRES = ">=0.1,<1"


@hookimpl
def installed_apps():
    return ["plugins.builtin.special_topic"]


@hookimpl
def page_placements():
    return [
        # A topic lives in a section (安全专题) or a column, …
        ("special_topic.SpecialTopicPage", ["sections.SectionPage", "sections.ColumnPage", "home.HomePage"]),
        # … and its sub-columns are ordinary columns.
        ("sections.ColumnPage", ["special_topic.SpecialTopicPage"]),
        ("sections.LinkColumnPage", ["special_topic.SpecialTopicPage"]),
    ]


@hookimpl
def plugin_settings():
    return {"latest_items_per_column": 5}


@hookimpl
def search_document(page):
    from .models import SpecialTopicPage

    if isinstance(page, SpecialTopicPage):
        return {"text": page.search_text(), "facets": {"topic_status": page.status}}
    return None


@hookimpl
def load_demo_data(stdout):
    from .demo_data import load

    load(stdout)
