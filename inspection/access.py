"""Who sees which dashboard: review roles and superusers see the whole site; a department its own findings."""
from departments.models import Department, ReviewRole


def sees_whole_site(user):
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(review_role__in=ReviewRole.objects.all()).exists()


def departments_for(user):
    if sees_whole_site(user):
        return Department.objects.exclude(kind=Department.Kind.SHARED)
    return Department.objects.for_user(user).exclude(kind=Department.Kind.SHARED)


def can_see_department(user, department):
    return departments_for(user).filter(pk=department.pk).exists()
