from django.db import models


class PendingPass(models.Model):
    """A page whose deferred publishing pass (core.bulk) has not run yet.

    Written in the same transaction as the page it names, deleted when the
    pass's batch commits: after a kill -9 the rows say exactly which pages
    still need indexing, and the next bulk run (or ``resume_deferred_passes``)
    does it. Without them a re-run found the rows "unchanged" and never
    indexed the pages (issue 18, failure 3).
    """

    kind = models.CharField(max_length=40)
    page_id = models.BigIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "page_id"], name="core_pendingpass_unique")]
