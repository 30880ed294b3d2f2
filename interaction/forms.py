import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.public_forms import PublicForm, reject_control_characters

from .models import Letter, Rating

PHONE = re.compile(r"^\+?[0-9][0-9 \-]{5,18}[0-9]$")


class LetterForm(PublicForm):
    """What a member of the public writes: the guard adds CAPTCHA, honeypot and control-character checks."""

    letter_type = forms.TypedChoiceField(label=_("Type"), coerce=int)
    title = forms.CharField(label=_("Title"), max_length=Letter._meta.get_field("title").max_length)
    body = forms.CharField(label=_("Content"), max_length=3000, widget=forms.Textarea(attrs={"rows": 8}),
                           help_text=_("At most 3000 characters."))
    name = forms.CharField(label=_("Name"), max_length=30)
    phone = forms.CharField(label=_("Phone"), max_length=20, required=False,
                            widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}))
    email = forms.EmailField(label=_("E-mail"), max_length=100, required=False,
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    allow_publish = forms.BooleanField(label=_("The letter and its reply may be published (name masked)"),
                                       required=False, initial=True)

    def __init__(self, *args, letter_types=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.letter_types = {t.pk: t for t in letter_types}
        self.fields["letter_type"].choices = [(t.pk, t.name) for t in letter_types]
        if len(self.letter_types) == 1:
            self.fields["letter_type"].widget = forms.HiddenInput()
            self.fields["letter_type"].initial = next(iter(self.letter_types))
        else:
            self.fields["letter_type"].widget = forms.RadioSelect(choices=self.fields["letter_type"].choices)
        self.fields["phone"].help_text = _("Give a phone number or an e-mail address, so the bureau can reach you.")
        self.fields["title"].widget.attrs["autocomplete"] = "off"
        self.fields["name"].widget.attrs["autocomplete"] = "name"

    def clean_title(self):
        title = " ".join(self.cleaned_data["title"].split())
        if not title:
            raise ValidationError(_("Write a title."))
        return title

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if len(body) < 5:
            raise ValidationError(_("Write at least 5 characters."))
        return body

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not PHONE.match(phone):
            raise ValidationError(_("Enter a phone number with digits only (a leading + and dashes are fine)."))
        return phone

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("phone") and not cleaned.get("email"):
            raise ValidationError(_("Give a phone number or an e-mail address."), code="contact")
        cleaned["letter_type"] = self.letter_types.get(cleaned.get("letter_type"))
        return cleaned


class QueryForm(forms.Form):
    number = forms.CharField(label=_("Letter number"), max_length=20, validators=[reject_control_characters])
    code = forms.CharField(label=_("Query code"), max_length=20, validators=[reject_control_characters],
                           widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}))

    def clean_number(self):
        return self.cleaned_data["number"].strip()


class RatingForm(QueryForm):
    rating = forms.TypedChoiceField(label=_("How satisfied are you with the reply?"), coerce=int,
                                    choices=Rating.choices, widget=forms.RadioSelect)
