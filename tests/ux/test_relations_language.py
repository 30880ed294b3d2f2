"""Defect 6: relations shown on a page (repeal/amend notice, its links, interpretations, 相关信息) stay in its language."""
import datetime
import re

import pytest
from django.test import Client
from wagtail.models import Page

from multilingual.sync import PageSync
from policy.models import PolicyRelation
from tests.policy.conftest import make_doc, make_interpretation  # noqa: F401
from tests.policy.policy_test_helpers import ZCWJ

NOT_PAGES = ("/documents/", "/media/", "/static/", "/care-mode/", "/captcha/")
OTHER_PREFIXES = {"zh-hans": ("/zh-hant/", "/en/"), "zh-hant": ("/en/",), "en": ("/zh-hant/",)}


@pytest.fixture
def synced(settings, column):
    settings.MULTILINGUAL = {**getattr(settings, "MULTILINGUAL", {}), "AUTO_SYNC": True}
    PageSync().sync(column(ZCWJ))


def _main_links(url):
    response = Client().get(url)
    assert response.status_code == 200, url
    main = re.search(r"<main.*?</main>", response.content.decode(), re.S).group(0)
    return re.findall(r'href="([^"]+)"', main)


def _assert_same_language(url, lang, must_link):
    links = _main_links(url)
    foreign = [h for h in links if h.startswith(OTHER_PREFIXES[lang])]
    if lang != "zh-hans":  # an unprefixed page address is the 简体 site
        foreign += [h for h in links if h.startswith("/") and not h.startswith((f"/{lang}/",) + NOT_PAGES)]
    assert not foreign, (url, foreign)
    for target in must_link:
        assert target in links, (url, target, links)


def _translation(page, lang):
    return Page.objects.get(translation_key=page.translation_key, locale__language_code=lang).specific


def test_relations_on_a_policy_page_stay_in_its_language(synced, make_doc, make_interpretation):  # noqa: F811
    old = make_doc(title="上海市应急管理局行政许可实施办法（2019年版）", effective_date=datetime.date(2019, 3, 1))
    new = make_doc(title="上海市应急管理局行政许可实施办法（2021年版）", effective_date=datetime.date(2021, 1, 1))
    new.relations.add(PolicyRelation(target=old, kind=PolicyRelation.Kind.REPEALS))
    new.save_revision().publish()
    interpretation = make_interpretation([old], title="《行政许可实施办法》解读")
    old.refresh_from_db()
    hant_old, hant_new, hant_interpretation = (_translation(p, "zh-hant") for p in (old, new, interpretation))
    assert hant_old.live and hant_new.live and hant_interpretation.live

    _assert_same_language(old.url, "zh-hans", [new.url, interpretation.url])  # notice + interpretations
    _assert_same_language(new.url, "zh-hans", [old.url])  # "this document repeals"
    _assert_same_language(interpretation.url, "zh-hans", [old.url])  # interpreted documents
    _assert_same_language(hant_old.url, "zh-hant", [hant_new.url, hant_interpretation.url])
    _assert_same_language(hant_new.url, "zh-hant", [hant_old.url])
    _assert_same_language(hant_interpretation.url, "zh-hant", [hant_old.url])
