"""Who may see moderation records and who may bypass review."""
from django.contrib.auth.models import Group

from departments.models import Department, ReviewRole


def is_reviewer(user):
    """Superusers, members of a review role group, and department heads."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    groups = user.groups.all()
    return (
        ReviewRole.objects.filter(group__in=groups).exists()
        or Department.objects.filter(head_group__in=groups).exists()
    )


def can_view_page_records(user, page):
    """Reviewers, and anyone who may edit the page."""
    return is_reviewer(user) or page.permissions_for_user(user).can_edit()


def can_bypass_review(user, page):
    """Only publishers (site administrators) act on live pages without a workflow."""
    return user.is_active and (user.is_superuser or page.permissions_for_user(user).can_publish())


def review_groups():
    return Group.objects.filter(review_role__isnull=False)
