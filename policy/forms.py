"""Admin page forms for the policy library."""
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from core.forms import SlugFromTitleMixin

MAX_TAGS = 30


class PolicyDocumentForm(SlugFromTitleMixin, WagtailAdminPageForm):
    """Editors may apply only active tags from the catalogue (标签目录)."""

    def clean_tags(self):
        # The tag model is reached through the edited model's field, so forms never import models (no cycle).
        PolicyTag = self._meta.model._meta.get_field("tags").related_model
        names = self.cleaned_data.get("tags") or []
        if len(names) > MAX_TAGS:
            raise forms.ValidationError(_("A document can carry at most %(max)d tags.") % {"max": MAX_TAGS})
        allowed = {
            name.lower(): name
            for name in PolicyTag.objects.filter(is_active=True).values_list("name", flat=True)
        }
        unknown = [name for name in names if name.lower() not in allowed]
        if unknown:
            raise forms.ValidationError(
                _("Not in the tag catalogue: %(tags)s. Ask the 办公室 to add them to the catalogue.")
                % {"tags": "、".join(unknown[:10])}
            )
        # Use the catalogue's spelling so case variants never create a new tag.
        return [allowed[name.lower()] for name in names]
