"""Admin CSV upload of 双公示 records (the same importer as `manage.py import_sgs`)."""
from django import forms
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from departments.models import Department

from .importer import MAX_FILE_BYTES, ImportError_, decode, import_rows
from .models import RecordKind


def can_import(user):
    return user.is_active and user.has_perm("shuanggongshi.add_disclosurerecord")


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import(request.user)


class UploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("kind"), choices=RecordKind.choices)
    department = forms.ModelChoiceField(label=_("responsible department"), queryset=Department.objects.none(), required=False)
    csv_file = forms.FileField(label=_("CSV file"), help_text=_("UTF-8 or GB18030, with the Chinese column headers."))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        qs = Department.objects.all() if user.is_superuser else Department.objects.for_user(user)
        self.fields["department"].queryset = qs

    def clean_csv_file(self):
        upload = self.cleaned_data["csv_file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(_("The file is too large."))
        try:
            return decode(upload.read())
        except ImportError_ as exc:
            raise forms.ValidationError(str(exc))


class UploadRecordsView(WagtailAdminTemplateMixin, FormView):
    page_title = _("Import licences and penalties")
    header_icon = "upload"
    template_name = "shuanggongshi/upload.html"
    form_class = UploadForm

    def dispatch(self, request, *args, **kwargs):
        if not can_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        try:
            result = import_rows(
                form.cleaned_data["csv_file"], kind=form.cleaned_data["kind"], department=form.cleaned_data["department"],
            )
        except ImportError_ as exc:
            form.add_error("csv_file", str(exc))
            return self.form_invalid(form)
        return self.render_to_response(self.get_context_data(form=form, result=result))
