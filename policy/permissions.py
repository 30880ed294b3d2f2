"""Who maintains the policy library's reference data (标签目录, 主题分类).

Seed 001 (一) gives the tag catalogue to the 办公室: members of the groups
named in ``settings.POLICY_CATALOGUE_GROUPS`` (by default the 办公室
department group and the 办公室政务公开审核与保密复核 review role) and
superusers may add, change and delete catalogue entries; everyone else is
refused, whatever Django model permissions they hold.
"""
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

DEFAULT_GROUPS = ("办公室", "办公室政务公开审核与保密复核")


def catalogue_groups():
    return tuple(getattr(settings, "POLICY_CATALOGUE_GROUPS", DEFAULT_GROUPS))


def user_maintains_catalogue(user):
    if not (user and user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=catalogue_groups()).exists()


class CataloguePermissionPolicy(BasePermissionPolicy):
    def user_has_permission(self, user, action):
        return user_maintains_catalogue(user)

    def user_has_any_permission(self, user, actions):
        return user_maintains_catalogue(user)

    def users_with_any_permission(self, actions):
        return get_user_model().objects.filter(is_active=True).filter(
            Q(is_superuser=True) | Q(groups__name__in=catalogue_groups())
        ).distinct()

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])

    def user_has_permission_for_instance(self, user, action, instance):
        return user_maintains_catalogue(user)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return user_maintains_catalogue(user)

    def instances_user_has_any_permission_for(self, user, actions):
        return self.model.objects.all() if user_maintains_catalogue(user) else self.model.objects.none()

    def users_with_any_permission_for_instance(self, actions, instance):
        return self.users_with_any_permission(actions)
