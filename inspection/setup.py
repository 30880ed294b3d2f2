"""Who edits the 错敏词 lists: the review roles that read every page before it is published.

宣教信息中心初审 (first review of everything uploaded) and 宣传培训处终审复核
(final review) get add/change/delete/view on the word list and the
allow-list. Others can be given the same permissions in the Wagtail group
editor. Safe to run repeatedly.
"""
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType

from departments.models import ReviewRole

from .models import AllowedTerm, SensitiveWord

WORD_LIST_ROLES = ("chushen", "zhongshen")


def word_list_permissions():
    perms = []
    for model in (SensitiveWord, AllowedTerm):
        content_type = ContentType.objects.get_for_model(model)
        name = model._meta.model_name
        perms += list(Permission.objects.filter(
            content_type=content_type, codename__in=[f"{a}_{name}" for a in ("add", "change", "delete", "view")]))
    return perms


def grant_word_list_editors():
    perms = word_list_permissions()
    granted = []
    for role in ReviewRole.objects.filter(key__in=WORD_LIST_ROLES).select_related("group"):
        missing = [p for p in perms if not role.group.permissions.filter(pk=p.pk).exists()]
        if missing:
            role.group.permissions.add(*missing)
            granted.append(role.group.name)
    return granted
