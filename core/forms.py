from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminPageForm

from core.slugs import slug_for


class SlugFromTitleMixin:
    """The slug may be left empty: it is made from the title's pinyin (core/slugs.py).

    Wagtail's in-browser title-to-slug sync drops Chinese characters, which left
    the required slug empty on the hidden 推荐 tab and failed every first save.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("slug")
        if field is not None:
            field.required = False
            # The example slug is data, not interface text: shown as code.
            field.help_text = format_html(_("Leave empty to make it from the title's pinyin (for example {example})."),
                                          example=format_html("<code>{}</code>", "quan-shi-ying-ji"))

    def clean(self):
        if "slug" in self.fields and "slug" not in self.errors and not self.cleaned_data.get("slug"):
            if self.instance.pk and self.instance.slug:
                self.cleaned_data["slug"] = self.instance.slug
            elif self.cleaned_data.get("title"):
                self.cleaned_data["slug"] = slug_for(self.cleaned_data["title"], getattr(self, "parent_page", None),
                                                     self.instance)
        return super().clean()


def submitted_action(data):
    """The editor's action in a page form post: "submit", "publish", "approve" or None (a plain save)."""
    if data.get("action-submit") or data.get("action-restart-workflow"):
        return "submit"
    if data.get("action-publish"):
        return "publish"
    if data.get("action-workflow-action") and data.get("workflow-action-name") == "approve":
        return "approve"
    return None


class PageFormChecksMixin:
    """Runs the project hook ``check_page_form(form, page, action, user)`` when an item is submitted,
    published or approved from the editor: apps (the inspection checks) may add errors to the form."""

    def _post_clean(self):
        super()._post_clean()
        action = submitted_action(self.data)
        if action is None:
            return
        for check in hooks.get_hooks("check_page_form"):
            check(self, self.instance, action, getattr(self, "for_user", None))


class ChinesePageForm(SlugFromTitleMixin, PageFormChecksMixin, WagtailAdminPageForm):
    """The admin form of page types that need nothing else."""


class BasePageForm(SlugFromTitleMixin, PageFormChecksMixin, WagtailAdminPageForm):
    """Pre-fills 发布部门 for a new item.

    In a column owned by one department it is that department; in a shared
    column (相关处室) it is the author's own department.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("department")
        if field is None or self.instance.pk or self.initial.get("department"):
            return
        department = self._column_department() or self._user_department()
        if department is not None:
            self.initial["department"] = department.pk

    def _column_department(self):
        parent = getattr(self, "parent_page", None)
        department = getattr(parent.specific if parent else None, "department", None)
        if department is not None and not department.is_shared:
            return department
        return None

    def _user_department(self):
        from departments.models import Department

        user = getattr(self, "for_user", None)
        if user is None:
            return None
        return Department.objects.for_user(user).exclude(kind=Department.Kind.SHARED).first()
