"""Settings shared by every environment. Nothing secret and no DEBUG here."""
import datetime
import os
import shutil
from pathlib import Path

from django.utils.translation import gettext_lazy as _

import plugins

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    # Project apps first so their templates and translations win.
    "core",
    "departments",
    "home",
    "sections",
    "policy",
    "moderation",
    "search",
    "workdays",
    "disclosure_requests",  # requests
    "interaction",  # letters
    "inspection",  # inspection
    "participation",  # participation
    "pagecache",  # perf
    "axes",  # security: django-axes login protection (core/login_protection.py)
    "plugins",  # plugin apps are inserted right after this entry, see below
    # Keep after every content app: its demo translates the pages they load.
    "multilingual",
    # Wagtail
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "captcha",  # django-simple-captcha, used through core/public_forms.py
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

# Plugins (docs/plugins.md). GOVSITE_PLUGINS is the allow-list of plugin
# names; None enables every installed plugin. From the environment:
# GOVSITE_PLUGINS="shuanggongshi,special_topic" (empty string: no plugins).
_plugins_env = os.environ.get("GOVSITE_PLUGINS")
GOVSITE_PLUGINS = None if _plugins_env is None else [n.strip() for n in _plugins_env.split(",") if n.strip()]
GOVSITE_PLUGIN_SETTINGS = {}
_after = INSTALLED_APPS.index("plugins") + 1
INSTALLED_APPS[_after:_after] = [app for app in plugins.installed_apps(GOVSITE_PLUGINS) if app not in INSTALLED_APPS]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # security: 400 for NUL and control characters in the path, query or form (core/middleware.py)
    "core.middleware.InvalidInputMiddleware",
    "core.middleware.PermissionsPolicyMiddleware",  # security
    "csp.middleware.CSPMiddleware",  # security: Content-Security-Policy (django-csp), see CONTENT_SECURITY_POLICY
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "moderation.middleware.RemovedPageMiddleware",
    "pagecache.middleware.PageCacheMiddleware",  # perf: route/settings cache, Cache-Control
    "core.routing.RouteMiddleware",  # perf: a page's route in two queries whatever its depth (core/routing.py)
    "core.care_mode.CareModeMiddleware",  # furniture: 长者模式 pages are private (inside the page cache)
    # security: last, as django-axes asks, so it sees the lockout of the login view it wraps.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "urls"
WSGI_APPLICATION = "wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "core.care_mode.context_processor",  # furniture: 长者模式
            ],
        },
    },
]


# The embedded (SQLite) database set up to serve while it writes: in WAL mode
# pages are read during an import or a search rebuild, IMMEDIATE
# transactions take the write lock up front and wait for it (up to
# ``timeout`` seconds) instead of failing half-way, and synchronous=NORMAL
# is WAL's durable-enough setting that makes each commit cheaper.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}


def database_from_env(default_sqlite_path):
    """DATABASE_URL when set (PostgreSQL in production and CI), else SQLite."""
    import dj_database_url

    url = os.environ.get("DATABASE_URL")
    if url:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    else:
        config = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(default_sqlite_path)}
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}
    return config


