"""有效性: derived from the document's dates and the amend/repeal links.

Order of precedence (first match wins): 已废止 (a live document that repeals it
has taken effect), 已失效 (有效期至 has passed), 尚未施行 (施行日期 is in the
future), 已修改 (a live amending document has taken effect), else 现行有效.
An explicit override (e.g. repealed by a document published elsewhere)
wins over everything.
"""
from django.db import models
from django.utils.translation import gettext_lazy as _


class Validity(models.TextChoices):
    NOT_YET = "not_yet", _("Not yet in force")
    IN_FORCE = "in_force", _("In force")
    AMENDED = "amended", _("Amended")
    REPEALED = "repealed", _("Repealed")
    EXPIRED = "expired", _("Expired")


def derive_validity(*, today, effective_date, expiry_date, repeal_dates=(), amend_dates=(), override=""):
    """Pure function: the validity code for the given facts.

    ``repeal_dates`` / ``amend_dates`` are the 施行日期 (or None = immediately)
    of the live documents that repeal / amend this one.
    """
    if override:
        return override
    if any(d is None or d <= today for d in repeal_dates):
        return Validity.REPEALED
    if expiry_date and expiry_date < today:
        return Validity.EXPIRED
    if effective_date and effective_date > today:
        return Validity.NOT_YET
    if any(d is None or d <= today for d in amend_dates):
        return Validity.AMENDED
    return Validity.IN_FORCE
