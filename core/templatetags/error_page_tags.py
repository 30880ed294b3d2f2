"""For the 500 page, which Django renders without a request, context processors or database."""
from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def configured_site_name():
    """The site's name from the settings (WAGTAIL_SITE_NAME): the site settings need the database."""
    return getattr(settings, "WAGTAIL_SITE_NAME", "")
