from tests.moderation.conftest import as_user, users, workflows  # noqa: F401  (the review roles and workflows)
