"""The default letter types (from the seed documents) and the permissions of their receiving roles.

``ensure_letter_types`` creates a missing type and never overwrites one that
exists: after the first run the operator owns the values (admin → Settings →
Letter types). Safe to run repeatedly.
"""
from django.contrib.auth.models import Group, Permission

from departments.models import Department

from .models import Channel, Letter, LetterType

# code, name, channel, receiving group, default department (key), deadline, publish replies
DEFAULT_TYPES = [
    ("jzxx-zx", "咨询", Channel.MAILBOX, "政策法规处", "zcfgc", 4, True),
    ("jzxx-jy", "建议", Channel.MAILBOX, "政策法规处", "zcfgc", 4, True),
    ("jzxx-ts", "投诉", Channel.MAILBOX, "政策法规处", "zcfgc", 15, False),
    ("zxzx", "在线咨询", Channel.CONSULTATION, "政策法规处", "zcfgc", 4, True),
    ("zcly", "政策留言", Channel.POLICY, "政策法规处", "zcfgc", 4, True),
    ("wzzc", "网站找错", Channel.SITE_ERROR, "宣教信息中心", "xjxxzx", 3, False),
]


def ensure_letter_types():
    created = []
    for order, (code, name, channel, group, department, days, publish) in enumerate(DEFAULT_TYPES):
        if LetterType.objects.filter(code=code).exists():
            continue
        LetterType.objects.create(
            code=code, name=name, channel=channel, receiving_group=Group.objects.filter(name=group).first(),
            default_department=Department.objects.filter(key=department).first(), deadline_workdays=days,
            publish_replies=publish, sort_order=order,
        )
        created.append(code)
    grant_handler_permissions()
    return created


def grant_handler_permissions():
    """Receiving roles and department groups see personal data of the letters they handle; receivers export."""
    from django.contrib.contenttypes.models import ContentType

    content_type = ContentType.objects.get_for_model(Letter)
    view = Permission.objects.get(content_type=content_type, codename="view_personal_data")
    export = Permission.objects.get(content_type=content_type, codename="export_personal_data")
    receivers = Group.objects.filter(pk__in=LetterType.objects.values("receiving_group"))
    for group in receivers:
        group.permissions.add(view, export)
    for department in Department.objects.exclude(kind=Department.Kind.SHARED):
        for group in (department.group, department.head_group):
            if group is not None:
                group.permissions.add(view)
