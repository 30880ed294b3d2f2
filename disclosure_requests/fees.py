"""信息处理费 under 国办函〔2020〕109号, computed from the ``FeeTier`` rows (data, not code).

按件 (per item): the request's place among the requests the same applicant (same
identity document or credit code) sent in the same calendar month decides its rate.
按量 (per page): the pages provided for this request, each band at its own rate.
Below the first tier everything is free; with no tiers at all nothing is charged.
"""
from decimal import Decimal

from .models import DisclosureRequest, FeeBasis, FeeTier

MAX_UNITS = 100_000  # a bound on the pages counted, so bad input cannot make the sum slow


def fee_for_units(basis, first, last, tiers=None):
    """Yuan for units ``first`` … ``last`` (1-based, inclusive) under the tiers of ``basis``."""
    if not basis or last < first:
        return Decimal("0.00")
    tiers = list(FeeTier.objects.filter(basis=basis)) if tiers is None else [t for t in tiers if t.basis == basis]
    total = Decimal("0")
    for tier in tiers:
        low = max(first, tier.above + 1)
        high = last if tier.up_to is None else min(last, tier.up_to)
        if high < low:
            continue
        if not tier.step:
            total += tier.amount * (high - low + 1)
            continue
        unit = low
        while unit <= high:  # band by band: each band of ``step`` units has one rate
            band_end = min(high, tier.above + tier.step * ((unit - tier.above - 1) // tier.step + 1))
            total += tier.rate(unit) * (band_end - unit + 1)
            unit = band_end + 1
    return total.quantize(Decimal("0.01"))


def monthly_position(request):
    """Which request of its applicant in its calendar month this one is (1 for the first)."""
    day = request.received_date
    same = DisclosureRequest.objects.filter(id_type=request.id_type, id_number=request.id_number,
                                            received_date__year=day.year, received_date__month=day.month)
    earlier = same.filter(received_date__lt=day).count()
    if request.pk:
        earlier += same.filter(received_date=day, pk__lt=request.pk).count()
    return earlier + 1


def suggested_fee(request, basis, pages=None):
    """(fee in yuan, the quantity counted) for ``basis``: per item the monthly position, per page the pages."""
    if basis == FeeBasis.PER_ITEM:
        position = monthly_position(request)
        return fee_for_units(basis, position, position), position
    if basis == FeeBasis.PER_PAGE:
        pages = min(max(int(pages or 0), 0), MAX_UNITS)
        return fee_for_units(basis, 1, pages), pages
    return Decimal("0.00"), None


# 国办函〔2020〕109号 第五条, the same rows as migration 0003 (which keeps its own frozen copy).
STANDARD_109 = [
    # basis, above, up_to, yuan per unit, step, rise per step
    (FeeBasis.PER_ITEM, 10, 30, "100", None, None),
    (FeeBasis.PER_ITEM, 30, None, "200", 10, "100"),
    (FeeBasis.PER_PAGE, 30, 100, "10", None, None),
    (FeeBasis.PER_PAGE, 100, 200, "20", None, None),
    (FeeBasis.PER_PAGE, 200, None, "40", None, None),
]


def install_standard_tiers():
    """Create the 109号 tiers when there are none (a fresh or flushed database); return how many were made."""
    if FeeTier.objects.exists():
        return 0
    for basis, above, up_to, amount, step, increase in STANDARD_109:
        FeeTier.objects.create(basis=basis, above=above, up_to=up_to, amount=Decimal(amount), step=step,
                               step_increase=Decimal(increase) if increase else None)
    return len(STANDARD_109)
