"""Each role over HTTP: what it may do, and the 403 outside its remit (nothing changes)."""
import pytest
from django.test import Client
from wagtail.models import ModelLogEntry

from departments.models import Department
from interaction import workflow
from interaction.models import Letter, State

pytestmark = pytest.mark.django_db

PERSONAL = ("王五", "13700001111", "wangwu@example.com")


@pytest.fixture
def letter(letter_types):
    letter, _code = workflow.submit(letter_types["zxzx"], title="咨询事项", body="请问如何办理？", name="王五",
                                    phone="13700001111", email="wangwu@example.com")
    return letter


@pytest.fixture
def users(role_user):
    return {
        "receiver": role_user("政策法规处", username="zcfg_editor"),
        "zcfg_head": role_user("政策法规处负责人", username="zcfg_head"),
        "zf_editor": role_user("安全生产执法监察处", username="zf_editor"),
        "zf_head": role_user("安全生产执法监察处负责人", username="zf_head"),
        "xcpx_editor": role_user("宣传培训处", username="xcpx_editor"),
        "xcpx_head": role_user("宣传培训处负责人", username="xcpx_head"),
        "chushen": role_user("宣教信息中心初审", username="chushen"),
        "fenguan": role_user("分管局领导", username="fenguan"),
    }


def _as(user):
    client = Client()
    client.force_login(user)
    return client


def _step(user, letter, action, **fields):
    data = {"action": action, **{f"{action}-{k}": v for k, v in fields.items()}}
    return _as(user).post(f"/admin/letters/{letter.pk}/", data)


def _entries(letter):
    return ModelLogEntry.objects.for_instance(letter).count()


def test_receiving_role_steps_refused_to_others(letter, users):
    zf = Department.objects.get(name="安全生产执法监察处")
    for name in ("zf_editor", "zf_head", "xcpx_editor", "chushen", "fenguan", "zcfg_head"):
        before = _entries(letter)
        for action, fields in (("accept", {}), ("assign", {"department": zf.pk}), ("reject", {"reason": "abusive"})):
            response = _step(users[name], letter, action, **fields)
            assert response.status_code in (403, 404), (name, action, response.status_code)
        letter.refresh_from_db()
        assert letter.state == State.NEW and _entries(letter) == before
    assert _step(users["receiver"], letter, "assign", department=zf.pk).status_code == 302
    letter.refresh_from_db()
    assert letter.state == State.ASSIGNED and letter.department == zf


def test_department_steps_refused_outside_the_department(letter, users):
    zf = Department.objects.get(name="安全生产执法监察处")
    workflow.assign(users["receiver"], letter, zf)
    # The receiver sees the letter but may not draft (403); other departments do not even see it (404).
    assert _step(users["receiver"], letter, "draft", reply="答复").status_code == 403
    for name in ("xcpx_editor", "xcpx_head", "chushen"):
        assert _step(users[name], letter, "draft", reply="答复").status_code in (403, 404), name
    assert _step(users["zf_editor"], letter, "draft", reply="答复内容").status_code == 302
    for name in ("receiver", "zf_editor"):
        assert _step(users[name], letter, "approve").status_code == 403, name
    for name in ("xcpx_head", "zcfg_head"):
        assert _step(users[name], letter, "approve").status_code in (403, 404), name
    letter.refresh_from_db()
    assert letter.state == State.DRAFTED
    assert _step(users["zf_head"], letter, "send_back", comment="请补充依据").status_code == 302
    letter.refresh_from_db()
    assert letter.state == State.ASSIGNED


def test_letter_list_and_detail_only_for_its_roles(letter, users):
    zf = Department.objects.get(name="安全生产执法监察处")
    workflow.assign(users["receiver"], letter, zf)
    assert _as(users["xcpx_editor"]).get(f"/admin/letters/{letter.pk}/").status_code == 404
    assert letter.title not in _as(users["xcpx_editor"]).get("/admin/letters/").content.decode()
    for name in ("receiver", "zf_editor", "zf_head"):
        page = _as(users[name]).get(f"/admin/letters/{letter.pk}/")
        assert page.status_code == 200
        assert "王五" in page.content.decode()  # handling roles see the writer
    # An admin user who handles no letters sees the masked name only.
    page = _as(users["chushen"]).get("/admin/letters/")
    assert page.status_code == 403


