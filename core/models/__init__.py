from .base_page import BasePage, Importance  # noqa: F401
