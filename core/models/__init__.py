from .base_page import BasePage, Importance  # noqa: F401
from .pending_pass import PendingPass  # noqa: F401
