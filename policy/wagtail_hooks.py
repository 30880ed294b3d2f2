from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy

from .models import (
    Disclosure, InterpretationPage, PolicyDocumentPage, PolicyTag, PolicyTopic, TagCategory, Validity,
)
from .permissions import CataloguePermissionPolicy
from .publishing import Outcome, request_publish

for _model in (PolicyTag, TagCategory, PolicyTopic):
    register_permission_policy(_model, CataloguePermissionPolicy(_model))


class PolicyTagViewSet(ModelViewSet):
    model = PolicyTag
    icon = "tag"
    menu_label = _("Tag catalogue")
    url_prefix = "policy/tags"
    name = "policy_tags"
    form_fields = ["name", "category", "is_active", "sort_order"]
    list_display = ["name", "category", "is_active"]
    list_filter = ["category", "is_active"]
    search_fields = ["name"]
    exclude_form_fields = ["slug"]


class TagCategoryViewSet(ModelViewSet):
    model = TagCategory
    icon = "folder-open-1"
    menu_label = _("Tag categories")
    url_prefix = "policy/tag-categories"
    name = "policy_tag_categories"
    form_fields = ["name", "sort_order"]
    list_display = ["name", "sort_order"]


class PolicyTopicViewSet(ModelViewSet):
    model = PolicyTopic
    icon = "list-ul"
    menu_label = _("Topics")
    url_prefix = "policy/topics"
    name = "policy_topics"
    form_fields = ["name", "parent", "sort_order"]
    list_display = ["__str__", "sort_order"]


class PolicyLibraryViewSetGroup(ViewSetGroup):
    menu_label = _("Policy library")
    menu_icon = "doc-full-inverse"
    menu_order = 250
    items = (PolicyTagViewSet, TagCategoryViewSet, PolicyTopicViewSet)


@hooks.register("register_admin_viewset")
def register_policy_viewsets():
    return PolicyLibraryViewSetGroup()


@hooks.register("public_item_filter")
def hide_undisclosed_policy_documents():
    """Only 主动公开 documents ever appear in public listings."""
    return Q(policydocumentpage__isnull=True) | Q(policydocumentpage__disclosure=Disclosure.ACTIVE)


@hooks.register("before_publish_page")
def synchronised_publishing(request, page):
    """The edit view publishes with PublishPageRevisionAction directly, so apply 同步发布 here."""
    page = page.specific
    if not isinstance(page, (PolicyDocumentPage, InterpretationPage)) or page.latest_revision is None:
        return None
    outcome = request_publish(page.latest_revision, request.user)
    if outcome is Outcome.NOT_GATED:
        return None
    if outcome is Outcome.HELD:
        if isinstance(page, PolicyDocumentPage):
            message = _(
                "'%(title)s' is approved but not yet live: a normative document that requires interpretation "
                "goes live together with an approved interpretation (同步发布). It will be published as soon as "
                "its interpretation is approved."
            )
        else:
            message = _(
                "'%(title)s' is approved but not yet live: it goes live together with the document it interprets "
                "(同步发布)."
            )
        messages.warning(request, message % {"title": page.title})
        return redirect("wagtailadmin_pages:edit", page.pk)
    messages.success(
        request, _("'%(title)s' and its partner pages have been published together (同步发布).") % {"title": page.title},
    )
    return redirect("wagtailadmin_explore", page.get_parent().pk)


@hooks.register("register_log_actions")
def register_policy_log_actions(actions):
    @actions.register_action("policy.validity_changed")
    class ValidityChanged(LogFormatter):
        label = _("Validity changed")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            labels = dict(Validity.choices)
            return _("Validity changed from %(old)s to %(new)s") % {
                "old": labels.get(data.get("old"), data.get("old")), "new": labels.get(data.get("new"), data.get("new")),
            }

    actions.register_action("policy.publish_held", _("Approved, held for synchronised publishing"),
                            _("Approved and held until its partner page is approved (同步发布)"))
    actions.register_action("policy.released_together", _("Published together"),
                            _("Published together with its partner pages (同步发布)"))





from . import page_cache  # noqa: E402,F401 - registers the page cache's hooks (pagecache app)


@hooks.register("before_serve_document")
def undisclosed_attachments_only_for_handlers(document, request):
    """A file attached only to 依申请公开 / 不予公开 documents is as closed as they are (see policy.access)."""
    from django.http import Http404

    if not document_readable(document, getattr(request, "user", None)):
        raise Http404


def document_readable(document, user):
    """False when the file belongs only to documents the user may not read (see policy.access)."""
    from .access import user_handles_document
    from .models import PolicyAttachment

    pages = [a.page for a in PolicyAttachment.objects.filter(document=document).select_related("page")]
    if not pages:
        return True
    if any(page.live and page.is_public and page.get_view_restrictions().count() == 0 for page in pages):
        return True
    return any(user_handles_document(page, user) for page in pages)
