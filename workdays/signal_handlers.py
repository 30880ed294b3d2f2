from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .calendar import clear_cache
from .models import WorkdayOverride


@receiver(post_save, sender=WorkdayOverride)
@receiver(post_delete, sender=WorkdayOverride)
def forget_cached_overrides(**kwargs):
    clear_cache()
    # Also after commit: a rolled-back or concurrent transaction must not leave a stale cache.
    transaction.on_commit(clear_cache)
