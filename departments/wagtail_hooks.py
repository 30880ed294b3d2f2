"""Admin: departments and review roles, listed from the site tree data file.

They are edited in the data file (see README) and loaded with
``manage.py load_site_tree``; the admin shows them read-only so the file stays
the single source of truth.
"""
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import Department, ReviewRole


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Department, ReadOnlyPermissionPolicy(Department))
register_permission_policy(ReviewRole, ReadOnlyPermissionPolicy(ReviewRole))


class DepartmentViewSet(ModelViewSet):
    model = Department
    icon = "group"
    menu_label = _("Departments")
    list_display = ["name", "kind", "group", "head_group"]
    list_filter = ["kind"]
    search_fields = ["name"]
    inspect_view_enabled = True
    form_fields = ["name"]


class ReviewRoleViewSet(ModelViewSet):
    model = ReviewRole
    icon = "tasks"
    menu_label = _("Review roles")
    list_display = ["name", "group", "description"]
    inspect_view_enabled = True
    form_fields = ["name"]


class OrganisationGroup(ModelViewSetGroup):
    menu_label = _("Organisation")
    menu_icon = "group"
    menu_order = 800
    items = (DepartmentViewSet("departments"), ReviewRoleViewSet("review_roles"))


@hooks.register("register_admin_viewset")
def register_viewset():
    return OrganisationGroup()
