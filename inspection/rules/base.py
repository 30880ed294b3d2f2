import datetime
from dataclasses import dataclass, field

from ..models import Severity

# 国务院办公厅秘书局《政府网站与政务新媒体检查指标》(国办秘函〔2019〕19号)
INDICATORS = "国办秘函〔2019〕19号"


@dataclass
class FindingData:
    rule: str
    key: str
    severity: str
    message: str
    source: str
    single_veto: bool = False
    page_id: int | None = None
    column_id: int | None = None
    department_id: int | None = None
    days_left: int | None = None
    data: dict = field(default_factory=dict)


@dataclass
class Context:
    today: datetime.date
    snapshot: object = None
    now: datetime.datetime | None = None


def ok(rule, key, message, source, single_veto=False, **kw):
    return FindingData(rule, key, Severity.OK, message, source, single_veto=single_veto, **kw)
