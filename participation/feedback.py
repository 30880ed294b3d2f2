"""征集情况反馈: the report built from the adoption marks, saved as a draft page for review."""
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from .models import Adoption, CommentStatus, FeedbackPage, ParticipationComment


def build_report(consultation):
    """Counts and the marked opinions per article; no submitter's personal data ever enters it."""
    comments = list(ParticipationComment.objects.filter(page=consultation).order_by("part_number", "created_at", "pk"))
    labels = dict(Adoption.choices)
    counts = {key: 0 for key in ("adopted", "partial", "not_adopted", "unmarked")}
    groups = {}
    for c in comments:
        counts[c.adoption or "unmarked"] += 1
        # Only comments fit for publication are quoted; all are counted.
        if c.adoption and c.status == CommentStatus.APPROVED:
            key = c.part_number or 0
            groups.setdefault(key, {"label": c.part_label or _("Whole draft"), "comments": []})["comments"].append({
                "id": c.pk, "body": c.body, "adoption": c.adoption, "adoption_label": str(labels[c.adoption]),
                "reason": c.adoption_reason,
            })
    return {
        "total": len(comments),
        "published": sum(1 for c in comments if c.status == CommentStatus.APPROVED),
        "counts": counts,
        "period": f"{consultation.start_date:%Y年%-m月%-d日}至{consultation.end_date:%Y年%-m月%-d日}",
        "parts": [groups[k] for k in sorted(groups)],
        "generated_at": timezone.now().isoformat(),
    }


def generate_feedback_draft(consultation, user):
    """Create the feedback page (or a new revision of it) from the current marks; it is not published here."""
    report = build_report(consultation)
    page = FeedbackPage.objects.child_of(consultation).first()
    if page is None:
        page = FeedbackPage(
            title=(_("Feedback on the comments: %(title)s") % {"title": consultation.title})[:255],
            slug="feedback", report=report, live=False, owner=user, department=consultation.department,
            info_source=consultation.info_source,
        )
        consultation.add_child(instance=page)
        created = True
    else:
        page = page.get_latest_revision_as_object()
        page.report = report
        created = False
    revision = page.save_revision(user=user, log_action=True)
    log(consultation, "participation.feedback_generated", user=user,
        data={"feedback": page.pk, "total": report["total"], "created": created})
    return page, revision
