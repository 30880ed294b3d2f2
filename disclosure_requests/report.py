"""政府信息公开工作年度报告: the tables counted from the site, their checks and exports.

Layout and row texts follow 国办公开办函〔2021〕30号. Table 三 is counted from
the requests:

- 一 本年新收: received during the year;
- 二 上年结转: received before the year and not closed before it;
- 三 办理结果: closed during the year, by outcome (its leaf row, its group, 总计);
- 四 结转下年度: received by the end of the year and not closed by then.

So in every column 一 + 二 = 三(七) + 四 holds for sound data; ``validate``
checks it (and every sum) on whatever tables it is given, computed or typed in.
"""
import datetime
import io
from collections import OrderedDict

from django.apps import apps
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from .models import ApplicantType, DisclosureRequest
from .outcomes import CARRIED_IN, CARRIED_OUT, NEW, TOTAL, report_rows

COLUMNS = [t.value for t in ApplicantType] + ["total"]
COLUMN_LABELS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]

# 二: (key, group label, content label, value columns)
TABLE2 = [
    ("rules", "第二十条第（一）项", "规章", ["issued", "repealed", "in_force"]),
    ("normative", "第二十条第（一）项", "行政规范性文件", ["issued", "repealed", "in_force"]),
    ("license", "第二十条第（五）项", "行政许可", ["decisions"]),
    ("penalty", "第二十条第（六）项", "行政处罚", ["decisions"]),
    ("coercion", "第二十条第（六）项", "行政强制", ["decisions"]),
    ("fees", "第二十条第（八）项", "行政事业性收费", ["amount"]),
]
TABLE2_COUNTED = {"rules", "normative", "license", "penalty"}
TABLE2_COLUMN_LABELS = {"issued": "本年制发件数", "repealed": "本年废止件数", "in_force": "现行有效件数",
                        "decisions": "本年处理决定数量", "amount": "本年收费金额（单位：万元）"}

# 四: 行政复议, 行政诉讼 (未经复议直接起诉, 复议后起诉): each 维持, 纠正, 其他, 尚未审结, 总计
TABLE4_BLOCKS = [("review", "行政复议"), ("direct", "行政诉讼·未经复议直接起诉"), ("after_review", "行政诉讼·复议后起诉")]
TABLE4_COLUMNS = [("upheld", "结果维持"), ("corrected", "结果纠正"), ("other", "其他结果"), ("pending", "尚未审结"),
                  ("total", "总计")]


def table3(year):
    """{row key: [7 numbers]} for table 三, counted from the requests."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    rows = report_rows()
    table = OrderedDict((key, [0] * len(COLUMNS)) for key, _label, _level, _leaves in rows)
    base = DisclosureRequest.objects.all()

    def add(key, queryset):
        for row in queryset.values("applicant_type").annotate(n=Count("id")):
            table[key][COLUMNS.index(row["applicant_type"])] += row["n"]

    add(NEW, base.filter(received_date__range=(start, end)))
    add(CARRIED_IN, base.filter(received_date__lt=start).filter(Q(closed_date__isnull=True) | Q(closed_date__gte=start)))
    add(CARRIED_OUT, base.filter(received_date__lte=end).filter(Q(closed_date__isnull=True) | Q(closed_date__gt=end)))
    closed = {}
    for row in base.filter(closed_date__range=(start, end)).values("applicant_type", "outcome").annotate(n=Count("id")):
        closed[(row["outcome"], row["applicant_type"])] = row["n"]
    for key, _label, _level, leaves in rows:
        if not leaves:
            continue
        for (outcome, kind), n in closed.items():
            if outcome in leaves:
                table[key][COLUMNS.index(kind)] += n
    for values in table.values():
        values[-1] = sum(values[:-1])
    table.pop("results")
    return table


def table2(year, entered=None):
    """{row key: {column: number}}: counted rows from policy and 双公示, the rest as entered."""
    entered = entered or {}
    table = OrderedDict()
    for key, _group, _label, columns in TABLE2:
        table[key] = {c: _number(entered.get(key, {}).get(c)) for c in columns}
    if apps.is_installed("policy"):
        from policy.api import annual_counts

        for key, counts in annual_counts(year).items():
            table[key] = dict(counts)
    if apps.is_installed("plugins.builtin.shuanggongshi"):
        from plugins.builtin.shuanggongshi.api import decision_counts

        for key, n in decision_counts(year).items():
            table[key] = {"decisions": n}
    return table


def table4(entered=None):
    entered = entered or {}
    return OrderedDict((block, {c: _number(entered.get(block, {}).get(c)) for c, _l in TABLE4_COLUMNS})
                       for block, _label in TABLE4_BLOCKS)


def _number(value):
    if value in (None, ""):
        return 0
    try:
        return int(value) if float(value) == int(float(value)) else float(value)
    except (TypeError, ValueError):
        return value  # validate() reports it


def tables_for(report):
    """The report's tables: frozen numbers once published, else counted now."""
    if report.frozen_tables:
        return report.frozen_tables
    return {
        "two": table2(report.year, report.proactive_entered),
        "three": table3(report.year),
        "four": table4(report.review_litigation),
        "fees": fees_charged(report.year),
    }