def test_return_to_reception_and_extension(letter, users):
    zf = Department.objects.get(name="安全生产执法监察处")
    workflow.assign(users["receiver"], letter, zf)
    due = Letter.objects.get(pk=letter.pk).due_date
    assert _step(users["zf_editor"], letter, "extend", days=5, comment="需现场核查").status_code == 403
    assert _step(users["zf_head"], letter, "extend", days=5, comment="需现场核查").status_code == 302
    letter.refresh_from_db()
    from workdays.calendar import add_workdays

    assert letter.due_date == add_workdays(due, 5)
    assert letter.clock_events.filter(kind="extend", approving_role="安全生产执法监察处负责人").exists()
    assert _step(users["fenguan"], letter, "extend", days=2, comment="再延期").status_code == 302
    assert _step(users["zf_editor"], letter, "return", comment="不属本处职责").status_code == 302
    letter.refresh_from_db()
    assert letter.state == State.ACCEPTED and letter.department is None


def test_reject_and_merge(letter_types, users):
    a, _ = workflow.submit(letter_types["zxzx"], title="重复", body="同一问题第一次", phone="1380000")
    b, _ = workflow.submit(letter_types["zxzx"], title="重复", body="同一问题第二次", phone="1380000")
    c, _ = workflow.submit(letter_types["zxzx"], title="辱骂", body="无实质内容……", phone="1380000")
    assert _step(users["receiver"], b, "merge", into=a.number).status_code == 302
    assert _step(users["receiver"], c, "reject", reason="abusive", comment="含辱骂").status_code == 302
    b.refresh_from_db(), c.refresh_from_db()
    assert b.state == State.MERGED and b.duplicate_of == a
    assert c.state == State.REJECTED and c.reject_reason == "abusive"
    assert _step(users["receiver"], c, "accept").status_code == 403  # no longer a possible step


def test_bad_admin_posts_do_not_500(letter, users):
    client = _as(users["receiver"])
    assert client.post(f"/admin/letters/{letter.pk}/", {"action": "nonsense"}).status_code == 400
    assert client.post(f"/admin/letters/{letter.pk}/", {"action": "assign", "assign-department": "x"}).status_code == 200
    assert client.post(f"/admin/letters/{letter.pk}/", {"action": "merge", "merge-into": "nope"}).status_code == 200
    assert client.get("/admin/letters/?state=<script>&p=abc").status_code == 200
    assert client.get("/admin/letters/999999/").status_code == 404


def test_export_only_for_receiving_role_and_logged(letter, users):
    assert _as(users["zf_editor"]).get("/admin/letters/export/").status_code == 403
    response = _as(users["receiver"]).get("/admin/letters/export/")
    assert response.status_code == 200 and "王五" in b"".join(response.streaming_content).decode("utf-8-sig")
    assert ModelLogEntry.objects.filter(action="interaction.letter.exported", user=users["receiver"]).exists()


def test_export_neutralises_formula_cells(letter_types, users):
    """Letters from the public are exported with formula cells neutralised and a BOM (issue 18)."""
    import csv
    import io

    workflow.submit(letter_types["zxzx"], title="=HYPERLINK(\"http://evil.example/\")", body="正文", name="@赵六",
                    phone="13700002222", email="")
    response = _as(users["receiver"]).get("/admin/letters/export/")
    body = b"".join(response.streaming_content)
    assert response["Content-Type"] == "text/csv; charset=utf-8" and body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    hostile = [r for r in rows if "赵六" in r[3]]
    assert len(hostile) == 1
    assert hostile[0][2] == "'=HYPERLINK(\"http://evil.example/\")" and hostile[0][3] == "'@赵六"
