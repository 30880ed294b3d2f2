"""Deterministic synthetic corpus of Chinese policy documents for the search benchmark.

Each document is ABOUT one topic (its title topic); some bodies also discuss
a second topic in passing. The judged query set grades relevance from these
labels, not from any backend's matching.
"""
import random
from dataclasses import dataclass, field

TOPICS = {
    # topic: (title phrasings, body sentences)
    "危险化学品": (["危险化学品安全管理", "危险化学品经营许可", "危险化学品重大危险源监管"],
              ["危险化学品生产、储存、使用、经营单位要落实安全生产主体责任。", "依法办理危险化学品经营许可证，严禁无证经营。"]),
    "防汛防台": (["防汛防台工作", "汛期防汛防台风应急准备", "防汛防台物资储备"],
             ["进入汛期，各单位要加强台风、暴雨、高潮位的监测预警。", "做好防汛物资储备和抢险队伍集结。"]),
    "烟花爆竹": (["烟花爆竹安全管理", "烟花爆竹经营许可", "春节期间烟花爆竹禁放"],
             ["外环线以内区域全面禁止燃放烟花爆竹。", "严厉打击非法生产、经营烟花爆竹行为。"]),
    "有限空间作业": (["有限空间作业安全", "有限空间作业事故防范", "有限空间作业专项整治"],
               ["有限空间作业必须严格执行先通风、再检测、后作业的原则，防止中毒窒息事故。", "作业前应配备气体检测报警仪器。"]),
    "消防安全": (["消防安全专项检查", "高层建筑消防安全", "冬春火灾防控消防安全"],
             ["人员密集场所要保持疏散通道、安全出口畅通。", "开展消防安全隐患排查整治。"]),
    "粉尘防爆": (["粉尘防爆安全", "工贸企业粉尘防爆专项治理", "粉尘防爆安全规程"],
             ["涉爆企业要规范粉尘清扫和除尘系统管理。", "严禁在粉尘爆炸危险场所使用明火。"]),
    "非煤矿山": (["非煤矿山安全生产", "非煤矿山安全许可"], ["非煤矿山企业要加强边坡和尾矿库管理。"]),
    "自然灾害救助": (["自然灾害救助应急预案", "自然灾害救助资金管理"], ["受灾群众基本生活救助要及时足额发放。"]),
    "应急救援队伍": (["应急救援队伍建设", "社会应急救援队伍管理"], ["加强专业应急救援队伍训练和装备配备。"]),
    "安全生产许可证": (["安全生产许可证办理", "安全生产许可证延期"], ["申请安全生产许可证应当具备法定安全生产条件。"]),
    "地震应急演练": (["地震应急演练", "地震应急避难场所管理"], ["组织开展地震应急疏散演练，提高公众避险能力。"]),
    "政务公开": (["政务公开工作要点", "政府信息主动公开"], ["坚持以公开为常态、不公开为例外，推进决策、执行、管理、服务、结果公开。"]),
    "冶金企业": (["冶金企业安全生产", "冶金企业煤气安全"], ["冶金企业要加强高温熔融金属和煤气区域安全管理。"]),
    "应急预案": (["生产安全事故应急预案管理", "应急预案备案"], ["生产经营单位应当制定生产安全事故应急预案并定期演练。"]),
    "安全生产标准化": (["安全生产标准化建设", "安全生产标准化评审"], ["企业应当开展安全生产标准化达标创建。"]),
    "高温天气": (["高温天气安全防范", "夏季高温作业防护"], ["高温天气要合理安排作业时间，防止中暑。"]),
    "建筑施工": (["建筑施工安全", "建筑施工高处坠落防范"], ["施工单位要落实高处作业防护措施。"]),
    "交通运输安全": (["道路交通运输安全", "危险货物道路运输"], ["加强危险货物运输车辆动态监控。"]),
    "森林防火": (["森林防火工作", "秋冬季森林防火"], ["严禁野外用火，加强林区巡查。"]),
    "燃气安全": (["城镇燃气安全", "餐饮场所燃气安全"], ["餐饮场所应当安装可燃气体报警装置。"]),
}
ISSUERS = ["上海市应急管理局", "上海市人民政府办公厅", "上海市安全生产委员会办公室", "上海市减灾委员会", "上海市防汛指挥部"]
DOC_TYPES = ["通知", "意见", "办法", "规定", "方案", "公告"]
TITLE_TEMPLATES = [
    "{issuer}关于加强{phrase}的{kind}",
    "关于印发《{phrase}实施细则》的{kind}",
    "{issuer}关于做好{year}年{phrase}工作的{kind}",
    "关于开展{phrase}的{kind}",
    "上海市{phrase}办法（{year}年修订）",
]
FILLER = [
    "各区应急管理局，各有关单位：", "现将有关事项通知如下。", "各单位要高度重视，加强组织领导，压实工作责任。",
    "要建立健全工作机制，强化督促检查，确保各项措施落到实处。", "请结合实际认真贯彻落实。",
    "本办法自发布之日起施行。", "对工作中发现的问题要及时整改，形成闭环管理。", "加强宣传教育培训，提升全员安全意识。",
]
VALIDITY = [("valid", "现行有效", 0.7), ("expired", "已失效", 0.2), ("repealed", "已废止", 0.1)]
SECTIONS = {"政务公开": ["政策文件", "政策解读", "通知公告", "规划计划"], "新闻中心": ["新闻", "图片新闻", "区局动态", "媒体报道"],
            "营商服务": ["办事指南", "许可公示", "服务事项", "政策问答"], "安全专题": ["防汛防台", "危化品安全", "消防安全", "双公示"],
            "政务互动": ["在线访谈", "征集调查", "咨询答复", "热点回应"]}


