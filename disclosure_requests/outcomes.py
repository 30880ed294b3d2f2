"""The outcomes of a request, exactly as the rows of table 三 of the annual report.

Format: 国办公开办函〔2021〕30号, 《中华人民共和国政府信息公开工作年度报告格式》.
Each outcome code is one leaf row; ``REPORT_ROWS`` is the table in its order,
with the group rows whose values are the sums of their leaves.
"""
from django.db import models
from django.utils.translation import gettext_lazy as _


class Outcome(models.TextChoices):
    DISCLOSED = "disclosed", _("Disclosed")
    PARTLY = "partly", _("Partly disclosed")
    REFUSED_STATE_SECRET = "refused_secret", _("Not disclosed: state secret")
    REFUSED_LAW = "refused_law", _("Not disclosed: other laws and administrative regulations forbid disclosure")
    REFUSED_SAFETY = "refused_safety", _("Not disclosed: endangers the three securities and one stability")
    REFUSED_THIRD_PARTY = "refused_third_party", _("Not disclosed: protects a third party's lawful rights")
    REFUSED_INTERNAL = "refused_internal", _("Not disclosed: one of the three kinds of internal affairs")
    REFUSED_PROCESS = "refused_process", _("Not disclosed: one of the four kinds of process information")
    REFUSED_ENFORCEMENT = "refused_enforcement", _("Not disclosed: administrative enforcement case file")
    REFUSED_QUERY = "refused_query", _("Not disclosed: administrative query matter")
    UNAVAILABLE_NOT_HELD = "unavailable_not_held", _("Cannot be provided: this agency does not hold the information")
    UNAVAILABLE_TO_BE_MADE = "unavailable_to_be_made", _("Cannot be provided: no ready information, it would have to be made")
    UNAVAILABLE_UNCLEAR = "unavailable_unclear", _("Cannot be provided: still unclear after correction")
    NOT_HANDLED_PETITION = "not_handled_petition", _("Not handled: a petition, report or complaint")
    NOT_HANDLED_REPEAT = "not_handled_repeat", _("Not handled: a repeated request")
    NOT_HANDLED_PUBLICATION = "not_handled_publication", _("Not handled: asks for a public publication")
    NOT_HANDLED_MASS = "not_handled_mass", _("Not handled: many repeated requests without good reason")
    NOT_HANDLED_CONFIRM = "not_handled_confirm", _("Not handled: asks to confirm or reissue information already obtained")
    OTHER_NO_CORRECTION = "other_no_correction", _("Other: not corrected in time, no longer handled")
    OTHER_NO_FEE = "other_no_fee", _("Other: fee not paid in time, no longer handled")
    OTHER = "other_other", _("Other handling")


# (key, label, leaf outcomes summed into the row; None for a leaf row of its own code)
# Labels are the official row texts of the format.
GROUPS = [
    ("disclosed", "（一）予以公开", [Outcome.DISCLOSED]),
    ("partly", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", [Outcome.PARTLY]),
    ("refused", "（三）不予公开", [
        (Outcome.REFUSED_STATE_SECRET, "1.属于国家秘密"),
        (Outcome.REFUSED_LAW, "2.其他法律行政法规禁止公开"),
        (Outcome.REFUSED_SAFETY, "3.危及“三安全一稳定”"),
        (Outcome.REFUSED_THIRD_PARTY, "4.保护第三方合法权益"),
        (Outcome.REFUSED_INTERNAL, "5.属于三类内部事务信息"),
        (Outcome.REFUSED_PROCESS, "6.属于四类过程性信息"),
        (Outcome.REFUSED_ENFORCEMENT, "7.属于行政执法案卷"),
        (Outcome.REFUSED_QUERY, "8.属于行政查询事项"),
    ]),
    ("unavailable", "（四）无法提供", [
        (Outcome.UNAVAILABLE_NOT_HELD, "1.本机关不掌握相关政府信息"),
        (Outcome.UNAVAILABLE_TO_BE_MADE, "2.没有现成信息需要另行制作"),
        (Outcome.UNAVAILABLE_UNCLEAR, "3.补正后申请内容仍不明确"),
    ]),
    ("not_handled", "（五）不予处理", [
        (Outcome.NOT_HANDLED_PETITION, "1.信访举报投诉类申请"),
        (Outcome.NOT_HANDLED_REPEAT, "2.重复申请"),
        (Outcome.NOT_HANDLED_PUBLICATION, "3.要求提供公开出版物"),
        (Outcome.NOT_HANDLED_MASS, "4.无正当理由大量反复申请"),
        (Outcome.NOT_HANDLED_CONFIRM, "5.要求行政机关确认或重新出具已获取信息"),
    ]),
    ("other", "（六）其他处理", [
        (Outcome.OTHER_NO_CORRECTION, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        (Outcome.OTHER_NO_FEE, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        (Outcome.OTHER, "3.其他"),
    ]),
]

# Rows of table 三 with a key each, in the official order.
NEW = "new"
CARRIED_IN = "carried_in"
TOTAL = "total"
CARRIED_OUT = "carried_out"


def report_rows():
    """[(key, label, level, leaves)] for table 三; leaves = the outcome codes a row sums."""
    rows = [
        (NEW, "一、本年新收政府信息公开申请数量", 0, None),
        (CARRIED_IN, "二、上年结转政府信息公开申请数量", 0, None),
        ("results", "三、本年度办理结果", 0, None),
    ]
    for key, label, children in GROUPS:
        if children and isinstance(children[0], tuple):
            rows.append((key, label, 1, [code for code, _label in children]))
            rows.extend((str(code), sub_label, 2, [code]) for code, sub_label in children)
        else:
            rows.append((key, label, 1, list(children)))
    rows.append((TOTAL, "（七）总计", 1, [code for code in Outcome]))
    rows.append((CARRIED_OUT, "四、结转下年度继续办理", 0, None))
    return rows


def row_of(outcome):
    """The keys of the table-三 rows an outcome is counted in: its leaf row, its group, the total."""
    keys = []
    for key, _label, level, leaves in report_rows():
        if leaves and outcome in leaves:
            keys.append(key)
    return keys


# Outcomes whose 答复书 gives the information (the applicant may get a document).
GIVES_INFORMATION = {Outcome.DISCLOSED, Outcome.PARTLY}
