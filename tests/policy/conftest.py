import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from policy.models import InterpretationPage, PolicyDocumentPage, PolicyTag, TagCategory
from tests.policy.policy_test_helpers import ZCFG, ZCWJ





@pytest.fixture
def make_doc(column):
    """Create (and by default publish) a policy document in 政策文件."""
    counter = {"n": 0}

    def make(parent=None, publish=True, tags=(), services=(), **fields):
        counter["n"] += 1
        n = counter["n"]
        parent = parent or column(ZCWJ)
        defaults = dict(
            title=f"上海市应急管理局关于测试文件{n}的通知",
            slug=f"doc-{n}",
            doc_number=f"沪应急规〔2023〕{n}号",
            written_date=datetime.date(2023, 3, 1),
        )
        defaults.update(fields)
        page = PolicyDocumentPage(**defaults)
        for tag in tags:
            page.tags.add(tag)
        for name, url in services:
            page.service_items.add(_service(name, url))
        return _create(parent, page, publish)

    return make


def _create(parent, page, publish):
    """Add ``page`` under ``parent`` as a draft, then publish it if asked."""
    page.live = False
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    page.refresh_from_db()
    return page


def _service(name, url):
    from policy.models import ServiceItem

    return ServiceItem(name=name, url=url)


@pytest.fixture
def make_interpretation(column):
    counter = {"n": 0}

    def make(sources, parent=None, publish=True, **fields):
        counter["n"] += 1
        parent = parent or column(ZCWJ)
        page = InterpretationPage(title=fields.pop("title", f"政策解读{counter['n']}"), slug=f"jd-{counter['n']}", **fields)
        page.source_documents = list(sources)
        return _create(parent, page, publish)

    return make


@pytest.fixture
def catalogue(db):
    category, _ = TagCategory.objects.get_or_create(name="主题")
    tags = {}
    for name in ("安全生产", "防灾减灾", "行政许可"):
        tags[name], _ = PolicyTag.objects.get_or_create(name=name, defaults={"slug": f"t-{len(tags)}", "category": category})
    return tags


@pytest.fixture
def publisher(make_user, column):
    """An editor of 政策法规处 who may also publish in its columns (as a moderator would)."""
    group, _ = Group.objects.get_or_create(name="政策文件发布测试")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for path in (ZCWJ, ZCFG):
        for codename in ("add_page", "change_page", "publish_page"):
            GroupPagePermission.objects.get_or_create(
                group=group, page=column(path), permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
            )
    return make_user("publisher", groups=["政策文件发布测试"])

