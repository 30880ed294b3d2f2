"""Who handles a participation page's comments: its department, the 办公室, and superusers."""
from django.conf import settings
from django.contrib.auth.models import Group

from core.public_forms import can_see_personal_data
from departments.models import Department


def office_name():
    return getattr(settings, "PARTICIPATION_OFFICE_DEPARTMENT", "办公室")


def is_office(user):
    name = office_name()
    return user.groups.filter(name__in=[name, f"{name}负责人"]).exists()


def handled_department_ids(user):
    return set(Department.objects.for_user(user).values_list("pk", flat=True))


def can_handle(user, page):
    """Moderate, mark and export the comments of ``page`` (a consultation, interview or survey)."""
    if not (user and user.is_active and user.is_authenticated):
        return False
    if user.is_superuser or is_office(user):
        return True
    department_id = getattr(page, "department_id", None)
    return department_id is not None and department_id in handled_department_ids(user)


def can_see_personal(user, page, model):
    return can_handle(user, page) and can_see_personal_data(user, model)


def department_groups(page):
    """The editor and head groups of the page's department, and the 办公室's: who is reminded."""
    names = [office_name(), f"{office_name()}负责人"]
    department = getattr(page, "department", None)
    if department is not None:
        names = [g.name for g in (department.group, department.head_group) if g is not None] + names
    return names


def grant_handler_permissions():
    """Give every department's editor and head groups the right to see submitters' personal data.

    The right is still limited to the pages their department handles (``can_handle``).
    """
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    from .models import ParticipationComment, SurveyResponse

    perms = [Permission.objects.get(content_type=ContentType.objects.get_for_model(m), codename="view_personal_data")
             for m in (ParticipationComment, SurveyResponse)]
    ids = [gid for pair in Department.objects.values_list("group_id", "head_group_id") for gid in pair if gid]
    for group in Group.objects.filter(pk__in=ids):
        group.permissions.add(*perms)
