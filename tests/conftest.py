"""Shared fixtures.

The agency's column tree (sections/data/shanghai_emergency.yaml) is loaded
once into the test database; each test runs in a transaction that is rolled
back, so tests see the full tree without paying for it each time.
"""
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command


_SNAPSHOT = {}


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Tests marked `long` go first (a stable sort, after pytest-django's own ordering): pytest-xdist hands
    out tests in collection order, so a minutes-long test started last would leave the other workers idle
    at the end. The transactional ones among them are safe anywhere: the next test restores the snapshot."""
    items.sort(key=lambda item: item.get_closest_marker("long") is None)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from django.db import connection

    with django_db_blocker.unblock():
        call_command("load_site_tree", verbosity=0, stdout=_Null())
        # The loaded database, as Django's test runner serialises it for serialized_rollback: restoring it
        # after a transactional test's flush takes about a second, loading the tree again seven to twenty.
        # Content types go first: a post_save handler that asks for a model's content type during the rest
        # would otherwise create it with a new id, and the snapshot's row would then collide with it.
        rows = json.loads(connection.creation.serialize_db_to_string())
        first = [row for row in rows if row["model"] == "contenttypes.contenttype"]
        rest = [row for row in rows if row["model"] != "contenttypes.contenttype"]
        _SNAPSHOT["default"] = [json.dumps(first), json.dumps(rest)]


class _Null:
    def write(self, *_args, **_kwargs):
        pass

    def flush(self):
        pass


def _restore_tree():
    """Put back the loaded database after a transactional test flushed it (Wagtail's root node included)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    # The flush at the end of a transactional test ran post_migrate, which made new content types and
    # permissions; empty the tables again without it, then load the snapshot with its original ids.
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True, reset_sequences=False)
    content_types, rest = _SNAPSHOT["default"]
    connection.creation.deserialize_db_from_string(content_types)
    ContentType.objects.clear_cache()
    connection.creation.deserialize_db_from_string(rest)


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


pytest_plugins = ["plugins.testing", "tests.browser"]


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: rate-limit counts, login failures and page fragments of
    another test's (rolled-back) data must not leak into it. Page fragments are keyed by a generation stored in
    the database, which a rolled-back test resets."""
    from django.core.cache import caches

    for alias in caches:
        caches[alias].clear()
    yield
