"""Demo participation content (called by ``manage.py setup_demo``; idempotent, keyed by slug).

Three consultations (open; closed awaiting feedback; with published feedback),
a survey with answers, an interview with a transcript, and the 重大行政决策事项目录
linking them through their stages.
"""
import datetime

from django.db import transaction
from django.utils import timezone

from .access import grant_handler_permissions

DRAFT = """第一条 为了加强本市生产安全事故应急工作，规范应急救援行为，根据有关法律、行政法规，结合本市实际，制定本办法。
第二条 本市行政区域内生产安全事故应急工作，适用本办法。
第三条 市应急管理部门负责本市生产安全事故应急工作的综合协调和指导。区应急管理部门负责本行政区域内的相关工作。
第四条 生产经营单位应当制定生产安全事故应急救援预案，并每年至少组织一次演练。
第五条 本办法自2027年3月1日起施行。"""


def _column(home, path):
    page = home
    for slug in path.split("/"):
        page = page.get_children().filter(slug=slug).first()
        if page is None:
            return None
    return page.specific


def _publish(parent, page):
    existing = parent.get_children().filter(slug=page.slug).first()
    if existing is not None:
        return existing.specific, False
    with transaction.atomic():
        parent.add_child(instance=page)
        page.save_revision().publish()
    return page, True


