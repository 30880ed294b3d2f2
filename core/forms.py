from wagtail.admin.forms import WagtailAdminPageForm


class BasePageForm(WagtailAdminPageForm):
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
