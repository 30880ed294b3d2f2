"""Fixtures for the multilingual tests: roles, admin clients and page helpers."""
import pytest
from ml_helpers import (
    EN_TRANSLATORS_GROUP, REVIEWERS_GROUP, approve, counterpart, login, submit_for_review, translate_every_segment,
    translation_into,
)
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


@pytest.fixture
def translator(client_for):
    return client_for("translator", groups=[EN_TRANSLATORS_GROUP])


@pytest.fixture
def reviewer(client_for):
    return client_for("final-reviewer", groups=[REVIEWERS_GROUP])


@pytest.fixture
def english_news_column(news_column, translator, reviewer):
    """The English home > News Center > News chain, translated and approved through the workflow."""
    titles = {"home": "Home", "xwzx": "News Center", "xw": "News"}
    for page in news_column.get_ancestors(inclusive=True).filter(depth__gt=1):
        en = counterpart(page, "en")
        translate_every_segment(translator, translation_into(page, "en"), {"title": titles.get(page.slug, "Home")})
        assert submit_for_review(translator, en).status_code == 302
        assert approve(reviewer, en).status_code == 302
        en.refresh_from_db()
        assert en.live, page.slug
    return counterpart(news_column, "en")