def load(stdout):
    from departments.models import Department
    from home.models import HomePage

    from .feedback import generate_feedback_draft
    from .models import (
        ConsultationPage, DecisionCataloguePage, DecisionItem, InterviewExchange, InterviewPage,
        ParticipationComment, SurveyAnswer, SurveyPage, SurveyQuestion, SurveyResponse,
    )

    home = HomePage.objects.filter(depth=2, locale__language_code="zh-hans").first()
    column = home and _column(home, "zwhd/gzhd/caoan")
    if column is None:
        stdout.write("Demo participation: column 草案意见征集 not found, skipped.")
        return
    grant_handler_permissions()
    today = timezone.localdate()
    zcfg = Department.objects.filter(name="政策法规处").first()
    made = []

    specs = [
        ("demo-open", "关于《上海市生产安全事故应急办法（征求意见稿）》公开征求意见的公告", "regulation", -5, 30),
        ("demo-closed", "关于《本市危险化学品安全综合治理实施方案（草案）》公开征求意见的公告", "major_decision", -45, -10),
        ("demo-feedback", "关于《应急避难场所管理规定（征求意见稿）》公开征求意见的公告", "normative", -80, -45),
    ]
    pages = {}
    for slug, title, kind, start, end in specs:
        page, created = _publish(column, ConsultationPage(
            title=title, slug=slug, kind=kind, department=zcfg, info_source="上海市应急管理局",
            start_date=today + datetime.timedelta(days=start), end_date=today + datetime.timedelta(days=end),
            summary="为广泛听取社会各界意见，现将草案全文公布，征求意见。", draft_text=DRAFT,
            drafting_notes="<p>一、起草背景：落实《生产安全事故应急条例》。</p><p>二、主要内容：明确职责、预案与演练要求。</p>",
            submission_email="zcfgc@yjglj.sh.gov.cn", postal_address="上海市黄浦区福州路318号 政策法规处（邮编200001）",
        ))
        pages[slug] = page
        if created:
            made.append(slug)
            samples = [
                (None, "", "建议增加对小微企业的分类指导。", "approved", "adopted", "已在第四条增加分类指导要求。"),
                (3, "第三条", "第三条应明确区应急管理部门的具体职责。", "approved", "partial", "部分职责已在配套文件中规定。"),
                (4, "第四条", "每年一次演练对小微企业负担较重，建议两年一次。", "approved", "not_adopted", "上位法要求每年至少一次。"),
                (4, "第四条", "（待审核）演练记录应保存三年。", "pending", "", ""),
            ]
            for number, label, body, status, adoption, reason in samples:
                if slug == "demo-open":
                    adoption, reason = "", ""
                ParticipationComment.objects.create(
                    page=page, part_number=number, part_label=label, body=body, status=status, name="示例网民",
                    phone="13800000000", adoption=adoption, adoption_reason=reason,
                    created_at=timezone.now() - datetime.timedelta(days=3),
                )
    feedback_parent = pages["demo-feedback"]
    if not feedback_parent.get_children().exists():
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.filter(is_superuser=True).first()
        feedback, revision = generate_feedback_draft(feedback_parent, user)
        revision.publish()
        made.append("feedback")

    survey_column = _column(home, "zwhd/gzhd/zxdc")
    survey = SurveyPage(
        title="市民应急避难场所知晓度问卷调查", slug="demo-survey", department=zcfg,
        start_date=today - datetime.timedelta(days=20), end_date=today - datetime.timedelta(days=1),
        intro="了解市民对身边应急避难场所的知晓情况。", results_visibility="after_close",
    )
    survey.questions = [
        SurveyQuestion(text="您知道离家最近的应急避难场所吗？", kind="single", choices="知道\n不知道\n不确定"),
        SurveyQuestion(text="您通过哪些渠道了解应急知识？（可多选）", kind="multiple", choices="电视广播\n网络\n社区宣传\n学校单位", required=False),
        SurveyQuestion(text="您对避难场所建设的建议", kind="text", required=False),
    ]
    survey, created = _publish(survey_column, survey)
    if created:
        questions = list(survey.questions.all())
        for n, (single, multiple, text) in enumerate([(0, [1, 2], "增加指示牌"), (1, [0], ""), (0, [1], ""), (2, [1, 3], "多做演练"), (0, [2], "")]):
            response = SurveyResponse.objects.create(survey=survey, token=f"demo-{n}")
            SurveyAnswer.objects.bulk_create([
                SurveyAnswer(response=response, question=questions[0], choices=[single]),
                SurveyAnswer(response=response, question=questions[1], choices=multiple),
                SurveyAnswer(response=response, question=questions[2], text=text),
            ])
        made.append("survey")

    interview = InterviewPage(
        title="在线访谈：汛期安全防范，市民应知应会", slug="demo-interview", department=Department.objects.filter(name="宣传培训处").first(),
        guests="市应急管理局防灾减灾处负责人", interview_time=timezone.now() - datetime.timedelta(days=7),
        summary="嘉宾介绍今年汛期形势和市民防范要点，并回答网友提问。",
    )
    interview.exchanges = [
        InterviewExchange(asker="主持人", question="今年汛期有什么特点？", answerer="嘉宾", answer="降雨偏多，台风影响可能偏重。"),
        InterviewExchange(asker="网友", question="台风来临时地下车库怎么办？", answerer="嘉宾", answer="及时将车辆移至高处，不要在地下空间停留。"),
    ]
    interview, created = _publish(_column(home, "zwhd/gzhd/zxft"), interview)
    if created:
        made.append("interview")

    catalogue_column = _column(home, "zwgk/xxgkml/zdjc")
    catalogue = DecisionCataloguePage(title=f"{today.year}年度重大行政决策事项目录", slug="demo-catalogue",
                                      department=Department.objects.filter(name="办公室").first(),
                                      intro="依据《重大行政决策程序暂行条例》公布。")
    feedback_page = feedback_parent.get_children().live().first()
    catalogue.items = [
        DecisionItem(year=today.year, title="制定上海市生产安全事故应急办法", department=zcfg, status="consulting",
                     draft_page=pages["demo-open"]),
        DecisionItem(year=today.year, title="本市危险化学品安全综合治理实施方案", department=zcfg, status="deliberating",
                     draft_page=pages["demo-closed"]),
        DecisionItem(year=today.year - 1, title="应急避难场所管理规定", department=zcfg, status="decided",
                     draft_page=pages["demo-feedback"], feedback_page=feedback_page),
    ]
    _page, created = _publish(catalogue_column, catalogue)
    if created:
        made.append("catalogue")
    stdout.write(f"Demo participation: {', '.join(made)} created." if made else "Demo participation: already present.")
