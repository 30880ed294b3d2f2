from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models.confidentiality import Conclusion, YesNo


class ConfidentialityReviewForm(forms.Form):
    """信息发布保密审查表. Approval needs every answer on the safe side."""

    involves_secrets = forms.ChoiceField(
        label=_("Does it involve state secrets or work secrets?"), choices=YesNo.choices, widget=forms.RadioSelect,
    )
    involves_privacy = forms.ChoiceField(
        label=_("Does it involve personal privacy or trade secrets?"), choices=YesNo.choices, widget=forms.RadioSelect,
    )
    aggregation_risk = forms.ChoiceField(
        label=_("Could it leak secrets once aggregated with other published data?"),
        choices=YesNo.choices, widget=forms.RadioSelect,
    )
    timing_appropriate = forms.ChoiceField(
        label=_("Is the publication timing appropriate?"), choices=YesNo.choices, widget=forms.RadioSelect,
    )
    format_compliant = forms.ChoiceField(
        label=_("Are the format and wording compliant?"), choices=YesNo.choices, widget=forms.RadioSelect,
    )
    conclusion = forms.ChoiceField(label=_("Conclusion"), choices=Conclusion.choices)
    basis = forms.CharField(label=_("Basis of the review"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    reviewer_name = forms.CharField(
        label=_("Reviewer"), max_length=100, required=False,
        help_text=_("Leave empty to sign with the name of your account."),
    )
    review_date = forms.DateField(label=_("Review date"), initial=timezone.localdate)
    comment = forms.CharField(label=_("Comment"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 2}))

    SAFE_ANSWERS = {
        "involves_secrets": YesNo.NO,
        "involves_privacy": YesNo.NO,
        "aggregation_risk": YesNo.NO,
        "timing_appropriate": YesNo.YES,
        "format_compliant": YesNo.YES,
    }

    def clean(self):
        cleaned = super().clean()
        for field, safe in self.SAFE_ANSWERS.items():
            if field in cleaned and cleaned[field] != safe:
                self.add_error(field, _("With this answer the item cannot be approved: request changes instead."))
        return cleaned
