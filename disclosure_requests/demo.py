"""Demo requests in every state and this year's report (called by ``manage.py setup_demo``; idempotent).

Each demo request is keyed by its 所需信息名称; a second run adds nothing.
Every demo request answers to the 查询码 ``DEMO_CODE`` on the status page.
"""
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from workdays.calendar import add_workdays

from . import services
from .fees import install_standard_tiers
from .models import AnnualReport, DisclosureRequest

DEMO_CODE = "DEMO2026"
PERSON = dict(applicant_type="natural", id_type="id_card", id_number="11010519491231002X", phone="13900001234")
ORG = dict(id_type="uscc", id_number="91350100M000100Y43", phone="021-63210000", contact_person="联系人")

# (title, applicant, working days ago received, steps)
DEMO = [
    ("本市2025年度危险化学品经营许可证发放情况", dict(PERSON, name="陈某某"), 2, []),
    ("某化工园区应急预案备案材料", dict(ORG, applicant_type="business", name="上海某化工有限公司"), 5,
     [("correction", 3)]),
    ("某企业安全生产标准化评审报告", dict(ORG, applicant_type="legal_service", name="上海某律师事务所"), 12,
     [("consult", 4)]),
    ("2024年全市生产安全事故统计分析报告", dict(ORG, applicant_type="research", name="某大学公共安全研究院"), 30,
     [("extend", 15)]),
    ("2025年第一季度安全生产执法检查计划", dict(PERSON, name="李某某"), 25, [("answer", "disclosed", 5)]),
    ("某区消防安全重点单位名单", dict(ORG, applicant_type="public_interest", name="某社会公益组织"), 28,
     [("answer", "partly", 8)]),
    ("局党组会议纪要", dict(PERSON, name="王某某"), 30, [("answer", "refused_process", 10)]),
    ("某年度某街道地下管网图纸", dict(ORG, applicant_type="other_org", name="某物业管理公司"), 26,
     [("answer", "unavailable_not_held", 6)]),
    ("信访举报处理结果", dict(PERSON, name="赵某某"), 22, [("answer", "not_handled_petition", 12)]),
    ("2023年执法案卷", dict(PERSON, name="孙某某"), 40, [("lapse",)]),
    ("某危险品仓库安全评价报告", dict(PERSON, name="周某某"), 26, []),  # overdue
]


def load(stdout):
    User = get_user_model()
    editor = User.objects.filter(username="bgs_editor").first()
    head = User.objects.filter(username="bgs_head").first()
    if editor is None or head is None:
        stdout.write("依申请公开 demo skipped: demo accounts bgs_editor / bgs_head missing.")
        return
    install_standard_tiers()  # a no-op unless the tiers were all deleted or the database flushed
    today = timezone.localdate()
    created = 0
    for title, applicant, ago, steps in DEMO:
        if DisclosureRequest.objects.filter(info_title=title).exists():
            continue
        with transaction.atomic():
            _make(title, applicant, add_workdays(today, -ago), steps, editor, head, today)
        created += 1
    report, new_report = AnnualReport.objects.get_or_create(year=today.year, defaults={
        "overview": f"{today.year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，"
                    "坚持以公开为常态、不公开为例外，推进决策、执行、管理、服务、结果公开。",
        "problems": "依申请公开答复的规范性有待进一步提高；下一步将加强业务培训。",
        "other_matters": "本年度无其他需要报告的事项。",
    })
    stdout.write(f"依申请公开: {created} demo requests added (查询码 {DEMO_CODE}); "
                 f"{report} {'created' if new_report else 'kept'}.")


def _make(title, applicant, received, steps, editor, head, today):
    item = DisclosureRequest(info_title=title, description=f"请提供“{title}”。", delivery_form="electronic",
                             delivery_channel="online", received_channel="online", received_date=received,
                             **applicant)
    services.register(item, user=editor)
    item.query_code_hash = make_password(DEMO_CODE)
    item.save(update_fields=["query_code_hash"])
    for step in steps:
        kind = step[0]
        if kind == "correction":
            services.request_correction(item, editor, add_workdays(received, step[1]), "请补充所需信息的文号或名称。")
        elif kind == "consult":
            services.consult(item, editor, add_workdays(received, step[1]), "上海某安全评价机构（第三方）")
        elif kind == "extend":
            services.extend(item, editor, head, add_workdays(received, step[1]), 20, "需调阅大量档案并区分处理")
        elif kind == "answer":
            day = min(add_workdays(received, step[2]), today)
            services.draft_answer(item, editor, step[1], _ANSWERS[step[1]], legal_basis=_BASIS.get(step[1], ""))
            services.approve_answer(item, head)
            services.send_answer(item, editor, day, "通过网站提供下载，并电话告知申请人")
        elif kind == "lapse":
            services.request_correction(item, editor, add_workdays(received, 2), "请说明所需信息的内容。", period=10)
            services.lapse(item, editor, add_workdays(received, 14))


_ANSWERS = {
    "disclosed": "经查，您申请获取的信息属于公开范围，现将该计划提供给您（见附件）。",
    "partly": "经查，您申请获取的名单中部分内容涉及第三方商业秘密，已作区分处理，现提供可以公开的部分。",
    "refused_process": "经查，您申请获取的会议纪要属于行政机关在履行行政管理职能过程中形成的过程性信息，不予公开。",
    "unavailable_not_held": "经查，本机关未制作或获取您申请的信息。",
    "not_handled_petition": "您提出的申请属于信访举报投诉事项，请通过信访渠道反映，本机关不作为政府信息公开申请处理。",
}
_BASIS = {
    "partly": "《中华人民共和国政府信息公开条例》第三十七条",
    "refused_process": "《中华人民共和国政府信息公开条例》第十六条第二款",
    "unavailable_not_held": "《中华人民共和国政府信息公开条例》第三十六条第（四）项",
    "not_handled_petition": "《中华人民共和国政府信息公开条例》第三十九条第一款",
}
