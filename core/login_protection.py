"""Login protection (issue 18, item 2) with django-axes.

django-axes is the maintained Django brute-force guard (Jazzband, Django 5.2
support, signals-based so it covers Wagtail's admin login without patching it).
Failures are counted in the default cache (Redis in production, shared by all
gunicorn workers); a lockout applies per user name and, separately, per client
address, and cools off after ``AXES_COOLOFF_TIME``.

The cache handler alone keeps nothing an administrator can look at, so this
handler also writes each failure to axes' ``AccessFailureLog`` table, shown in
the admin under 设置 › 登录失败记录 (superusers only).
"""
from axes.handlers.cache import AxesCacheHandler
from axes.helpers import get_client_username
from axes.models import AccessFailureLog
from django.conf import settings


def client_ip(request):
    """The client address: the header nginx sets (RATELIMIT_IP_META_KEY, as for the public-form rate limits)."""
    key = getattr(settings, "RATELIMIT_IP_META_KEY", None)
    value = request.META.get(key) if key else None
    return (value or request.META.get("REMOTE_ADDR") or "").split(",")[0].strip() or None


class LoggedCacheHandler(AxesCacheHandler):
    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request=request, **kwargs)
        if request is None:
            return
        AccessFailureLog.objects.create(
            username=(get_client_username(request, credentials) or "")[:255],
            ip_address=getattr(request, "axes_ip_address", None) or None,
            user_agent=(getattr(request, "axes_user_agent", "") or "")[:255],
            http_accept=(getattr(request, "axes_http_accept", "") or "")[:1025],
            path_info=(getattr(request, "axes_path_info", "") or "")[:255],
            locked_out=bool(getattr(request, "axes_locked_out", False)),
        )
