"""Page types that are entries of a column without being items or columns."""
from wagtail.models import get_page_models


def entry_page_types():
    """Page models that say ``column_entry = True`` (e.g. the policy app's 现行有效行政规范性文件 and
    政策文件库 listings): their pages are shown as blocks on their column and in the site map, so readers
    reach them from the navigation. Declared by the higher app; sections imports nobody."""
    return tuple(m for m in get_page_models() if not m._meta.abstract and getattr(m, "column_entry", False))
