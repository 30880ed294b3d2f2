"""The 政务互动 and 依申请公开 columns lead to the built forms; an operator can still make a
column jump to an external unified platform (链接跳转)."""
import re
from io import StringIO

import yaml
from django.core.management import call_command

from .helpers import submit_and_receipt

DATA_FILE = "sections/data/shanghai_emergency.yaml"


def _hrefs(html):
    return set(re.findall(r'href="([^"]+)"', html))


def test_mailbox_and_enquiry_columns_lead_to_working_forms(client, site_tree, column, letter_types,
                                                             settings_no_ratelimit):
    section_html = client.get(column("zwhd").url).content.decode()
    links = _hrefs(section_html)
    mailbox, enquiry = column("zwhd/jzxx"), column("zwhd/xjcx")
    assert mailbox.target_url() == "/hudong/write/mailbox/" and "/hudong/write/mailbox/" in links
    assert enquiry.target_url() == "/hudong/query/" and "/hudong/query/" in links
    assert not any("yjglj.sh.gov.cn" in href for href in links if "jzxx" in href or "xjcx" in href)

    # The column's own address redirects to the form, and the form takes a letter.
    response = client.get(mailbox.url)
    assert response.status_code == 302 and response["Location"] == "/hudong/write/mailbox/"
    form = client.get(response["Location"])
    assert form.status_code == 200 and 'name="captcha_1"' in form.content.decode()
    receipt = submit_and_receipt(client, channel="mailbox", type_pk=letter_types["jzxx-zx"].pk)

    # 信件查询 answers with the letter's state for the number and code just received.
    enquiry_form = client.get(client.get(enquiry.url)["Location"])
    assert enquiry_form.status_code == 200 and 'name="code"' in enquiry_form.content.decode()
    answer = client.post("/hudong/query/", {"number": receipt["number"], "code": receipt["code"]})
    assert answer.status_code == 200 and receipt["number"] in answer.content.decode()
    assert "待受理" in answer.content.decode() or "Awaiting acceptance" in answer.content.decode()


def test_link_column_in_another_language_keeps_the_language(site_tree, column):
    mailbox = column("zwhd/jzxx")
    from sections.models.link_column import site_path_in_language

    assert site_path_in_language(mailbox.link_path, "en") == "/en/hudong/write/mailbox/"
    assert site_path_in_language(mailbox.link_path, "zh-hant") == "/zh-hant/hudong/write/mailbox/"


def test_operator_can_switch_a_column_to_the_external_platform(client, site_tree, column, tmp_path):
    data = yaml.safe_load(open(DATA_FILE, encoding="utf-8"))
    zwhd = next(n for n in data["tree"] if n["title"] == "政务互动")
    node = next(n for n in zwhd["children"] if n["title"] == "局长信箱")
    node.pop("link_path")
    node["link_url"] = "https://zwdt.sh.gov.cn/mailbox"
    path = tmp_path / "tree.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    call_command("load_site_tree", str(path), stdout=StringIO())
    mailbox = column("zwhd/jzxx")
    assert mailbox.link_path == "" and mailbox.is_external
    assert "https://zwdt.sh.gov.cn/mailbox" in _hrefs(client.get(column("zwhd").url).content.decode())
    response = client.get(mailbox.url)
    assert response.status_code == 302 and response["Location"] == "https://zwdt.sh.gov.cn/mailbox"
    # And back to the built form with the shipped file.
    call_command("load_site_tree", DATA_FILE, stdout=StringIO())
    assert column("zwhd/jzxx").target_url() == "/hudong/write/mailbox/"


def test_request_columns_lead_to_the_application_and_status_forms(client, site_tree, column):
    apply_column = _find(site_tree, "sqgk")
    html = client.get(apply_column.url).content.decode()
    assert "/ysqgk/apply/" in _hrefs(html) and "/ysqgk/status/" in _hrefs(html)
    form = client.get("/ysqgk/apply/")
    assert form.status_code == 200 and 'name="captcha_1"' in form.content.decode()
    status = client.get("/ysqgk/status/")
    assert status.status_code == 200
    # Other columns do not carry the links.
    assert "/ysqgk/apply/" not in _hrefs(client.get(column("xwzx/xw").url).content.decode())


def _find(site_tree, slug):
    from wagtail.models import Page

    return Page.objects.descendant_of(site_tree).get(slug=slug).specific
