"""Texts of the demo's site furniture: footer pages, 头条, 图片新闻 (Simplified Chinese; translated by the demo)."""

INFO_PAGES = [
    ("lxwm", "联系我们", [
        "上海市应急管理局　地址：上海市黄浦区福州路318号　邮政编码：200001",
        "值班电话：021-62750010（24小时）　网站运维：webmaster@yjglj.sh.gov.cn",
        "对本网站内容的意见和建议，请通过“政务互动”栏目的局长信箱提交，我们将在规定时限内答复。",
    ]),
    ("wzsm", "网站声明", [
        "本网站由上海市应急管理局主办，上海市应急管理宣传教育和信息中心承办，是本局发布政府信息、提供政务服务的官方网站。",
        "本网站发布的政府信息，以正式印发的文件为准。转载本网站内容，请注明来源，不得歪曲原意。",
        "本网站链接的外部网站由其主办单位负责，本网站不对其内容承担责任。",
    ]),
    ("yszc", "隐私政策", [
        "本网站尊重并保护用户个人信息。您通过依申请公开、局长信箱、意见征集等功能提交的姓名、证件号码和联系方式，仅用于办理相关事项，不在网站上公开。",
        "本网站不使用第三方统计或广告脚本，仅在您开启长者模式时保存一项显示偏好（Cookie），不用于识别个人身份。",
        "除法律、法规另有规定外，未经您同意，我们不会向第三方提供您的个人信息。如需查询、更正或删除个人信息，请通过“联系我们”页面所列方式与我们联系。",
    ]),
]

HEADLINE = (
    "toutiao-2026-winter",
    "市应急管理局部署今冬明春安全生产和防灾减灾工作",
    "会议要求各区、各部门紧盯岁末年初安全风险，全面开展隐患排查整治，确保全市安全形势持续稳定。",
    [
        "会议要求各区、各部门紧盯岁末年初安全风险，全面开展隐患排查整治，确保全市安全形势持续稳定。",
        "会议强调，要压紧压实企业主体责任和部门监管责任，聚焦危险化学品、燃气、建设施工和人员密集场所等重点领域，严防各类事故发生。",
    ],
)

PICTURE_NEWS = [
    ("tupian-1", "市应急管理局开展防汛防台综合演练", "防汛防台综合演练", "#1a4f8b",
     "演练模拟台风登陆引发城市内涝，多部门联动开展人员转移、排水抢险和医疗救护。"),
    ("tupian-2", "“安全生产月”宣传咨询日活动在人民广场举行", "安全生产月宣传咨询日", "#b3261e",
     "活动设置展板、互动体验和现场咨询，向市民普及安全生产和应急避险知识。"),
    ("tupian-3", "危险化学品企业安全检查现场", "危险化学品安全检查", "#2d6a4f",
     "检查组深入企业生产现场，详细查看危险化学品储存和特种作业人员持证上岗情况。"),
    ("tupian-4", "社区应急志愿者培训班开班", "社区应急志愿者培训", "#7a4b00",
     "培训围绕初期火灾扑救、心肺复苏和应急疏散展开，提升社区第一响应能力。"),
]

NEW_MEDIA = {
    "conac_id": "31000000000000058",
    "service_portal_name": "上海“一网通办”",
    "service_portal_url": "https://zwdt.sh.gov.cn/",
    "wechat_name": "上海应急",
    "weibo_name": "上海应急管理",
    "weibo_url": "https://weibo.com/",
    # The English site's forms (Shanghai's own English name for 一网通办).
    "service_portal_name_en": "Government Online-Offline Shanghai",
    "wechat_name_en": "Shanghai Emergency",
    "weibo_name_en": "Shanghai Emergency Management",
}
# What the demo QR codes encode (a real site uploads the images its accounts give it).
WECHAT_QR_DATA = "https://weixin.qq.com/"
WEIBO_QR_DATA = "https://weibo.com/"