@dataclass
class SynthDoc:
    n: int
    title: str
    body: str
    topic: str
    mentions: list
    facets: dict = field(default_factory=dict)
    section: str = ""
    column: str = ""


def generate(count, seed=20261121):
    rng = random.Random(seed)
    topics = list(TOPICS)
    columns = [(s, c) for s, cs in SECTIONS.items() for c in cs]
    for n in range(count):
        topic = topics[n % len(topics)] if n < len(topics) * 2 else rng.choice(topics)
        phrases, sentences = TOPICS[topic]
        year = rng.randint(2012, 2026)
        issuer = rng.choice(ISSUERS)
        kind = rng.choice(DOC_TYPES)
        title = rng.choice(TITLE_TEMPLATES).format(issuer=issuer, phrase=rng.choice(phrases), kind=kind, year=year)
        mentions = []
        body = [FILLER[0], rng.choice(sentences)]
        body += rng.sample(FILLER[1:], 4)
        body.append(rng.choice(sentences))
        if rng.random() < 0.35:  # a passing mention of another topic (a graded-1 distractor)
            other = rng.choice([t for t in topics if t != topic])
            mentions.append(other)
            body.append(rng.choice(TOPICS[other][1]))
        body += rng.sample(FILLER[1:], 3)
        number = f"沪应急{rng.choice(['规', '发', '办', '综'])}〔{year}〕{n % 997 + 1}号"
        validity, label, _w = rng.choices(VALIDITY, weights=[v[2] for v in VALIDITY])[0]
        section, column = columns[n % len(columns)]
        facets = {
            "validity": validity, "validity_label": label, "issuer": issuer, "doc_type": kind,
            "doc_number": number, "index_number": f"SHYJ-{year}-{n:06d}", "tags": [topic], "topics": [],
            "is_public": True, "service_items": [("在线办理", "https://zwdt.sh.gov.cn/")] if n % 9 == 0 else [],
            "attachments": [], "written_date": None,
        }
        yield SynthDoc(n=n, title=title, body="".join(body), topic=topic, mentions=mentions, facets=facets,
                       section=section, column=column)
