import pytest
from django.contrib.auth.models import Group


@pytest.fixture
def letter_types(db, site_tree):
    from interaction.models import LetterType
    from interaction.setup import ensure_letter_types

    ensure_letter_types()
    return {t.code: t for t in LetterType.objects.all()}


@pytest.fixture
def role_user(db, make_user):
    """role_user("政策法规处") -> a user in that group (the demo roles are groups of the same names)."""
    made = {}

    def make(*groups, username=None):
        username = username or "u-" + "-".join(str(abs(hash(g)) % 10**6) for g in groups)
        if username not in made:
            for name in groups:
                Group.objects.get(name=name)
            made[username] = make_user(username, groups=groups, email=f"{username}@example.gov.cn")
        return made[username]

    return make


@pytest.fixture
def settings_no_ratelimit(settings):
    settings.RATELIMIT_ENABLE = False
    return settings