DATABASES = {"default": database_from_env(BASE_DIR / "db.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Login protection (issue 18; core/login_protection.py): django-axes counts
# failures in the default cache (Redis in production) and locks out a user
# name or a client address for AXES_COOLOFF_TIME after AXES_FAILURE_LIMIT
# failures. Unlock early with `manage.py axes_reset_username <name>`.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "core.login_protection.LoggedCacheHandler"
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", 30)))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # each on its own: per user, and per address
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.login_protection.client_ip"
AXES_LOCKOUT_TEMPLATE = "core/login_locked.html"
AXES_DISABLE_ACCESS_LOG = True  # successes are in Wagtail's own log; failures in AccessFailureLog

# Content-Security-Policy (issue 18), sent by django-csp on every response that has none of its own
# (Wagtail's document and image serve views send a stricter one). Scripts only from this site: no
# inline script anywhere (Wagtail's inline widget/panel initialisers are replaced by
# core/static/core/js/csp-init.js, see core/templates/wagtailadmin/; library views that keep inline
# scripts get a per-request nonce, see core/templates/). Inline *styles* stay allowed:
# the site's and Wagtail's templates use style="" attributes and no script can run through them.
# Embedded videos (wagtail.embeds) need their hosts added to frame-src.
from csp.constants import NONCE, NONE, SELF  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        # NONCE is sent only on responses that used request.csp_nonce: a few library admin views
        # (wagtail-localize's translation editor, search promotions) whose inline scripts get it through
        # core/templatetags/csp_tags.py. Every other page: 'self' alone.
        "script-src": [SELF, NONCE],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:"],  # data: SVG icons, blob: image previews in the admin
        "font-src": [SELF, "data:"],
        "media-src": [SELF],  # the spoken CAPTCHA
        "connect-src": [SELF],
        "frame-src": [SELF],  # the admin's preview panel
        "frame-ancestors": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    },
}
# No third-party avatar service (it would also leak staff e-mail hashes to gravatar.com).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Per-process cache unless REDIS_URL is set (settings.production). Room for the
# page fragments of every page in every language (pagecache/, perf).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 20000}},
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation. Content languages are fixed from the first migration
# so that translations never have to rework the page tree later.
LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
# Editors pick no other zone: every time on the site and in the admin is Beijing time.
WAGTAIL_USER_TIME_ZONES = ["Asia/Shanghai"]
USE_I18N = True
USE_TZ = True
LANGUAGES = [
    ("zh-hans", "简体中文"),
    ("zh-hant", "繁體中文"),
    ("en", "English"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [("zh-hans", "简体中文"), ("zh-hant", "繁體中文"), ("en", "English")]
# The project catalogue first (it wins), then the completions of Wagtail's and wagtail-localize's own
# zh_Hans catalogues (README, Translations; manage.py upstream_translation_gaps). makemessages writes only
# to the first entry and to the apps' locale/ directories, so it never touches locale_upstream/.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_upstream"]
FORMAT_MODULE_PATH = ["multilingual.formats"]  # per-language date formats

# Traditional Chinese is converted from Simplified by OpenCC (multilingual app).
# OPENCC_CONFIG: s2t (characters only, default) or s2hk (Hong Kong); either with the project phrase
# dictionary core/data/zh_hant_phrases.tsv (core/hant.py). s2twp's Taiwan vocabulary (釋出 for 发布) is not used.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "multilingual.machine_translator.OpenCCTranslator",
    "OPTIONS": {"CONFIG": os.environ.get("OPENCC_CONFIG", "s2t")},
}
# Translations never go live just because their source is live: English pages
# are published by their review workflow (WAGTAIL_FINISH_WORKFLOW_ACTION below).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = BASE_DIR / "static_collected"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

WAGTAIL_SITE_NAME = "上海市应急管理局"  # the agency, as in the public header; also the 500 page, which reads no database
# No call from editors' browsers to releases.wagtail.org (the CSP refuses it; 政务内网 often has no Internet).
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's own (admin) search, with Chinese segmentation; see search/admin_backend.py.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.admin_backend"}}
# The public site search (search/): "embedded" (the site's database) or "elasticsearch".
SITE_SEARCH = {
    "BACKEND": os.environ.get("SITE_SEARCH_BACKEND", "embedded"),
    "ELASTICSEARCH_URL": os.environ.get("ELASTICSEARCH_URL", ""),
    "ELASTICSEARCH_INDEX": os.environ.get("ELASTICSEARCH_INDEX", "govsite-search"),
    # Chinese analysis on Elasticsearch: "cjk" (built in), "smartcn" or "ik" (plugins).
    "ELASTICSEARCH_ANALYZER": os.environ.get("ELASTICSEARCH_ANALYZER", "cjk"),
}
# Admin upload forms (issue 18): content checked against the extension, and no
# silent replacement or deletion of a file a live page uses (moderation/media_guard.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "moderation.media_guard.GuardedDocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "moderation.media_guard.GuardedImageForm"
WAGTAILDOCS_EXTENSIONS = ["pdf", "ofd", "doc", "docx", "xls", "xlsx", "wps", "et", "zip", "txt", "csv"]
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "image", "hr"]},
    }
}
TAGGIT_CASE_INSENSITIVE = True

# The column tree this installation loads (see docs and sections/data/).
SITE_TREE_FILE = os.environ.get("SITE_TREE_FILE", str(BASE_DIR / "sections" / "data" / "shanghai_emergency.yaml"))

LOGIN_URL = "wagtailadmin_login"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"govsite": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}

SITE_TAGLINE = _("Government information disclosure")

# Policy library (policy/): 索引号 scheme. Fields: agency_code, year, sequence.
POLICY_INDEX_NUMBER_FORMAT = os.environ.get("POLICY_INDEX_NUMBER_FORMAT", "{agency_code}-{year}-{sequence:05d}")
POLICY_INDEX_AGENCY_CODE = os.environ.get("POLICY_INDEX_AGENCY_CODE", "SHYJ")
POLICY_INDEX_AGENCY_CODES = {}  # 发文机关 -> agency code, for documents issued jointly or by other agencies

# Moderation: a completed review workflow publishes the approved revision even
# though reviewers hold no publish permission of their own.
WAGTAIL_FINISH_WORKFLOW_ACTION = "moderation.workflow_actions.publish_approved_revision"

# Public-form guard (core/public_forms.py): an arithmetic CAPTCHA with a spoken
# alternative (Debian's flite, found on the path), rate limits on the default
# cache. PUBLIC_FORM_RATES = {"letters": "5/10m"} overrides a form's rate.
CAPTCHA_CHALLENGE_FUNCT = "captcha.helpers.math_challenge"
CAPTCHA_MATH_CHALLENGE_OPERATOR = "+"
CAPTCHA_FLITE_PATH = shutil.which("flite")
CAPTCHA_TIMEOUT = 10  # minutes
CAPTCHA_LENGTH = 4
PUBLIC_FORM_RATES = {}

# Page cache (pagecache/, perf): nginx proxy_cache in front, purged on publish
# through Wagtail's frontend-cache backends. PAGECACHE_PURGE_URL is the nginx
# server that accepts PURGE (deploy/nginx/page-cache.conf), e.g. http://127.0.0.1:8080/purge
if os.environ.get("PAGECACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE = {
        "nginx": {"BACKEND": "pagecache.backends.NginxPurgeBackend", "LOCATION": os.environ["PAGECACHE_PURGE_URL"]},
    }
