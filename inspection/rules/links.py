"""Broken links, from the link checker's stored results (a link counts after failing twice)."""
from django.utils.translation import gettext as _

from .base import FindingData
from ..models import LinkResult, Severity

RULE = "links"
SOURCE = "国办秘函〔2019〕19号 扣分指标 可用性（链接可用性：首页及其他页面不可用链接）；上海应急管理网站运行保障工作制度：链接准确性"


def check(ctx):
    failing = LinkResult.objects.filter(ok=False, consecutive_failures__gte=2).prefetch_related("pages")
    for result in failing.iterator(chunk_size=500):
        reason = result.error or f"HTTP {result.status_code}"
        for page in result.pages.all():
            department_id = getattr(page.specific_deferred, "department_id", None)
            yield FindingData(RULE, f"{page.pk}:{result.url[:200]}", Severity.DEDUCT,
                              _("Broken link %(url)s on %(title)s (%(reason)s, failing since %(since)s).") % {
                                  "url": result.url, "title": page.title, "reason": reason, "since": result.first_failed},
                              SOURCE, page_id=page.pk, department_id=department_id,
                              data={"url": result.url, "reason": reason})
