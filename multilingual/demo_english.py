"""Hand-written English for the small English demo site.

Keyed by the Simplified Chinese source string (the wagtail-localize segment),
so the demo stays correct whatever the database ids are. A page whose
segments are not all covered here is left untranslated (and not published).
"""

PAGES = [
    # Slug paths below the home page; "" is the home page itself. Parents first.
    "",
    "xwzx",
    "zwgk",
    "zwhd",
    "ysfw",
    "aqzt",
    "xwzx/xw",
    "xwzx/xw/demo-1",
    "xwzx/xw/demo-2",
    "zwgk/zfxxgk",
    "zwgk/zfxxgk/xxgkzn",
    "zwgk/zfxxgk/xxgkzn/demo-1",
    # One column and item in each of the other three sections, so that every section of /en/ has content.
    "zwhd/zxzx",
    "zwhd/zxzx/demo-2",
    "ysfw/wsbs",
    "ysfw/wsbs/czsc",
    "ysfw/wsbs/czsc/demo-3",
    "aqzt/dflz",
    "aqzt/dflz/gzdt",
    "aqzt/dflz/gzdt/demo-1",
]

ENGLISH = {
    "上海应急管理": "Shanghai Emergency Management",
    "新闻中心": "News Center",
    "政务公开": "Government Information Disclosure",
    "政务互动": "Public Interaction",
    "营商服务": "Business Services",
    "安全专题": "Safety Topics",
    "新闻": "News",
    "政府信息公开": "Government Information",
    "信息公开指南": "Disclosure Guide",
    "宣传培训处": "Publicity and Training Division",
    "办公室": "General Office",
    "直属机关党委": "Party Committee of the Bureau's Organs",
    "上海市应急管理局": "Shanghai Emergency Management Bureau",
    "在线咨询": "Online Enquiries",
    "关于应急预案备案流程的咨询": "Enquiry about filing an emergency plan",
    "网上办事": "Online Services",
    "操作手册": "User Guides",
    "2026年操作手册工作要点": "Key points for the user guides in 2026",
    "党风廉政": "Integrity in Government",
    "工作动态": "Work Updates",
    "工作动态：部署应急物资储备重点工作": "Work update: priorities for emergency supply reserves set out",
    "市民如发现安全生产违法行为或重大事故隐患，可拨打12345市民服务热线或通过“随申办”进行举报，经核查属实的将按规定给予奖励。":
        "Residents who see a breach of work safety rules or a major hazard can report it on the 12345 citizen "
        "hotline or through the Suishenban app; reports found to be true are rewarded according to the rules.",
    "市应急管理局召开2026年第三季度安全生产形势分析会":
        "Municipal Emergency Management Bureau reviews work safety in the third quarter of 2026",
    "全市危险化学品安全专项整治工作推进会召开":
        "City holds progress meeting on the special campaign for hazardous chemicals safety",
    "上海市应急管理局政府信息公开指南（2026年修订）":
        "Guide to Government Information Disclosure of the Shanghai Emergency Management Bureau (2026 revision)",
    "各区应急管理局要进一步加强组织领导，细化工作方案，明确时间节点和责任分工，确保各项任务按期完成，并及时报送工作进展情况。":
        "District emergency management bureaus are to strengthen leadership, refine their work plans, set clear "
        "deadlines and responsibilities, make sure every task is completed on schedule, and report progress promptly.",
    "为深入贯彻落实党中央、国务院关于安全生产和应急管理工作的决策部署，进一步压实安全生产责任，有效防范化解重大安全风险，市应急管理局结合本市实际，认真组织开展相关工作。":
        "To implement the decisions of the Central Committee and the State Council on work safety and emergency "
        "management, hold every party to its safety responsibilities and prevent major risks, the Municipal "
        "Emergency Management Bureau has organised this work in the light of conditions in the city.",
    "本次活动通过现场讲解、案例警示、互动问答等形式，向市民普及防灾减灾和自救互救知识，进一步提升了全社会的安全意识和应急能力。":
        "Through on-site briefings, case studies and question-and-answer sessions, the event taught residents how "
        "to prevent and reduce disasters and how to help themselves and others, raising safety awareness and "
        "emergency preparedness across society.",
    "检查组深入企业生产现场，详细查看了危险化学品储存、特种作业人员持证上岗、应急预案演练等情况，对发现的问题当场反馈，并督促企业限期整改到位。":
        "Inspectors visited production sites to check hazardous chemicals storage, the certification of special "
        "operations staff and emergency drills; problems were reported on the spot and the companies were told "
        "to correct them by a set deadline.",
    "下一步，市应急管理局将持续加大监督检查和执法力度，对重大事故隐患实行挂牌督办，对拒不整改的依法从严查处，并将典型案例向社会公开曝光。":
        "The bureau will step up inspection and enforcement: major hazards will be placed under listed "
        "supervision, companies that refuse to correct them will be dealt with strictly according to law, and "
        "typical cases will be made public.",
    "演练模拟了暴雨引发地下空间积水、人员被困的险情，参演单位按照预案迅速响应，开展人员疏散、排水抢险和医疗救护，检验了多部门协同处置能力。":
        "The drill simulated a rainstorm flooding underground spaces and trapping people; the participating units "
        "responded according to their plans with evacuation, pumping and medical care, testing how well "
        "departments work together.",
    "会议指出，当前全市安全生产形势总体平稳，但一些行业领域事故隐患仍然突出，各单位要坚持人民至上、生命至上，以“时时放心不下”的责任感抓好各项措施落实。":
        "The meeting noted that work safety in the city is stable overall, but hazards remain serious in some "
        "industries; every unit must put people and their lives first and carry out each measure with constant "
        "vigilance.",
    "企业是安全生产的责任主体，主要负责人是本单位安全生产第一责任人。各企业要健全全员安全生产责任制，加强从业人员教育培训，严格落实隐患排查治理制度。":
        "Companies bear primary responsibility for work safety, and their principal managers are the first person "
        "responsible in each company. Companies must establish safety responsibilities for all staff, strengthen "
        "training, and strictly apply the system for finding and eliminating hazards.",
}
