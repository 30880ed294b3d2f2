"""Demo accounts, one per role, created by `manage.py setup_demo` (never in production)."""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

DEMO_PASSWORD = "Demo-2026"

# username, display name, groups
DEMO_ACCOUNTS = [
    ("admin", "系统管理员", []),
    ("xcpx_editor", "宣传培训处编辑", ["宣传培训处"]),
    ("xcpx_head", "宣传培训处负责人", ["宣传培训处负责人"]),
    ("zcfg_editor", "政策法规处编辑", ["政策法规处"]),
    ("zcfg_head", "政策法规处负责人", ["政策法规处负责人"]),
    ("bgs_editor", "办公室编辑", ["办公室"]),
    ("bgs_head", "办公室负责人", ["办公室负责人"]),
    ("zf_editor", "安全生产执法监察处编辑", ["安全生产执法监察处"]),
    ("zf_head", "安全生产执法监察处负责人", ["安全生产执法监察处负责人"]),
    ("chushen", "宣教信息中心初审员", ["宣教信息中心初审"]),
    ("zhongshen", "宣传培训处终审员", ["宣传培训处终审复核"]),
    ("baomi", "办公室公开保密审核员", ["办公室政务公开审核与保密复核"]),
    ("fenguan", "分管局领导", ["分管局领导"]),
    ("zhuyao", "主要领导", ["主要领导"]),
]


def ensure_demo_accounts():
    """Create missing demo accounts; existing ones (and their passwords) are left alone."""
    User = get_user_model()
    created = []
    for username, display_name, groups in DEMO_ACCOUNTS:
        user = User.objects.filter(username=username).first()
        if user is None:
            is_admin = username == "admin"
            user = User.objects.create_user(
                username=username, password=DEMO_PASSWORD, first_name=display_name,
                email=f"{username}@example.gov.cn", is_staff=is_admin, is_superuser=is_admin,
            )
            created.append(username)
        for name in groups:
            user.groups.add(Group.objects.get(name=name))
    return created
