"""The one guard every public form goes through (letters, comments, requests, surveys).

A form a member of the public can post inherits ``PublicForm`` (or mixes
``PublicFormMixin`` into a ``ModelForm``) and its view is wrapped in
``guarded``::

    from core.public_forms import PublicForm, guarded

    class LetterForm(PublicForm):
        title = forms.CharField(label=_("title"), max_length=100)
        body = forms.CharField(label=_("body"), widget=forms.Textarea, max_length=3000)

    @guarded("letters", rate="5/10m")
    def write_letter(request): ...

What the guard gives, in one place:

- **CAPTCHA** (django-simple-captcha, arithmetic challenge). Its non-image
  alternative is the library's spoken version of the same challenge (Debian's
  ``flite``, found on the path by settings; without it the link is not shown), linked
  beside the image. A CAPTCHA answer can be tried only once.
- **Honeypot**: a field hidden from people; a post that fills it is refused
  with the same message as a wrong CAPTCHA, so a bot learns nothing.
- **Length limits**: every text field has a ``max_length`` (``DEFAULT_MAX_LENGTH``
  when the form does not say), and control characters other than tab and
  newline (NUL included, which PostgreSQL refuses) are rejected with a message.
- **Rate limiting** (django-ratelimit on the default cache: Redis in
  production, so all workers share the count): ``guarded(group, rate)`` counts
  POSTs per client address and answers an over-limit post with a Chinese 429
  page. Behind nginx set ``RATELIMIT_IP_META_KEY`` (see production settings).
- **Personal data**: models that store a member of the public's details
  declare them with ``PersonalDataMixin.personal_fields``. Public templates
  never print those fields; ``masked_name`` gives the 张* form a public listing
  may show; ``personal_values`` lists what must not appear in a public
  response, for tests. Only users with the model's ``view_personal_data``
  permission (a handling role) see them in the admin: check it with
  ``can_see_personal_data``.

A view that renders a CAPTCHA creates a row in ``captcha_captchastore``, so a
page holding a form must not be cached: serve forms on their own URLs (not in
the body of a cached Wagtail page) and link to them.
"""
import re
from functools import wraps

from captcha.fields import CaptchaField, CaptchaTextInput
from django import forms
from django.conf import settings
from django.core import checks
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited

DEFAULT_MAX_LENGTH = 2000
HONEYPOT_FIELD = "homepage"
# Tab, newline and carriage return are text; every other C0 control, DEL and
# the C1 block are not, and NUL breaks PostgreSQL text columns.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class GuardCaptchaInput(CaptchaTextInput):
    template_name = "core/public_forms/captcha.html"


class PublicFormMixin:
    """CAPTCHA, honeypot, length limits and control-character checks for a public form."""

    captcha_label = _("verification code")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField):
                if field.max_length is None:
                    field.max_length = DEFAULT_MAX_LENGTH
                    field.validators.append(_max_length_validator(DEFAULT_MAX_LENGTH))
                    field.widget.attrs.setdefault("maxlength", str(DEFAULT_MAX_LENGTH))
                field.validators.append(reject_control_characters)
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Leave this field empty"), required=False, max_length=200,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        self.fields["captcha"] = CaptchaField(
            label=self.captcha_label, widget=GuardCaptchaInput,
            error_messages={"invalid": _("The verification code is wrong. Please try the new one.")},
            help_text=_("Type the result of the sum in the picture. You can also listen to it."),
        )

    def clean(self):
        cleaned = super().clean()
        if self.data.get(HONEYPOT_FIELD):
            raise ValidationError(_("The verification code is wrong. Please try the new one."), code="honeypot")
        cleaned.pop(HONEYPOT_FIELD, None)
        cleaned.pop("captcha", None)
        return cleaned

    def visible_public_fields(self):
        """The fields a person fills in, without the honeypot (rendered apart, hidden)."""
        return [f for f in self if f.name != HONEYPOT_FIELD]

    @property
    def honeypot(self):
        return self[HONEYPOT_FIELD]


class PublicForm(PublicFormMixin, forms.Form):
    pass


def _max_length_validator(limit):
    from django.core.validators import MaxLengthValidator

    return MaxLengthValidator(limit)


def reject_control_characters(value):
    if isinstance(value, str) and CONTROL_CHARACTERS.search(value):
        raise ValidationError(_("The text contains invisible control characters. Please remove them."),
                              code="control_characters")


def guarded(group, rate="10/10m"):
    """Rate-limit POSTs to a public-form view per client address; over the limit, a Chinese 429 page.

    ``rate`` is django-ratelimit's syntax ("5/m", "20/h", "5/10m"). Settings
    ``PUBLIC_FORM_RATES = {group: rate}`` overrides it without code.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method == "POST" and getattr(settings, "RATELIMIT_ENABLE", True):
                group_rate = getattr(settings, "PUBLIC_FORM_RATES", {}).get(group, rate)
                if is_ratelimited(request, group=f"public-form:{group}", key="ip", rate=group_rate,
                                  method="POST", increment=True):
                    return render(request, "core/public_forms/rate_limited.html", status=429)
            return view(request, *args, **kwargs)

        wrapper.public_form_group = group
        return wrapper

    return decorator


class PersonalDataMixin:
    """Marks the fields of a model that hold a member of the public's personal data.

    Declare ``personal_fields = ("name", "phone", "email", ...)`` on the model and
    add ``("view_personal_data", "...")`` to its ``Meta.permissions``.
    """

    personal_fields: tuple = ()

    def personal_values(self):
        """The non-empty personal values of this record: none may appear in a public response."""
        values = []
        for name in self.personal_fields:
            value = getattr(self, name, None)
            if value not in (None, ""):
                values.append(str(value))
        return values


def masked_name(name):
    """张三 -> 张*, 欧阳小明 -> 欧***, "" -> 匿名: what a public listing may show of a name."""
    name = (name or "").strip()
    if not name:
        return str(_("anonymous"))
    return name[0] + "*" * max(1, len(name) - 1)


def can_see_personal_data(user, model):
    opts = model._meta
    return bool(user and user.is_active and user.has_perm(f"{opts.app_label}.view_personal_data"))


def client_ip(request):
    """The client address as the rate limiter sees it (REMOTE_ADDR, or the configured proxy header)."""
    from django_ratelimit.core import _get_ip

    return _get_ip(request)


@checks.register()
def check_personal_data_models(app_configs, **kwargs):
    """core.E101: a model declaring personal fields must have them and a view_personal_data permission."""
    from django.apps import apps

    errors = []
    for model in apps.get_models():
        if not issubclass(model, PersonalDataMixin):
            continue
        names = {f.name for f in model._meta.get_fields()}
        missing = [n for n in model.personal_fields if n not in names]
        if missing or not model.personal_fields:
            errors.append(checks.Error(
                f"{model._meta.label}.personal_fields names fields it does not have: {missing}",
                obj=model, id="core.E101"))
        if "view_personal_data" not in {codename for codename, _name in model._meta.permissions}:
            errors.append(checks.Error(
                f"{model._meta.label} stores personal data but has no view_personal_data permission",
                hint='Add ("view_personal_data", "...") to Meta.permissions.', obj=model, id="core.E102"))
    return errors