def validate(tables):
    """The problems that stop a report from being published (empty list: it adds up)."""
    problems = []
    three = tables.get("three") or {}
    rows = report_rows()
    labels = {key: label for key, label, _level, _leaves in rows}
    keys = [key for key, _label, _level, _leaves in rows if key != "results"]
    for key in keys:
        values = three.get(key)
        if not isinstance(values, list) or len(values) != len(COLUMNS) or not all(
                isinstance(v, int) and v >= 0 for v in values):
            problems.append(_("Table 3, row “%(row)s”: %(n)s whole numbers of 0 or more are needed.")
                            % {"row": labels[key], "n": len(COLUMNS)})
    if problems:
        return problems
    for key in keys:
        values = three[key]
        if sum(values[:-1]) != values[-1]:
            problems.append(_("Table 3, row “%(row)s”: the total column is %(total)s, the columns add up to %(sum)s.")
                            % {"row": labels[key], "total": values[-1], "sum": sum(values[:-1])})
    groups = [(key, leaves) for key, _label, level, leaves in rows if level == 1 and key != TOTAL]
    for c, column in enumerate(COLUMN_LABELS):
        for key, leaves in groups:
            leaf_keys = [str(leaf) for leaf in leaves]
            if leaf_keys != [key] and sum(three[k][c] for k in leaf_keys) != three[key][c]:
                problems.append(_("Table 3, column “%(column)s”: the sub-rows of “%(row)s” add up to %(sum)s, "
                                  "the row says %(value)s.") % {
                    "column": column, "row": labels[key], "value": three[key][c],
                    "sum": sum(three[k][c] for k in leaf_keys)})
        group_sum = sum(three[key][c] for key, _leaves in groups)
        if group_sum != three[TOTAL][c]:
            problems.append(_("Table 3, column “%(column)s”: rows (一) to (六) add up to %(sum)s, (七) 总计 says "
                              "%(value)s.") % {"column": column, "sum": group_sum, "value": three[TOTAL][c]})
        left = three[NEW][c] + three[CARRIED_IN][c]
        right = three[TOTAL][c] + three[CARRIED_OUT][c]
        if left != right:
            problems.append(_("Table 3, column “%(column)s”: 一 + 二 = %(left)s but 三(七) + 四 = %(right)s.")
                            % {"column": column, "left": left, "right": right})
    for key, _group, label, columns in TABLE2:
        for column in columns:
            value = (tables.get("two") or {}).get(key, {}).get(column)
            if not isinstance(value, (int, float)) or value < 0:
                problems.append(_("Table 2, “%(row)s” / “%(column)s”: a number of 0 or more is needed.")
                                % {"row": label, "column": TABLE2_COLUMN_LABELS[column]})
    four = tables.get("four") or {}
    for block, label in TABLE4_BLOCKS:
        values = four.get(block, {})
        parts = [values.get(c) for c, _l in TABLE4_COLUMNS]
        if not all(isinstance(v, int) and v >= 0 for v in parts):
            problems.append(_("Table 4, “%(block)s”: whole numbers of 0 or more are needed.") % {"block": label})
        elif sum(parts[:-1]) != parts[-1]:
            problems.append(_("Table 4, “%(block)s”: the results add up to %(sum)s, 总计 says %(value)s.")
                            % {"block": label, "sum": sum(parts[:-1]), "value": parts[-1]})
    return problems


