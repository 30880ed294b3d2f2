"""Admin side: Chinese page search in the Wagtail admin, synonyms snippet, zero-result report, rebuild."""
import pytest
from django.core.management import call_command

from search.models import SearchDocument, Synonym, ZeroResultQuery

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, make_user):
    user = make_user("search-admin", is_superuser=True, is_staff=True)
    client.force_login(user)
    return client


def test_wagtail_admin_page_search_finds_chinese_word_inside_title(admin_client, article):
    page = article("上海市应急管理局关于印发政务公开工作要点的通知", "正文")
    article("市应急管理局召开安全生产形势分析会", "正文")
    from wagtail.search.backends import get_search_backend

    get_search_backend().add(page)
    response = admin_client.get("/admin/pages/search/", {"q": "政务公开"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "关于印发政务公开工作要点的通知" in html
    assert "安全生产形势分析会" not in html


def test_admin_backend_segments_query_and_index(article):
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    page = article("关于加强危险化学品安全监管的通知", "正文")
    backend = get_search_backend()
    backend.add(page)
    found = list(backend.search("化学品", Page.objects.all()))
    assert page.pk in [p.pk for p in found]


def test_synonym_snippet_admin_create_and_refusal(admin_client, client, make_user):
    response = admin_client.post("/admin/snippets/sitesearch/synonym/add/", {"terms": "危化品, 危险化学品", "enabled": "on"})
    assert response.status_code == 302
    assert Synonym.objects.get(shipped_key="").term_list == ["危化品", "危险化学品"]
    editor = make_user("plain-editor", is_staff=True)
    client.force_login(editor)
    response = client.get("/admin/snippets/sitesearch/synonym/add/")
    assert response.status_code in (302, 403)


def test_zero_result_report_lists_queries_and_refuses_non_admins(admin_client, client, make_user):
    admin_client.get("/search/", {"q": "不存在的关键词xyz"})
    admin_client.get("/search/", {"q": "不存在的关键词xyz"})
    entry = ZeroResultQuery.objects.get()
    assert entry.hits == 2 and entry.locale == "zh-hans"
    html = admin_client.get("/admin/reports/search-zero-results/").content.decode()
    assert "不存在的关键词xyz" in html
    csv = admin_client.get("/admin/reports/search-zero-results/", {"export": "csv"})
    assert "不存在的关键词xyz" in b"".join(csv.streaming_content).decode("utf-8-sig")
    ZeroResultQuery.objects.create(query_string="=1+2", locale="zh-hans", hits=1)
    body = b"".join(admin_client.get("/admin/reports/search-zero-results/", {"export": "csv"}).streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")
    queries = [line.split(",")[0] for line in body.decode("utf-8-sig").splitlines()]
    assert "'=1+2" in queries and "=1+2" not in queries  # formula neutralised (issue 18)
    nobody = make_user("nobody", is_staff=True)
    client.force_login(nobody)
    response = client.get("/admin/reports/search-zero-results/")
    assert response.status_code in (302, 403)


def test_rebuild_command_restores_and_prunes(article, run_search):
    page = article("关于开展安全生产大检查的通知", "检查安排")
    gone = article("已撤下的旧通知", "旧内容")
    SearchDocument.objects.filter(page_id=page.pk).delete()
    type(gone).objects.filter(pk=gone.pk).update(live=False)  # bypassing signals leaves a stale row
    assert run_search("大检查").total == 0
    call_command("rebuild_site_search", "--no-progress", stdout=open("/dev/null", "w"))
    assert run_search("大检查").total == 1
    assert not SearchDocument.objects.filter(page_id=gone.pk).exists()


def test_demo_loader_is_idempotent(article):
    import io

    from wagtail.contrib.search_promotions.models import SearchPromotion

    from search import demo

    article("防汛防台工作部署会召开", "会议内容")
    demo.load(io.StringIO())
    counts = (Synonym.objects.count(), SearchPromotion.objects.count(), SearchDocument.objects.count())
    demo.load(io.StringIO())
    assert (Synonym.objects.count(), SearchPromotion.objects.count(), SearchDocument.objects.count()) == counts
    assert set(demo.DEMO_SYNONYMS) <= set(Synonym.objects.values_list("terms", flat=True)) and counts[1] >= 1
