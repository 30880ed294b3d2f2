"""The public application form (through the shared guard) and the staff forms."""
import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.public_forms import PublicFormMixin, reject_control_characters

from .models import (
    DEFAULT_CORRECTION_PERIOD, MAX_EXTENSION, ApplicantType, DeliveryChannel, DisclosureRequest, FeeBasis, IdType,
    ReceivedChannel,
)
from .fees import MAX_UNITS
from .outcomes import Outcome
from .validators import is_valid_id_card, is_valid_uscc, normalise

PHONE = re.compile(r"^[0-9+\-() ]{7,20}$")
POSTCODE = re.compile(r"^\d{6}$")

APPLICANT_FIELDS = [
    "applicant_type", "name", "id_type", "id_number", "contact_person", "phone", "email", "address", "postcode",
    "info_title", "info_doc_number", "description", "delivery_form", "delivery_channel",
]


class ApplicantFieldsMixin:
    """Rules shared by the online form and the staff registration form."""

    def _setup_applicant_fields(self):
        self.fields["applicant_type"].widget = forms.RadioSelect(choices=ApplicantType.choices)
        self.fields["description"].widget = forms.Textarea(attrs={"rows": 5, "maxlength": "2000"})
        self.fields["description"].help_text = _(
            "Describe the information: its name, document number or other features that identify it.")
        self.fields["id_number"].help_text = _(
            "Natural persons: identity card or other document number. Organisations: unified social credit code.")
        self.fields["contact_person"].help_text = _("For organisations: the person we may contact.")
        for name in ("name", "id_number", "phone", "info_title", "description"):
            self.fields[name].required = True

    def clean_id_number(self):
        return normalise(self.cleaned_data.get("id_number"))

    def clean_phone(self):
        phone = (self.cleaned_data.get("phone") or "").strip()
        if not PHONE.match(phone):
            raise ValidationError(_("Enter a telephone number (digits, 7 to 20 characters)."))
        return phone

    def clean_postcode(self):
        code = (self.cleaned_data.get("postcode") or "").strip()
        if code and not POSTCODE.match(code):
            raise ValidationError(_("A postcode has 6 digits."))
        return code

    def clean(self):
        cleaned = super().clean()
        kind, id_type, number = cleaned.get("applicant_type"), cleaned.get("id_type"), cleaned.get("id_number")
        if kind and id_type:
            if kind == ApplicantType.NATURAL and id_type == IdType.USCC:
                self.add_error("id_type", _("A natural person gives an identity document, not a credit code."))
            elif kind != ApplicantType.NATURAL and id_type != IdType.USCC:
                self.add_error("id_type", _("An organisation gives its unified social credit code."))
            elif number and id_type == IdType.ID_CARD and not is_valid_id_card(number):
                self.add_error("id_number", _("This is not a valid resident identity card number."))
            elif number and id_type == IdType.USCC and not is_valid_uscc(number):
                self.add_error("id_number", _("This is not a valid unified social credit code."))
            elif number and id_type == IdType.OTHER and not re.match(r"^[A-Z0-9\-]{5,30}$", number):
                self.add_error("id_number", _("Enter the document number (letters and digits)."))
        if kind and kind != ApplicantType.NATURAL and not (cleaned.get("contact_person") or "").strip():
            self.add_error("contact_person", _("An organisation names a contact person."))
        channel = cleaned.get("delivery_channel")
        if channel == DeliveryChannel.EMAIL and not cleaned.get("email"):
            self.add_error("email", _("Give an e-mail address to receive the information by e-mail."))
        if channel == DeliveryChannel.POST and not (cleaned.get("address") and cleaned.get("postcode")):
            self.add_error("address", _("Give a postal address and postcode to receive the information by post."))
        return cleaned


class OnlineRequestForm(ApplicantFieldsMixin, PublicFormMixin, forms.ModelForm):
    class Meta:
        model = DisclosureRequest
        fields = APPLICANT_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._setup_applicant_fields()
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["phone"].widget.attrs.update({"autocomplete": "tel", "inputmode": "tel"})


