from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SpecialTopicConfig(AppConfig):
    name = "plugins.builtin.special_topic"
    label = "special_topic"
    verbose_name = _("Special topics")
    default_auto_field = "django.db.models.BigAutoField"
