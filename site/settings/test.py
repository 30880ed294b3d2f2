"""Test settings: SQLite by default, PostgreSQL when DATABASE_URL is set."""
from .base import *  # noqa: F401,F403
from .base import MIDDLEWARE
from .base import BASE_DIR, database_from_env  # noqa: F811

DEBUG = False
SECRET_KEY = "test-only-secret-key"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
DATABASES = {"default": database_from_env(BASE_DIR / "test-db.sqlite3")}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
DEFAULT_FROM_EMAIL = "noreply@testserver"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = BASE_DIR / "test-artifacts" / "media"
WAGTAILADMIN_BASE_URL = "http://testserver"

# Static files come from the staticfiles app here; WhiteNoise serves them in production.
MIDDLEWARE = [m for m in MIDDLEWARE if not m.startswith("whitenoise.")]
# Other apps' tests should not pay for (or see) Traditional/English copies of
# every page they publish; tests/multilingual switches it back on.
MULTILINGUAL = {"AUTO_SYNC": False}
