"""Shared fixtures.

The agency's column tree (sections/data/shanghai_emergency.yaml) is loaded
once into the test database; each test runs in a transaction that is rolled
back, so tests see the full tree without paying for it each time.
"""
import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_site_tree", verbosity=0, stdout=_Null())


class _Null:
    def write(self, *_args, **_kwargs):
        pass

    def flush(self):
        pass


def _restore_tree():
    """Reload the tree after a transactional test flushed the database (Wagtail's root node included)."""
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Collection, Locale

    if not Page.objects.filter(depth=1).exists():
        Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
        Page.add_root(instance=Page(title="Root", slug="root", content_type=ContentType.objects.get_for_model(Page)))
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    call_command("load_site_tree", verbosity=0, stdout=_Null())


@pytest.fixture(autouse=True)
def _site_tree_survives_flushes(request):
    """Every database test starts with the loaded tree, even after a transactional test emptied the database."""
    if request.node.get_closest_marker("django_db") is None and not (
        {"db", "transactional_db", "live_server"} & set(request.fixturenames)
    ):
        return
    request.getfixturevalue("django_db_setup")
    blocker = request.getfixturevalue("django_db_blocker")
    from home.models import HomePage

    with blocker.unblock():
        if not HomePage.objects.exists():
            _restore_tree()


@pytest.fixture
def site_tree(db):
    """The loaded tree (the home page in Simplified Chinese)."""
    from home.models import HomePage

    return HomePage.objects.get(depth=2, locale__language_code="zh-hans")


@pytest.fixture
def column(site_tree):
    """Return a column page by its slug path below the home page, e.g. "xwzx/xw"."""

    def get(path):
        page = site_tree
        for slug in path.strip("/").split("/"):
            page = page.get_children().get(slug=slug)
        return page.specific

    return get


@pytest.fixture
def make_user(db):
    """Create a user in the named groups: make_user("alice", groups=["宣传培训处"])."""
    from django.contrib.auth.models import Group

    def make(username, groups=(), password="pass-for-tests-1", **extra):
        user = get_user_model().objects.create_user(username=username, password=password, **extra)
        for name in groups:
            user.groups.add(Group.objects.get(name=name))
        return user

    return make


@pytest.fixture
def publish():
    """Create and publish a child page: publish(parent, ArticlePage(title=...))."""

    def make(parent, page):
        parent.add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        return page

    return make


pytest_plugins = ["plugins.testing"]


@pytest.fixture(autouse=True)
def _fresh_page_fragments():
    """Page fragments are keyed by a generation stored in the database; a rolled-back test resets it, so clear them."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: rate-limit counts, login failures and page fragments of
    another test's (rolled-back) data must not leak into it."""
    from django.core.cache import caches

    for alias in caches:
        caches[alias].clear()
    yield
