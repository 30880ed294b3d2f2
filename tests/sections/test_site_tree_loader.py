import copy
from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.core.management import CommandError, call_command
from wagtail.models import GroupPagePermission, Page, Revision

from departments.models import Department, ReviewRole
from sections.models import ColumnPage, LinkColumnPage, SectionPage
from sections.site_tree import SiteTreeError, apply_site_tree, parse_site_tree, read_site_tree

pytestmark = pytest.mark.django_db

DATA_FILE = Path(settings.SITE_TREE_FILE)


def load_data():
    return yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))


def write(tmp_path, data, name="tree.yaml"):
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def snapshot():
    return (
        Page.objects.count(),
        Revision.objects.count(),
        GroupPagePermission.objects.count(),
        list(Page.objects.order_by("path").values_list("path", "title", "slug", "live")),
        list(ColumnPage.objects.order_by("pk").values_list("pk", "department_id")),
    )


def find(tree, *titles):
    nodes = tree
    node = None
    for title in titles:
        node = next(n for n in nodes if n["title"] == title)
        nodes = node.get("children", [])
    return node


def test_every_table_row_is_loaded_in_order(site_tree):
    spec = read_site_tree(DATA_FILE)
    for node, parents in spec.walk():
        page = site_tree
        for ancestor in parents + (node,):
            page = page.get_children().get(slug=ancestor.slug)
        assert page.title == node.title
        model = {"section": SectionPage, "group": ColumnPage, "manual": ColumnPage, "link": LinkColumnPage}[node.kind]
        assert isinstance(page.specific, model)
        children = [c.slug for c in page.get_children().type(SectionPage, ColumnPage, LinkColumnPage)]
        assert children == [c.slug for c in node.children]


def test_the_five_sections_are_under_home_in_order(site_tree):
    titles = list(site_tree.get_children().type(SectionPage).values_list("title", flat=True))
    assert titles == ["新闻中心", "政务公开", "政务互动", "营商服务", "安全专题"]


def test_columns_record_department_and_update_method(column):
    news = column("xwzx/xw")
    assert news.department.name == "宣传培训处"
    assert news.update_method == "manual"
    planning = column("zwgk/xxgkml/ghkj")
    assert planning.department.name == "科技保障处"
    assert [d.name for d in planning.co_departments.all()] == ["规划财务处"]
    link = column("ysfw/wsbs/bsfw")
    assert link.update_method == "link"
    assert link.link_url.startswith("https://")


def test_loading_twice_changes_nothing(site_tree):
    before = snapshot()
    out = StringIO()
    call_command("load_site_tree", stdout=out)
    assert "already up to date" in out.getvalue()
    assert snapshot() == before


def test_editing_a_department_in_the_file_updates_column_and_permissions(site_tree, tmp_path, column):
    data = load_data()
    find(data["tree"], "新闻中心", "公告")["department"] = "办公室"
    call_command("load_site_tree", str(write(tmp_path, data)), stdout=StringIO())
    notices = column("xwzx/gg")
    assert notices.department.name == "办公室"
    office = Department.objects.get(name="办公室")
    publicity = Department.objects.get(name="宣传培训处")
    assert GroupPagePermission.objects.filter(group=office.group, page=notices).count() == 2
    assert not GroupPagePermission.objects.filter(group=publicity.group, page=notices).exists()
    # Running the edited file again is a no-op too.
    before = snapshot()
    call_command("load_site_tree", str(write(tmp_path, data)), stdout=StringIO())
    assert snapshot() == before


def test_renaming_a_column_keeps_the_page(site_tree, tmp_path, column):
    data = load_data()
    pk = column("xwzx/ztxc").pk
    find(data["tree"], "新闻中心", "主题宣传")["title"] = "主题宣传活动"
    call_command("load_site_tree", str(write(tmp_path, data)), stdout=StringIO())
    renamed = column("xwzx/ztxc")
    assert renamed.pk == pk and renamed.title == "主题宣传活动"


def test_another_agency_can_load_its_own_file(site_tree, tmp_path):
    data = {
        "agency": {"name": "示例区应急管理局"},
        "departments": [{"key": "bgs", "name": "办公室", "kind": "office"}],
        "roles": [],
        "tree": [{"title": "新闻中心", "type": "section", "slug": "xwzx",
                  "children": [{"title": "工作动态", "slug": "gzdt", "method": "后台手动", "department": "办公室"}]}],
    }
    spec = parse_site_tree(data)
    report = apply_site_tree(spec)
    assert report.changed
    assert site_tree.get_children().get(slug="xwzx").get_children().filter(slug="gzdt").exists()


