"""Admin editing of the 错敏词 lists and the allow-list (a menu of two model viewsets).

Who may edit is an ordinary Django model permission on ``SensitiveWord`` and
``AllowedTerm`` (add/change/delete), granted in the Wagtail group editor;
``inspection.setup.grant_word_list_editors`` gives it to the review roles that
read every page before publication. The engine reads changes at once
(``words.engine.matcher`` keys its cached automaton on the tables' newest
change), so the next submission, approval or nightly scan uses them.
"""
from django import forms
from django.forms import modelform_factory
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .models import AllowedTerm, SensitiveWord
from .words.engine import shipped_entries


def _clean_phrase(value, label):
    value = " ".join((value or "").split())
    if len(value) < 2:
        raise forms.ValidationError(_("%(label)s must have at least two characters.") % {"label": label})
    return value


class SensitiveWordForm(WagtailAdminModelForm):
    def clean_term(self):
        return _clean_phrase(self.cleaned_data.get("term"), _("The term"))


class AllowedTermForm(WagtailAdminModelForm):
    def clean_phrase(self):
        return _clean_phrase(self.cleaned_data.get("phrase"), _("The phrase"))


class _RecordAdder:
    """The signed-in user is recorded as the one who added the entry."""

    def save_instance(self):
        self.form.instance.added_by = self.request.user
        return super().save_instance()


class SensitiveWordIndexView(generic.IndexView):
    def get_page_subtitle(self):
        return _("%(count)s entries are shipped with the system (inspection/words/data/). An entry here with the "
                 "same term replaces the shipped one; to switch a term off, add it to the allow-list.") % {
            "count": len(shipped_entries())}


class SensitiveWordCreateView(_RecordAdder, generic.CreateView):
    pass


class AllowedTermCreateView(_RecordAdder, generic.CreateView):
    pass


class _ValidatingViewSet(ModelViewSet):
    """ModelViewSet builds its form with modelform_factory from form_fields alone and ignores
    form_class; the validation of these lists lives in form_class, so build on it."""

    def get_form_class(self, for_update=False):
        return modelform_factory(self.model, form=self.form_class, fields=self.form_fields,
                                 formfield_callback=self.formfield_for_dbfield)


class SensitiveWordViewSet(_ValidatingViewSet):
    model = SensitiveWord
    form_class = SensitiveWordForm
    index_view_class = SensitiveWordIndexView
    add_view_class = SensitiveWordCreateView
    icon = "warning"
    menu_label = _("Sensitive and wrong words")
    url_prefix = "inspection/words"
    name = "inspection_words"
    form_fields = ["term", "category", "severity", "suggestion", "note", "wrong_from"]
    list_display = ["term", "category", "severity", "suggestion", "wrong_from", "added_by", "updated_at"]
    list_filter = ["category", "severity"]
    search_fields = ["term", "suggestion", "note"]


class AllowedTermViewSet(_ValidatingViewSet):
    model = AllowedTerm
    form_class = AllowedTermForm
    add_view_class = AllowedTermCreateView
    icon = "success"
    menu_label = _("Allowed phrases")
    url_prefix = "inspection/allowed"
    name = "inspection_allowed"
    form_fields = ["phrase", "note"]
    list_display = ["phrase", "note", "added_by", "created_at"]
    search_fields = ["phrase", "note"]


class WordListsGroup(ViewSetGroup):
    menu_label = _("Sensitive word lists")
    menu_icon = "warning"
    menu_order = 851
    items = (SensitiveWordViewSet, AllowedTermViewSet)
