"""Editing the 错敏词 lists and the allow-list in the admin, over HTTP as the demo roles."""
import datetime

import pytest
from django.urls import reverse

from inspection.models import AllowedTerm, SensitiveWord
from inspection.profile import run_profile
from inspection.setup import grant_word_list_editors
from inspection.words.engine import check_text
from sections.models import ArticlePage

HOME = reverse("wagtailadmin_home")
ADD_WORD = reverse("inspection_words:add")
ADD_ALLOWED = reverse("inspection_allowed:add")
TEXT = "本局于2026年召开大会，邀请了市防汛指挥部全体成员。"


@pytest.fixture
def editors(users):
    grant_word_list_editors()
    return users


def _word(**extra):
    data = {"term": "市防汛指挥部", "category": "agencies", "severity": "block",
            "suggestion": "市防汛防台指挥部", "note": "2019年起改称", "wrong_from": ""}
    data.update(extra)
    return data


def test_the_review_role_adds_a_word_and_the_next_check_uses_it(editors, as_user):
    assert not check_text(TEXT).hits
    client = as_user(editors["chushen"])
    assert client.get(reverse("inspection_words:index")).status_code == 200
    response = client.post(ADD_WORD, _word())
    assert response.status_code == 302, response.content.decode()[:2000]
    word = SensitiveWord.objects.get(term="市防汛指挥部")
    assert (word.added_by, word.severity, word.category) == (editors["chushen"], "block", "agencies")
    hits = check_text(TEXT).hits
    assert [(h.term, h.severity, h.suggestion) for h in hits] == [("市防汛指挥部", "block", "市防汛防台指挥部")]

    # Editing takes effect at once as well (the cache key follows the newest change).
    response = client.post(reverse("inspection_words:edit", args=(word.pk,)), _word(severity="warn"))
    assert response.status_code == 302
    assert [h.severity for h in check_text(TEXT).hits] == ["warn"]
    response = client.post(reverse("inspection_words:delete", args=(word.pk,)))
    assert response.status_code == 302
    assert not check_text(TEXT).hits


def test_the_index_and_form_are_in_chinese(editors, as_user):
    client = as_user(editors["zhongshen"])
    html = client.get(ADD_WORD).content.decode()
    for label in ("词语", "级别", "建议改为", "备注", "所属词库", "错误起始日期", "禁止", "提示", "机构名称过时"):
        assert label in html, label
    assert "系统自带" in client.get(reverse("inspection_words:index")).content.decode()


def test_a_wrong_from_date_spares_older_pages(editors, as_user):
    as_user(editors["chushen"]).post(ADD_WORD, _word(wrong_from="2026-06-01"))
    assert not check_text(TEXT, on_date=datetime.date(2026, 5, 31)).hits
    assert check_text(TEXT, on_date=datetime.date(2026, 6, 1)).hits


def test_bad_input_is_refused_with_a_message(editors, as_user):
    client = as_user(editors["chushen"])
    for data in (_word(term=" "), _word(term="x"), _word(severity="nuke"), _word(wrong_from="2026-13-01")):
        response = client.post(ADD_WORD, data)
        assert response.status_code == 200
    assert not SensitiveWord.objects.exists()
    client.post(ADD_WORD, _word())
    response = client.post(ADD_WORD, _word(note="重复"))
    assert response.status_code == 200 and SensitiveWord.objects.count() == 1


def test_other_roles_are_refused(editors, as_user):
    word = SensitiveWord.objects.create(term="某某词", severity="warn")
    for name in ("xcpx_editor", "xcpx_head", "zf_editor"):
        client = as_user(editors[name])
        for url in (reverse("inspection_words:index"), ADD_WORD, reverse("inspection_allowed:index")):
            response = client.get(url)
            assert (response.status_code, response.url) == (302, HOME), (name, url)
        response = client.post(ADD_WORD, _word())
        assert (response.status_code, response.url) == (302, HOME)
        response = client.post(reverse("inspection_words:delete", args=(word.pk,)))
        assert (response.status_code, response.url) == (302, HOME)
        response = client.post(ADD_ALLOWED, {"phrase": "再接再励", "note": ""})
        assert (response.status_code, response.url) == (302, HOME)
    assert list(SensitiveWord.objects.values_list("term", flat=True)) == ["某某词"]
    assert not AllowedTerm.objects.exists()


def test_the_allow_list_records_who_added_a_phrase_and_silences_it(editors, as_user):
    text = "各单位要再接再励。"
    assert [h.term for h in check_text(text).hits] == ["再接再励"]
    response = as_user(editors["chushen"]).post(ADD_ALLOWED, {"phrase": "要再接再励", "note": "引用原文"})
    assert response.status_code == 302
    allowed = AllowedTerm.objects.get()
    assert allowed.added_by == editors["chushen"]
    assert not check_text(text).hits
    assert check_text("大家再接再励。").hits  # only the allowed phrase is spared
    html = as_user(editors["chushen"]).get(reverse("inspection_allowed:index")).content.decode()
    assert "要再接再励" in html and "chushen" in html


def test_a_new_entry_catches_an_old_live_page_in_the_nightly_scan(editors, as_user, column, publish):
    page = ArticlePage(title="防汛工作部署", slug="fx-old", summary=TEXT,
                       display_date=datetime.datetime(2026, 9, 1, 9, tzinfo=datetime.timezone.utc))
    publish(column("xwzx/xw"), page)
    before = run_profile(today=datetime.date(2026, 11, 2))
    assert not before.findings.filter(rule="sensitive_words", page=page).exists()
    as_user(editors["chushen"]).post(ADD_WORD, _word())
    after = run_profile(today=datetime.date(2026, 11, 3))
    finding = after.findings.get(rule="sensitive_words", page=page)
    assert finding.data["term"] == "市防汛指挥部" and "市防汛防台指挥部" in finding.message
