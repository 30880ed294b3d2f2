"""Who may do what with requests: 办公室 handles them, its head approves.

Group names are the ones ``load_site_tree`` creates for the 办公室
department; ``DISCLOSURE_REQUEST_ROLES`` in settings can name others.
"""
from django.conf import settings

DEFAULT_ROLES = {
    "handle": ["办公室", "办公室负责人"],
    "approve": ["办公室负责人"],
}


def _groups(role):
    return getattr(settings, "DISCLOSURE_REQUEST_ROLES", {}).get(role, DEFAULT_ROLES[role])


def _in(user, role):
    if not (user and user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=_groups(role)).exists()


def can_handle(user):
    """Register, clock steps, draft answers, see applicants' personal data."""
    return _in(user, "handle") or _in(user, "approve")


def can_approve(user):
    """Approve extensions and 答复书."""
    return _in(user, "approve")
