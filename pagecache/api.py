"""What other apps may use from the page cache."""
from .purge import changed, language_urls, page_urls, pages_only_urls  # noqa: F401
from .registry import register_dependency  # noqa: F401
from .signal_handlers import on_validity_changed as page_changed_receiver  # noqa: F401
