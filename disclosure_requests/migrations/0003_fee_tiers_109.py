"""The fee standards of 国办函〔2020〕109号 (政府信息公开信息处理费管理办法 第五条) as the starting data.

按件: up to 10 requests by one applicant in a calendar month free; the 11th–30th 100 yuan each;
beyond 30, 100 yuan more per item for every further 10 (31st–40th 200, 41st–50th 300 …).
按量: up to 30 pages free; pages 31–100 10 yuan each, 101–200 20 yuan, beyond 200 40 yuan.
The operator edits them in the admin (设置 → 信息处理费标准); deleting them all makes every request free.
"""
from decimal import Decimal

from django.db import migrations

TIERS = [
    # basis, above, up_to, amount, step, step_increase
    ("per_item", 10, 30, "100", None, None),
    ("per_item", 30, None, "200", 10, "100"),
    ("per_page", 30, 100, "10", None, None),
    ("per_page", 100, 200, "20", None, None),
    ("per_page", 200, None, "40", None, None),
]


def seed(apps, schema_editor):
    FeeTier = apps.get_model("disclosure_requests", "FeeTier")
    if FeeTier.objects.exists():
        return
    for basis, above, up_to, amount, step, increase in TIERS:
        FeeTier.objects.create(basis=basis, above=above, up_to=up_to, amount=Decimal(amount), step=step,
                               step_increase=Decimal(increase) if increase else None)


class Migration(migrations.Migration):
    dependencies = [("disclosure_requests", "0002_fees_109")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
