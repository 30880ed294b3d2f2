"""Local development: SQLite, console e-mail, DEBUG on."""
from .base import *  # noqa: F401,F403
from .base import MIDDLEWARE

DEBUG = True
SECRET_KEY = "django-insecure-dev-only-key-never-use-in-production"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = "noreply@localhost"

# Static files come from the staticfiles app here; WhiteNoise serves them in production.
MIDDLEWARE = [m for m in MIDDLEWARE if not m.startswith("whitenoise.")]
