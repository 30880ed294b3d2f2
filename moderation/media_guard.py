"""防篡改 for documents and images (issue 18, item 1).

Departments own their files through per-department collections (see
``sections/site_tree/loader.py``). On top of that, a file that a *live* page
uses is part of reviewed content:

* Replacing it is refused below superuser. The editor uploads a new document
  and puts it on the page; the page edit then goes through the page's review
  workflow like any other edit. We chose this over "a file replacement waits
  for review" because Wagtail documents have no revisions or workflow of their
  own: a pending replacement would need a second copy of the file, a queue and
  a review UI, while the page edit already has all three, shows the reviewer
  the diff (old and new attachment) and keeps the old file for the record.
* Deleting it is refused below superuser (the live page would lose it without review).

Every replacement or deletion of a document or image is logged: once on the
file itself (Wagtail's 站点历史) and once on every page that uses it, as a
``moderation.*`` action, so it appears in the 审核记录 report under the page's
department and column.
"""
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models.signals import post_save, pre_delete, pre_save
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.documents import get_document_model
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images import get_image_model
from wagtail.images.forms import BaseImageForm
from wagtail.log_actions import get_active_log_context, log
from wagtail.models import Page, ReferenceIndex

from core.uploads import check_document_content

LOG_ACTIONS = {
    "moderation.document_replaced": gettext_lazy("Document file replaced"),
    "moderation.document_deleted": gettext_lazy("Document deleted"),
    "moderation.image_replaced": gettext_lazy("Image file replaced"),
    "moderation.image_deleted": gettext_lazy("Image deleted"),
}


def pages_using(instance):
    """Pages whose current content refers to the document or image (Wagtail's reference index)."""
    page_ids = ReferenceIndex.get_references_to(instance).filter(
        base_content_type=ReferenceIndex._get_base_content_type(Page)
    ).values_list("object_id", flat=True)
    return Page.objects.filter(pk__in=[int(pk) for pk in page_ids if str(pk).isdigit()])


def live_pages_using(instance):
    return pages_using(instance).filter(live=True)


def _acting_user():
    context = get_active_log_context()
    return getattr(context, "user", None) if context else None


def _may_touch_live_files(user):
    return user is not None and user.is_active and user.is_superuser


class _LiveFileFormMixin:
    """Refuse a new file for a document or image a live page uses, unless the user is a superuser."""

    live_replace_message = gettext_lazy(
        "This file is used by a published page (%(pages)s). Upload a new file instead and "
        "put it on the page: the page change then goes through review."
    )

    def __init__(self, *args, **kwargs):
        self._guard_user = kwargs.get("user")
        super().__init__(*args, **kwargs)

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if self.instance.pk and "file" in self.changed_data and not _may_touch_live_files(self._guard_user):
            pages = list(live_pages_using(self.instance)[:3])
            if pages:
                raise ValidationError(self.live_replace_message % {"pages": "、".join(p.title for p in pages)})
        return uploaded


class GuardedDocumentForm(_LiveFileFormMixin, BaseDocumentForm):
    """WAGTAILDOCS_DOCUMENT_FORM_BASE: live-file rule plus a check of the content against the extension."""

    def clean_file(self):
        uploaded = super().clean_file()
        if uploaded is not None and "file" in self.changed_data:
            check_document_content(uploaded)
        return uploaded


class GuardedImageForm(_LiveFileFormMixin, BaseImageForm):
    """WAGTAILIMAGES_IMAGE_FORM_BASE (Wagtail already checks image content against the extension)."""


def _remember_old_hash(sender, instance, **kwargs):
    if instance.pk:
        instance._guard_old_hash = sender.objects.filter(pk=instance.pk).values_list("file_hash", flat=True).first()


def _log_everywhere(instance, action, user):
    title = instance.title
    data = {"title": title, "id": instance.pk}
    log(instance, action, user=user, data=data)
    for page in pages_using(instance):
        log(page.specific_deferred, action, user=user, data={**data, "comment": title})


def _log_replacement(sender, instance, created, **kwargs):
    old = getattr(instance, "_guard_old_hash", None)
    if created or old is None or old == instance.file_hash:
        return
    kind = "document" if issubclass(sender, get_document_model()) else "image"
    _log_everywhere(instance, f"moderation.{kind}_replaced", _acting_user())
    instance._guard_old_hash = instance.file_hash


def _guard_delete(sender, instance, **kwargs):
    user = _acting_user()
    if user is not None and not _may_touch_live_files(user) and live_pages_using(instance).exists():
        raise PermissionDenied(_("This file is used by a published page and cannot be deleted."))
    kind = "document" if issubclass(sender, get_document_model()) else "image"
    _log_everywhere(instance, f"moderation.{kind}_deleted", user)


def connect():
    for model in (get_document_model(), get_image_model()):
        pre_save.connect(_remember_old_hash, sender=model, dispatch_uid=f"media_guard_pre_{model._meta.label}")
        post_save.connect(_log_replacement, sender=model, dispatch_uid=f"media_guard_post_{model._meta.label}")
        pre_delete.connect(_guard_delete, sender=model, dispatch_uid=f"media_guard_del_{model._meta.label}")
