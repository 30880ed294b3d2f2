"""在线调查 (one response per person, counts, export) and the 重大行政决策事项目录 (links and missing stages)."""
import io

import pytest

from tests.public_forms import solved_captcha

from .conftest import days

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(column, publish, department):
    from participation.models import SurveyPage, SurveyQuestion

    def make(start=-3, end=10, **fields):
        page = SurveyPage(title="应急避难场所知晓度调查", slug=f"survey-{start}-{end}", start_date=days(start),
                          end_date=days(end), department=department("政策法规处"), **fields)
        page.questions = [
            SurveyQuestion(text="您知道最近的避难场所吗？", kind="single", choices="知道\n不知道"),
            SurveyQuestion(text="您从哪些渠道了解应急知识？", kind="multiple", choices="电视\n网络\n社区", required=False),
            SurveyQuestion(text="其他建议", kind="text", required=False),
        ]
        return publish(column("zwhd/gzhd/zxdc"), page)

    return make


def _answer(client, page, **fields):
    url = f"/participation/survey/{page.pk}/"
    form = client.get(url)
    q = list(page.questions.all())
    data = {f"q{q[0].pk}": "0", f"q{q[1].pk}": ["1", "2"], f"q{q[2].pk}": "多设标识", **solved_captcha(form.content), **fields}
    return client.post(url, {k: v for k, v in data.items() if v is not None})


def test_one_response_per_browser_and_counts(client, survey):
    from participation.models import SurveyResponse

    page = survey(results_visibility="live")
    assert _answer(client, page).status_code == 200
    again = client.get(f"/participation/survey/{page.pk}/")
    assert again.context["closed"] and "captcha" not in again.content.decode()
    assert client.post(f"/participation/survey/{page.pk}/", {}).status_code == 403
    assert SurveyResponse.objects.filter(survey=page).count() == 1
    from django.test import Client

    other = Client()
    q = list(page.questions.all())
    assert _answer(other, page, **{f"q{q[0].pk}": "1", f"q{q[1].pk}": ["1"]}).status_code == 200
    results = page.results()
    assert [(c, n) for c, n, _p in results[0][2]] == [("知道", 1), ("不知道", 1)]
    assert [(c, n) for c, n, _p in results[1][2]] == [("电视", 0), ("网络", 2), ("社区", 1)]
    assert results[2][1] == 2
    html = client.get(page.url).content.decode()
    assert "网络" in html and "2（100%）" in html


def test_a_forged_cookie_does_not_block_and_a_phone_answers_once(client, survey):
    from participation.models import SurveyResponse

    page = survey(ask_phone=True)
    client.cookies[f"participation_survey_{page.pk}"] = "forged"
    assert _answer(client, page, phone="13800000001").status_code == 200
    from django.test import Client

    second = Client()  # a new browser, same number
    response = _answer(second, page, phone="13800000001")
    assert response.status_code == 400 and "phone" in response.context["form"].errors
    assert _answer(Client(), page, phone="12345").status_code == 400
    assert SurveyResponse.objects.filter(survey=page).count() == 1
    assert "13800000001" not in client.get(page.url).content.decode()


@pytest.mark.parametrize("fields", [{"q0": None}, {"bad_choice": "9"}, {"text": "长" * 2001}, {"homepage": "x"}])
def test_bad_survey_input_writes_nothing(client, survey, fields):
    from participation.models import SurveyResponse

    page = survey()
    q = list(page.questions.all())
    mapping = {"q0": {f"q{q[0].pk}": ""}, "bad_choice": {f"q{q[0].pk}": "9"},
               "text": {f"q{q[2].pk}": "长" * 2001}, "homepage": {"homepage": "x"}}
    response = _answer(client, page, **mapping[next(iter(fields))])
    assert response.status_code == 400 and response.context["form"].errors
    assert not SurveyResponse.objects.exists()


def test_results_hidden_until_close_and_closed_survey_refuses(client, survey):
    open_page = survey()
    _answer(client, open_page)
    assert "survey-results" not in client.get(open_page.url).content.decode()
    closed = survey(start=-20, end=-1)
    assert client.post(f"/participation/survey/{closed.pk}/", {}).status_code == 403
    assert "survey-results" in client.get(closed.url).content.decode()


def test_survey_results_and_export_for_handlers_only(client_for, client, survey):
    from openpyxl import load_workbook

    page = survey(ask_phone=True)
    _answer(client, page, phone="13800000002")
    assert client_for("zcfg_editor").get(f"/admin/participation/survey/{page.pk}/").status_code == 200
    csv_text = client_for("zcfg_editor").get(f"/admin/participation/survey/{page.pk}/export.csv").content.decode("utf-8-sig")
    assert "网络；社区" in csv_text and "13800000002" in csv_text and "多设标识" in csv_text
    xlsx = client_for("zcfg_head").get(f"/admin/participation/survey/{page.pk}/export.xlsx")
    assert list(load_workbook(io.BytesIO(xlsx.content)).active.values)[1][-1] == "多设标识"
    for username in ("xcpx_editor", "chushen"):
        assert client_for(username).get(f"/admin/participation/survey/{page.pk}/").status_code == 403
        assert client_for(username).get(f"/admin/participation/survey/{page.pk}/export.csv").status_code == 403


def test_catalogue_links_each_live_stage_and_marks_missing_ones(client, column, publish, make_consultation, department):
    from participation.models import DecisionCataloguePage, DecisionItem
    from sections.models import ArticlePage

    draft = make_consultation(kind="major_decision", start=-60, end=-20, slug="jc-draft")
    background = publish(column("zwgk/xxgkml/zdjc"), ArticlePage(title="制订背景说明", slug="bg"))
    unpublished = ArticlePage(title="尚未发布的会议纪要", slug="meeting", live=False)
    column("zwgk/xxgkml/zdjc").add_child(instance=unpublished)
    page = DecisionCataloguePage(title="2026年度重大行政决策事项目录", slug="catalogue")
    page.items = [
        DecisionItem(year=2026, title="修订安全生产条例", department=department("政策法规处"), status="consulting",
                     draft_page=draft, background_page=background, meeting_page=unpublished),
        DecisionItem(year=2025, title="应急避难场所规划", status="decided"),
    ]
    publish(column("zwgk/xxgkml/zdjc"), page)
    html = client.get(page.url).content.decode()
    assert html.index("2026") < html.index("2025")  # one table per year, newest first
    assert draft.url in html and background.url in html
    assert "尚未发布的会议纪要" not in html and "/meeting/" not in html
    row_2026 = html[html.index("修订安全生产条例"):html.index("</tr>", html.index("修订安全生产条例"))]
    assert row_2026.count('class="missing"') == 3  # feedback, meeting (not live), result
    row_2025 = html[html.index("应急避难场所规划"):html.index("</tr>", html.index("应急避难场所规划"))]
    assert row_2025.count('class="missing"') == 5
