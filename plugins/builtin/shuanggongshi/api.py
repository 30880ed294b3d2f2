"""What other feature apps may ask the 双公示 plugin."""


def decision_counts(year):
    """Published 行政许可 and 行政处罚 decisions dated in ``year``: {"license": n, "penalty": n}."""
    from django.db.models import Count

    from .models import DisclosureRecord

    rows = (DisclosureRecord.objects.public().filter(decision_date__year=year)
            .values("kind").annotate(n=Count("id")))
    counts = {"license": 0, "penalty": 0}
    counts.update({row["kind"]: row["n"] for row in rows})
    return counts