class ReportInvalid(Exception):
    def __init__(self, problems):
        super().__init__("\n".join(problems))
        self.problems = problems


def table3_rows(three):
    """[(label, level, values)] in the official order, for templates and exports."""
    return [(label, level, three[key]) for key, label, level, _leaves in report_rows() if key != "results"] \
        if three else []


def fees_charged(year):
    """信息处理费 charged on the requests answered in ``year`` (国办函〔2020〕109号), counted for section 六."""
    from django.db.models import Sum

    charged = DisclosureRequest.objects.filter(closed_date__year=year, fee__gt=0)
    total = charged.aggregate(total=Sum("fee"))["total"] or 0
    return {"count": charged.count(), "total": f"{total:.2f}"}


def fees_sentence(fees):
    if not fees:
        return ""  # a report frozen before fees were counted
    if not fees["count"]:
        return "本年度未收取信息处理费。"
    return f"本年度依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费{fees['count']}件，共{fees['total']}元。"


def section_texts(report, tables=None):
    tables = tables if tables is not None else tables_for(report)
    six = "\n".join(t for t in (fees_sentence(tables.get("fees")), report.other_matters) if t)
    return [
        ("一、总体情况", report.overview),
        ("五、存在的主要问题及改进情况", report.problems),
        ("六、其他需要报告的事项", six),
    ]


def table2_rows(two):
    rows = []
    for key, group, label, columns in TABLE2:
        rows.append((group, label, [(TABLE2_COLUMN_LABELS[c], two.get(key, {}).get(c, 0)) for c in columns]))
    return rows