class StaffRegistrationForm(ApplicantFieldsMixin, forms.ModelForm):
    """A request received by letter, fax, e-mail or in person, with the date received per 第三十一条."""

    class Meta:
        model = DisclosureRequest
        fields = ["received_channel", "received_date"] + APPLICANT_FIELDS
        widgets = {"received_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._setup_applicant_fields()
        self.fields["received_channel"].choices = [c for c in ReceivedChannel.choices if c[0] != ReceivedChannel.ONLINE]
        self.fields["received_date"].help_text = _(
            "第三十一条: in person, the day it was handed in; by post, the day it was signed for (ordinary letters: "
            "the day confirmed with the applicant); by fax or e-mail, the day both sides confirmed it.")
        for field in self.fields.values():
            if isinstance(field, forms.CharField):
                field.validators.append(reject_control_characters)

    def clean_received_date(self):
        day = self.cleaned_data["received_date"]
        today = timezone.localdate()
        if day > today:
            raise ValidationError(_("The date cannot be in the future."))
        if day < today - datetime.timedelta(days=366):
            raise ValidationError(_("The date is more than a year ago."))
        return day


def _day_field(label=_("date")):
    return forms.DateField(label=label, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                           initial=timezone.localdate)


class TextField(forms.CharField):
    def __init__(self, *args, max_length=300, **kwargs):
        super().__init__(*args, max_length=max_length, validators=[reject_control_characters], **kwargs)


class CorrectionForm(forms.Form):
    day = _day_field(_("date of the notice"))
    text = TextField(label=_("what must be corrected"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)
    period = forms.IntegerField(label=_("period for the applicant (working days)"), min_value=1, max_value=60,
                                initial=DEFAULT_CORRECTION_PERIOD)


class DayForm(forms.Form):
    day = _day_field()


class ConsultForm(forms.Form):
    day = _day_field(_("date the opinion was asked"))
    party = TextField(label=_("third party or agency consulted"))


class ConsultationDoneForm(forms.Form):
    day = _day_field(_("date the opinion arrived"))
    note = TextField(label=_("note"), required=False)


class ExtensionForm(forms.Form):
    day = _day_field(_("date approved"))
    days = forms.IntegerField(label=_("working days added"), min_value=1, max_value=MAX_EXTENSION,
                              initial=MAX_EXTENSION)
    reason = TextField(label=_("reason"))
    approver = forms.ModelChoiceField(label=_("approved by"), queryset=None)

    def __init__(self, *args, approvers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["approver"].queryset = approvers


class AnswerForm(forms.Form):
    outcome = forms.ChoiceField(label=_("outcome"),
                                choices=[c for c in Outcome.choices if c[0] != Outcome.OTHER_NO_CORRECTION])
    answer_text = TextField(label=_("answer"), widget=forms.Textarea(attrs={"rows": 6}), max_length=5000)
    legal_basis = TextField(label=_("legal basis"), required=False)
    fee_basis = forms.ChoiceField(label=_("fee counted"), choices=[c for c in FeeBasis.choices if c[0]],
                                  initial=FeeBasis.PER_ITEM, required=False,
                                  help_text=_("国办函〔2020〕109号: by item or by quantity, never both."))
    pages = forms.IntegerField(label=_("pages provided"), min_value=0, max_value=MAX_UNITS, required=False,
                               help_text=_("Needed to count the fee by page (electronic files: as printed pages)."))
    fee = forms.DecimalField(label=_("fee (yuan)"), min_value=0, max_value=100000, decimal_places=2, required=False,
                             help_text=_("Leave empty to charge the fee computed from the fee tiers."))
    fee_reason = TextField(label=_("reason for a fee other than the computed one"), required=False)

    def clean_fee_basis(self):
        return self.cleaned_data.get("fee_basis") or FeeBasis.PER_ITEM

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("fee_basis") == FeeBasis.PER_PAGE and cleaned.get("pages") is None:
            self.add_error("pages", _("Give the number of pages provided to count the fee by page."))
        return cleaned


class ReturnForm(forms.Form):
    note = TextField(label=_("what must be changed"))


class SendForm(forms.Form):
    day = _day_field(_("date sent"))
    delivery_note = TextField(label=_("delivery record"))


class StatusForm(forms.Form):
    number = forms.CharField(label=_("request number"), max_length=20, validators=[reject_control_characters])
    code = forms.CharField(label=_("query code"), max_length=20, validators=[reject_control_characters])
