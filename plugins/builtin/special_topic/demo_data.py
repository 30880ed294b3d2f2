"""Demo special topics under 安全专题 (aqzt): 安全生产月 (archived) and 进博会 (open)."""
import datetime

from django.db import transaction
from django.utils import timezone

from departments.models import Department
from sections.models import ArticlePage, ColumnPage

from .models import SpecialTopicPage

TOPICS = [
    {
        "slug": "aqscy2026",
        "title": "2026年安全生产月",
        "colour": "#c62828",
        "description": "<p>2026年6月是第25个全国“安全生产月”，主题为“人人讲安全、个个会应急——查找身边安全隐患”。"
                       "本专题集中发布本市安全生产月活动部署、各区各行业开展情况和安全宣传咨询日活动。</p>",
        "opens_on": datetime.date(2026, 6, 1),
        "closes_on": datetime.date(2026, 6, 30),
        "department": "宣传培训处",
        "columns": [
            ("hdbs", "活动部署", [
                ("关于开展2026年本市“安全生产月”活动的通知", "市安委会办公室部署全市“安全生产月”活动，明确五项重点任务。"),
                ("本市召开“安全生产月”活动动员部署会", "会议要求各区、各部门聚焦重点行业领域，压紧压实安全责任。"),
                ("“安全生产月”期间全市开展重大事故隐患专项排查", "围绕危险化学品、建筑施工、城镇燃气等领域开展隐患排查整治。"),
            ]),
            ("gqdt", "各区动态", [
                ("浦东新区举办安全宣传咨询日主场活动", "现场设置应急体验区和隐患随手拍展台，吸引市民广泛参与。"),
                ("闵行区开展企业主要负责人安全生产专题培训", "培训聚焦新修订安全生产法律法规和企业主体责任落实。"),
                ("金山区组织化工园区综合应急演练", "演练模拟储罐泄漏火灾事故，检验多部门联动处置能力。"),
            ]),
        ],
    },
    {
        "slug": "jbh2026",
        "title": "第九届进博会安全保障",
        "colour": "#1565c0",
        "description": "<p>全力做好第九届中国国际进口博览会安全生产和应急保障工作，"
                       "本专题发布保障工作部署、隐患排查整治和应急值守等信息。</p>",
        "opens_on": datetime.date(2026, 10, 1),
        "closes_on": datetime.date(2026, 12, 31),
        "department": "应急指挥中心",
        "columns": [
            ("bzbs", "保障部署", [
                ("市应急局部署第九届进博会安全保障工作", "明确进博会期间安全生产和应急保障的工作目标和职责分工。"),
                ("进博会城市服务保障安全生产专项检查启动", "对国家会展中心周边重点单位开展全覆盖检查。"),
                ("进博会期间全市应急值守工作安排", "实行24小时领导带班和专人值守，确保信息报送及时准确。"),
            ]),
            ("yhpc", "隐患排查", [
                ("国家会展中心周边危化品企业隐患排查情况通报", "共检查企业46家，发现并督促整改一般隐患131项。"),
                ("进博会场馆周边建设工地安全检查", "聚焦动火作业、临时用电和脚手架等风险点位。"),
                ("青浦区开展进博会周边燃气安全专项整治", "对餐饮场所燃气管道和报警装置进行逐户检查。"),
            ]),
        ],
    },
]


def _aqzt():
    from home.models import HomePage

    home = HomePage.objects.filter(depth=2, locale__language_code="zh-hans").first()
    return home.get_children().filter(slug="aqzt").first() if home else None


@transaction.atomic
def _create_topic(section, spec):
    department = Department.objects.filter(name=spec["department"]).first()
    topic = SpecialTopicPage(
        title=spec["title"], slug=spec["slug"], theme_colour=spec["colour"], description=spec["description"],
        opens_on=spec["opens_on"], closes_on=spec["closes_on"], show_in_menus=True,
    )
    section.add_child(instance=topic)
    topic.save_revision().publish()
    base = timezone.make_aware(datetime.datetime.combine(spec["opens_on"], datetime.time(9, 30)))
    for slug, title, articles in spec["columns"]:
        column = ColumnPage(title=title, slug=slug, department=department)
        topic.add_child(instance=column)
        column.save_revision().publish()
        # Slugs demo-N: the same slugs the sections demo uses, so it leaves these columns alone.
        for n, (article_title, summary) in enumerate(articles, start=1):
            article = ArticlePage(
                title=article_title, slug=f"demo-{n}", summary=summary,
                body=[("paragraph", f"<p>{summary}</p>")], info_source="上海市应急管理局",
                display_date=base + datetime.timedelta(days=3 * n),
            )
            column.add_child(instance=article)
            article.save_revision().publish()


def load(stdout):
    section = _aqzt()
    if section is None:
        stdout.write("专题专栏 demo: 安全专题 (aqzt) not found, skipped.")
        return
    existing = set(section.get_children().values_list("slug", flat=True))
    created = [spec["title"] for spec in TOPICS if spec["slug"] not in existing]
    for spec in TOPICS:
        if spec["slug"] not in existing:
            _create_topic(section, spec)
    stdout.write(f"专题专栏 demo: created {', '.join(created)}." if created else "专题专栏 demo: already present.")
