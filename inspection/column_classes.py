"""Each column's 更新类别 (update class) from the site-tree data file.

The class comes from the column's ``update`` field in the file named by
``SITE_TREE_FILE`` (format documented at the top of the YAML). Without it,
the class is derived from the column's title and 信息更新方式, which suits the
seed 000 tree: 链接跳转 columns are exempt, 动态/新闻 columns are 动态, and so on.
"""
import datetime
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings

DYNAMIC, NOTICE, POLICY, STATIC, EXEMPT, CUSTOM = "动态", "通知公告", "政策文件", "static", "exempt", "custom"

# Keywords in a column title that decide its default class, first match wins.
_TITLE_DEFAULTS = [
    (("动态", "新闻", "要闻", "图片", "聚焦", "快讯", "工作信息"), DYNAMIC),
    (("通知", "公告", "公示", "通告"), NOTICE),
    (("政策", "文件", "法规", "规章", "解读", "规划"), POLICY),
]


@dataclass(frozen=True)
class UpdateClass:
    name: str  # DYNAMIC, NOTICE, POLICY, CUSTOM, STATIC or EXEMPT
    days: int | None = None  # for CUSTOM
    explicit: bool = False  # given in the data file rather than derived

    @property
    def checked(self):
        return self.name not in (STATIC, EXEMPT)

    @property
    def counts_for_stale_veto(self):
        """动态 and 通知公告/政策文件 columns count against the 5-stale veto; custom ones against the 10-long veto."""
        return self.name in (DYNAMIC, NOTICE, POLICY)

    def stale_since(self, today):
        """The cut-off: a column whose newest item is on or before this day is stale."""
        if self.name == DYNAMIC:
            return today - datetime.timedelta(days=14)
        if self.name in (NOTICE, POLICY):
            return _months_before(today, 6)
        if self.name == CUSTOM:
            return today - datetime.timedelta(days=self.days)
        return None

    def warning_days(self):
        """How many days before turning stale the owner is warned."""
        if self.name == DYNAMIC:
            return 4
        if self.name in (NOTICE, POLICY):
            return 30
        if self.name == CUSTOM:
            return max(1, self.days // 5)
        return 0

    @property
    def label(self):
        if self.name == CUSTOM:
            return f"{self.days}天"
        return {STATIC: "静态", EXEMPT: "免检"}.get(self.name, self.name)


def _months_before(day, months):
    month = day.month - months
    year = day.year
    while month <= 0:
        month += 12
        year -= 1
    for d in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, min(d, day.day))
        except ValueError:
            continue


def from_value(value):
    if value is None:
        return None
    if isinstance(value, int):
        return UpdateClass(CUSTOM, days=value, explicit=True)
    return UpdateClass(value, explicit=True)


def default_for(title, is_link=False):
    if is_link:
        return UpdateClass(EXEMPT)
    for words, name in _TITLE_DEFAULTS:
        if any(w in (title or "") for w in words):
            return UpdateClass(name)
    return UpdateClass(STATIC)


@lru_cache(maxsize=4)
def _classes_from_file(path):
    from sections.site_tree.spec import SiteTreeError, read_site_tree

    try:
        spec = read_site_tree(path)
    except SiteTreeError:
        return {}
    result = {}
    for node, parents in spec.walk():
        if node.kind in ("manual", "link"):
            result["/".join([p.slug for p in parents] + [node.slug])] = (
                from_value(node.update) or default_for(node.title, node.kind == "link")
            )
    return result


def file_classes():
    """{slug path below the home page: UpdateClass} for every column in the data file."""
    return _classes_from_file(str(settings.SITE_TREE_FILE))


def class_for(slug_path, title, is_link=False):
    return file_classes().get(slug_path) or default_for(title, is_link)