MALFORMED = [
    ("unknown department", lambda d: find(d["tree"], "新闻中心", "新闻").update(department="宣传处"),
     'tree[2] 新闻中心 > children[1] 新闻: field "department": unknown department "宣传处"'),
    ("missing title", lambda d: find(d["tree"], "政务公开", "政府信息公开", "政策文件").pop("title"),
     'field "title" is required'),
    ("bad method", lambda d: find(d["tree"], "政务互动", "在线咨询").update(method="手工"),
     '在线咨询: field "method" must be'),
    ("bad slug", lambda d: find(d["tree"], "安全专题", "警示教育").update(slug="警示"),
     '警示教育: field "slug" must be lower-case'),
    ("duplicate slug", lambda d: find(d["tree"], "新闻中心", "公告").update(slug="xw"),
     '公告: field "slug": "xw" is used by a sibling already'),
    ("link without target", lambda d: find(d["tree"], "政务互动", "局长信箱").pop("link_path"),
     '局长信箱: a 链接跳转 column needs exactly one of "link_url", "link_page" or "link_path"'),
    ("two link targets", lambda d: find(d["tree"], "政务互动", "局长信箱").update(link_url="https://example.gov.cn/"),
     '局长信箱: a 链接跳转 column needs exactly one of "link_url", "link_page" or "link_path"'),
    ("bad link url", lambda d: find(d["tree"], "政务互动", "信件查询").update(link_url="javascript:alert(1)",
                                                                          link_path=""),
     '信件查询: field "link_url" is not a valid http(s) address'),
    ("bad link path", lambda d: find(d["tree"], "政务互动", "局长信箱").update(link_path="//evil.example/x"),
     '局长信箱: field "link_path" must be an address on this site starting with "/"'),
    ("dangling link page", lambda d: find(d["tree"], "政务公开", "在线互动").update(link_page="zwhd/nope"),
     '在线互动: field "link_page": no column at "zwhd/nope"'),
    ("misspelled field", lambda d: find(d["tree"], "新闻中心", "新闻").update(departmnet="宣传培训处"),
     '新闻: unknown field "departmnet"'),
    ("unknown department kind", lambda d: d["departments"][0].update(kind="bureau"),
     'departments[0] 直属机关党委: field "kind" must be one of'),
    ("manual column without department", lambda d: find(d["tree"], "新闻中心", "新闻").pop("department"),
     '新闻: field "department" is required for a 后台手动 column'),
]


@pytest.mark.parametrize("label,mutate,message", MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_file_loads_nothing_and_names_the_entry(site_tree, tmp_path, label, mutate, message):
    data = copy.deepcopy(load_data())
    mutate(data)
    # A valid change elsewhere in the same file must not be applied either.
    find(data["tree"], "新闻中心", "图片新闻")["title"] = "图片新闻（改）"
    before = snapshot()
    with pytest.raises(CommandError) as excinfo:
        call_command("load_site_tree", str(write(tmp_path, data)), stdout=StringIO())
    assert message in str(excinfo.value)
    assert "nothing was loaded" in str(excinfo.value)
    assert snapshot() == before


@pytest.mark.parametrize("content", ["tree: [unclosed", "- just\n- a list\n", "", "\x00\x01binary"])
def test_unreadable_files_give_a_clear_error(site_tree, tmp_path, content):
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError) as excinfo:
        call_command("load_site_tree", str(path), stdout=StringIO())
    assert "nothing was loaded" in str(excinfo.value)


def test_missing_file_gives_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="cannot read the file"):
        call_command("load_site_tree", str(tmp_path / "missing.yaml"), stdout=StringIO())


def test_changing_a_column_type_is_refused_and_rolls_back(site_tree, tmp_path):
    data = load_data()
    node = find(data["tree"], "政务互动", "在线咨询")
    node.update(method="链接跳转", link_url="https://example.gov.cn/")
    node.pop("department")
    find(data["tree"], "新闻中心", "图片新闻")["title"] = "图片新闻（改）"
    before = snapshot()
    with pytest.raises(CommandError, match="changing a column's type is not supported"):
        call_command("load_site_tree", str(write(tmp_path, data)), stdout=StringIO())
    assert snapshot() == before


def test_review_roles_become_groups(site_tree):
    names = list(ReviewRole.objects.values_list("name", flat=True))
    assert names == ["宣教信息中心初审", "宣传培训处终审复核", "办公室政务公开审核与保密复核", "分管局领导", "主要领导"]
    for role in ReviewRole.objects.all():
        assert role.group.permissions.filter(codename="access_admin").exists()


def test_parse_errors_are_collected_together():
    data = load_data()
    find(data["tree"], "新闻中心", "新闻")["department"] = "不存在"
    find(data["tree"], "新闻中心", "公告")["slug"] = "Bad Slug"
    with pytest.raises(SiteTreeError) as excinfo:
        parse_site_tree(data)
    assert len(excinfo.value.errors) == 2
