"""Public forms (through core.public_forms' guard) and the staff forms of the comment admin."""
import re

from django import forms
from django.utils.translation import gettext_lazy as _

from core.public_forms import PublicForm

from .models import Adoption, CommentStatus, QuestionKind

MOBILE = re.compile(r"^1[3-9]\d{9}$")


class CommentForm(PublicForm):
    part = forms.TypedChoiceField(label=_("Comment on"), coerce=int, empty_value=0, required=False)
    body = forms.CharField(label=_("Your comment"), widget=forms.Textarea(attrs={"rows": 6}), max_length=2000)
    name = forms.CharField(label=_("Name"), max_length=50, help_text=_("Not published."))
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False, help_text=_("Not published."))
    email = forms.EmailField(label=_("E-mail"), max_length=200, required=False, help_text=_("Not published."))

    def __init__(self, *args, parts=(), part_field_label=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.parts = {p.number: p for p in parts}
        if parts:
            self.fields["part"].choices = [("", _("The whole draft"))] + [(p.number, p.label) for p in parts]
        else:
            del self.fields["part"]
        if part_field_label:
            self.fields["body"].label = part_field_label

    def clean_phone(self):
        phone = self.cleaned_data.get("phone", "").strip()
        if phone and not re.fullmatch(r"[0-9+\- ()]{5,30}", phone):
            raise forms.ValidationError(_("Enter a phone number with digits only."))
        return phone


class ModerateForm(forms.Form):
    status = forms.ChoiceField(label=_("Moderation"), choices=[
        (CommentStatus.APPROVED, CommentStatus.APPROVED.label), (CommentStatus.REJECTED, CommentStatus.REJECTED.label),
        (CommentStatus.PENDING, CommentStatus.PENDING.label),
    ])
    note = forms.CharField(label=_("Moderation note"), max_length=500, required=False)


class MarkForm(forms.Form):
    adoption = forms.ChoiceField(label=_("Adoption"), choices=[c for c in Adoption.choices if c[0]])
    reason = forms.CharField(label=_("Reason"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("adoption") in (Adoption.PARTIAL, Adoption.NOT_ADOPTED) and not cleaned.get("reason", "").strip():
            raise forms.ValidationError(_("Give the reason for partly adopting or not adopting the comment."))
        return cleaned


class SurveyForm(PublicForm):
    """One field per question of the survey, plus a mobile number when the survey asks for one."""

    def __init__(self, *args, survey, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(survey.questions.all())
        fields = {}
        for q in self.questions:
            name = f"q{q.pk}"
            choices = list(enumerate(q.choice_list))
            if q.kind == QuestionKind.SINGLE:
                fields[name] = forms.TypedChoiceField(label=q.text, choices=choices, coerce=int, required=q.required,
                                                      widget=forms.RadioSelect)
            elif q.kind == QuestionKind.MULTIPLE:
                fields[name] = forms.TypedMultipleChoiceField(label=q.text, choices=choices, coerce=int,
                                                              required=q.required, widget=forms.CheckboxSelectMultiple)
            else:
                fields[name] = forms.CharField(label=q.text, required=q.required, max_length=2000,
                                               widget=forms.Textarea(attrs={"rows": 3}))
        if survey.ask_phone:
            fields["phone"] = forms.CharField(label=_("Mobile number"), max_length=11,
                                              help_text=_("Each number can answer once. Not published."))
        # Questions first, then the guard's honeypot and CAPTCHA.
        guard = dict(self.fields)
        self.fields = {**fields, **guard}
        for field in fields.values():
            if isinstance(field, forms.CharField):
                from core.public_forms import reject_control_characters
                field.validators.append(reject_control_characters)

    def clean_phone(self):
        phone = self.cleaned_data.get("phone", "").strip()
        if not MOBILE.match(phone):
            raise forms.ValidationError(_("Enter an 11-digit mainland mobile number."))
        return phone

    def answers(self):
        """[(question, choice indexes, text)] for the questions answered."""
        out = []
        for q in self.questions:
            value = self.cleaned_data.get(f"q{q.pk}")
            if q.kind == QuestionKind.SINGLE:
                out.append((q, [] if value in (None, "") else [value], ""))
            elif q.kind == QuestionKind.MULTIPLE:
                out.append((q, sorted(set(value or [])), ""))
            else:
                out.append((q, [], (value or "").strip()))
        return out
