"""The moderation fixtures (workflows, one user per role, logged-in clients) reused by the walkthrough tests."""
from tests.moderation.conftest import as_user, users, workflows  # noqa: F401
