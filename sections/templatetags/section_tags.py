"""Navigation tags that know the section page type (the site templates load them next to core's site_tags)."""
from django import template

from core.templatetags.site_tags import site_root
from sections.models.section import menu_sections

register = template.Library()


@register.simple_tag(takes_context=True)
def nav_sections(context):
    """The five sections (版块) of the current language's home page."""
    root = site_root(context)
    if root is None:
        return []
    return menu_sections(root, context.get("request"))
