from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PolicyConfig(AppConfig):
    name = "policy"
    label = "policy"
    verbose_name = _("Policy library")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import publishing, signal_handlers
        from .models.sync_publish import register_gate

        signal_handlers.connect()
        register_gate(
            is_releasing=lambda pk: pk in publishing._releasing.get(),
            request_publish=lambda revision, user, page=None: publishing.request_publish(revision, user, page=page)
            is not publishing.Outcome.NOT_GATED,
            guard_going_live=publishing.guard_going_live,
        )
