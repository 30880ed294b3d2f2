from .base_page import BasePage  # noqa: F401