def export_xlsx(report, tables):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = "二、主动公开"
    sheet.append([f"{report.year}年政府信息公开工作年度报告"])
    sheet.append(["二、主动公开政府信息情况"])
    for group, label, cells in table2_rows(tables["two"]):
        sheet.append([group, label] + [x for pair in cells for x in pair])
    three = book.create_sheet("三、申请")
    three.append(["三、收到和处理政府信息公开申请情况"])
    three.append(["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "申请人情况"])
    three.append(["", "", "自然人", "法人或其他组织", "", "", "", "", "总计"])
    three.append(["", ""] + [""] + COLUMN_LABELS[1:6] + [""])
    three.merge_cells("C2:I2")
    three.merge_cells("D3:H3")
    for label, level, values in table3_rows(tables["three"]):
        three.append([label, ""] + list(values))
    three.column_dimensions["A"].width = 60
    four = book.create_sheet("四、复议诉讼")
    four.append(["四、政府信息公开行政复议、行政诉讼情况"])
    header = []
    for _block, label in TABLE4_BLOCKS:
        header += [label] + [""] * (len(TABLE4_COLUMNS) - 1)
    four.append(header)
    four.append([c_label for _b, _l in TABLE4_BLOCKS for _c, c_label in TABLE4_COLUMNS])
    four.append([tables["four"][block][c] for block, _l in TABLE4_BLOCKS for c, _cl in TABLE4_COLUMNS])
    texts = book.create_sheet("一五六、文字")
    for title, text in section_texts(report, tables):
        texts.append([title, text])
    for ws in book.worksheets:
        ws["A1"].font = Font(bold=True)
        ws["A1"].alignment = Alignment(wrap_text=False)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def export_docx(report, tables):
    from docx import Document

    document = Document()
    document.add_heading(f"{report.year}年政府信息公开工作年度报告", level=0)
    texts = dict(section_texts(report, tables))
    document.add_heading("一、总体情况", level=1)
    for paragraph in (texts["一、总体情况"] or "").split("\n"):
        if paragraph.strip():
            document.add_paragraph(paragraph.strip())
    document.add_heading("二、主动公开政府信息情况", level=1)
    rows2 = table2_rows(tables["two"])
    table = document.add_table(rows=0, cols=5)
    table.style = "Table Grid"
    for group, label, cells in rows2:
        row = table.add_row().cells
        row[0].text, row[1].text = group, label
        for i, (c_label, value) in enumerate(cells):
            row[2 + i].text = f"{c_label}：{value}"
    document.add_heading("三、收到和处理政府信息公开申请情况", level=1)
    table = document.add_table(rows=2, cols=2 + len(COLUMNS))
    table.style = "Table Grid"
    table.rows[0].cells[0].text = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    table.rows[0].cells[2].text = "申请人情况"
    table.rows[0].cells[2].merge(table.rows[0].cells[-1])
    for i, label in enumerate(COLUMN_LABELS):
        table.rows[1].cells[2 + i].text = label
    for label, level, values in table3_rows(tables["three"]):
        row = table.add_row().cells
        row[0].text = label
        row[0].merge(row[1])
        for i, value in enumerate(values):
            row[2 + i].text = str(value)
    document.add_heading("四、政府信息公开行政复议、行政诉讼情况", level=1)
    table = document.add_table(rows=1, cols=1 + len(TABLE4_COLUMNS))
    table.style = "Table Grid"
    for i, (_c, label) in enumerate(TABLE4_COLUMNS):
        table.rows[0].cells[1 + i].text = label
    for block, label in TABLE4_BLOCKS:
        row = table.add_row().cells
        row[0].text = label
        for i, (c, _l) in enumerate(TABLE4_COLUMNS):
            row[1 + i].text = str(tables["four"][block][c])
    for title in ("五、存在的主要问题及改进情况", "六、其他需要报告的事项"):
        document.add_heading(title, level=1)
        for paragraph in (texts[title] or "").split("\n"):
            if paragraph.strip():
                document.add_paragraph(paragraph.strip())
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def page_body(report, tables):
    """StreamField data for the published report page (heading, paragraph and table blocks)."""
    from django.utils.html import escape

    body = [("heading", f"{report.year}年政府信息公开工作年度报告")]

    def text(title, value):
        body.append(("heading", title))
        for paragraph in (value or "").split("\n"):
            if paragraph.strip():
                body.append(("paragraph", f"<p>{escape(paragraph.strip())}</p>"))

    texts = dict(section_texts(report, tables))
    text("一、总体情况", texts["一、总体情况"])
    body.append(("heading", "二、主动公开政府信息情况"))
    body.append(("table", {"caption": "", "rows": [[group, label] + [f"{c}：{v}" for c, v in cells]
                                                   for group, label, cells in table2_rows(tables["two"])]}))
    body.append(("heading", "三、收到和处理政府信息公开申请情况"))
    rows = [["", "申请人情况"] + COLUMN_LABELS]
    rows += [[label, ""] + [str(v) for v in values] for label, _level, values in table3_rows(tables["three"])]
    body.append(("table", {"caption": "", "rows": rows}))
    body.append(("heading", "四、政府信息公开行政复议、行政诉讼情况"))
    rows = [[""] + [label for _c, label in TABLE4_COLUMNS]]
    rows += [[label] + [str(tables["four"][b][c]) for c, _l in TABLE4_COLUMNS] for b, label in TABLE4_BLOCKS]
    body.append(("table", {"caption": "", "rows": rows}))
    text("五、存在的主要问题及改进情况", texts["五、存在的主要问题及改进情况"])
    text("六、其他需要报告的事项", texts["六、其他需要报告的事项"])
    return body
