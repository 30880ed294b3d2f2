"""What other apps may use from the page cache."""
from .purge import changed, language_urls, page_urls  # noqa: F401
