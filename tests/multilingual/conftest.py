"""Fixtures for the multilingual tests: roles, admin clients and page helpers."""
import pytest
from ml_helpers import login
from wagtail.models import Locale

from multilingual.roles import ensure_roles
from multilingual.sync import PageSync


@pytest.fixture(autouse=True)
def auto_sync(settings):
    settings.MULTILINGUAL = {**getattr(settings, "MULTILINGUAL", {}), "AUTO_SYNC": True}


@pytest.fixture
def locales(db):
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def news_column(column, site_tree):
    """新闻中心 > 新闻, with its Traditional/English ancestors synchronised and the roles in place."""
    page = column("xwzx/xw")
    PageSync().sync(page)
    ensure_roles()
    return page


@pytest.fixture
def client_for(make_user):
    def make(username, groups=(), **extra):
        return login(make_user(username, groups=groups, **extra))

    return make


@pytest.fixture
def superuser_client(client_for):
    return client_for("root", is_superuser=True, is_staff=True)
