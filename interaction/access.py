"""Who may do what with a letter: the receiving role, the handling department and its head.

The checks read group membership only, so an operator changes a letter
type's receiving role or a department's groups in the admin without code.
"""
from django.db.models import Q

from departments.models import Department

from .models import Letter, LetterType


def _active(user):
    return user is not None and user.is_authenticated and user.is_active


def _group_ids(user):
    if not getattr(user, "_letter_group_ids", None):
        user._letter_group_ids = set(user.groups.values_list("pk", flat=True))
    return user._letter_group_ids


def is_receiver(user, letter_type):
    if not _active(user):
        return False
    return user.is_superuser or (letter_type.receiving_group_id in _group_ids(user))


def in_department(user, department):
    if department is None or not _active(user):
        return False
    return user.is_superuser or bool({department.group_id, department.head_group_id} & _group_ids(user))


def is_department_head(user, department):
    if department is None or not _active(user):
        return False
    return user.is_superuser or (department.head_group_id is not None and department.head_group_id in _group_ids(user))


def handles(user, letter):
    """The user is one of the roles handling this letter (and so may see its personal data)."""
    return is_receiver(user, letter.letter_type) or in_department(user, letter.department)


def can_see_personal_data(user, letter):
    from core.public_forms import can_see_personal_data as has_permission

    return handles(user, letter) and (user.is_superuser or has_permission(user, Letter))


LEADER_GROUP = "分管局领导"  # supervises (督办) every letter and approves extensions


def is_leader(user):
    return _active(user) and user.groups.filter(name=LEADER_GROUP).exists()


def is_letter_staff(user):
    """Has any letter work: a receiving role, a department that letters can be assigned to, or the leader."""
    if not _active(user):
        return False
    if user.is_superuser or is_leader(user):
        return True
    groups = _group_ids(user)
    if LetterType.objects.filter(receiving_group__in=groups).exists():
        return True
    return Department.objects.filter(Q(group__in=groups) | Q(head_group__in=groups)).exists()


def visible_letters(user, queryset=None):
    """The letters a user may open in the admin: those of their receiving roles and departments."""
    queryset = Letter.objects.all() if queryset is None else queryset
    if user.is_superuser or is_leader(user):
        return queryset
    groups = _group_ids(user)
    departments = Department.objects.filter(Q(group__in=groups) | Q(head_group__in=groups))
    return queryset.filter(Q(letter_type__receiving_group__in=groups) | Q(department__in=departments)).distinct()


def can_export_personal_data(user, letter_type=None):
    if not _active(user):
        return False
    if user.is_superuser:
        return True
    if not user.has_perm("interaction.export_personal_data"):
        return False
    groups = _group_ids(user)
    return LetterType.objects.filter(receiving_group__in=groups).exists()
