"""Keep the Traditional Chinese and English trees in step with the source tree.

Built on wagtail-localize's own records, so its editor, PO export/import and
translations report all work on the result:

- every source page gets a ``TranslationSource`` and one ``Translation`` per
  target language; a target page that does not exist yet is created as a
  draft copy ("pending translation");
- machine languages (zh-hant) have their segments converted by OpenCC and are
  published whenever the source is live;
- reviewed languages (en) are never published here: a person translates, the
  review workflow approves, and Wagtail publishes the approved revision.

wagtail-localize's LocaleSynchronization ("sync from") is deliberately not
used: it creates *aliases*, which go live with the untranslated source text
and would put Simplified Chinese pages on the English and Traditional sites.
Ancestors are translated top-down for the same reason (``copy_for_translation``
would otherwise create alias parents).
"""
import json
import logging

from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from core.progress import enabled as progress_enabled
from core.progress import track

from . import conf
from .conversion import convert_many, convert_segments

logger = logging.getLogger("govsite.multilingual")


def locale_for(language_code):
    return Locale.objects.get(language_code=language_code)


def target_locales():
    codes = conf.target_languages()
    return list(Locale.objects.filter(language_code__in=codes))


def is_source_page(page):
    return (
        page.depth is not None
        and page.depth > 1
        and page.alias_of_id is None
        and page.locale.language_code == conf.source_language()
    )


def counterpart(page, locale):
    """The non-alias page in ``locale`` with the same translation key, or None."""
    return Page.objects.filter(translation_key=page.translation_key, locale=locale, alias_of__isnull=True).first()


class PageSync:
    """Synchronise one source page into every target locale."""

    def __init__(self, user=None):
        self.user = user
        self.machine_codes = set(conf.machine_languages())
        self.reviewed_codes = set(conf.reviewed_languages())
        self._done = set()
        self._locales = None
        self._converted = None  # translation pk -> conversions written, filled by sync_many()

    @property
    def locales(self):
        if self._locales is None:
            self._locales = target_locales()
        return self._locales

    def sync_many(self, pages, *, refresh=True, on_error=None):
        """``sync`` for a batch of source pages, with the 繁體 conversion of the whole batch done at once.

        First every page's TranslationSource and Translation rows are brought
        up to date, then OpenCC converts all their segments in one call (one
        bulk insert), then each page's copies are saved. Each page runs in its
        own savepoint; ``on_error(page)`` is called (inside ``except``) for one
        that fails, and the others go on.
        """
        pages = [p.specific for p in pages]
        prepared = []
        for page in pages:
            if not is_source_page(page):
                continue
            try:
                with transaction.atomic():
                    for locale in self.locales:
                        if locale.language_code in self.machine_codes and refresh:
                            self._prepare_machine(page, locale)
                prepared.append(page)
            except Exception:  # noqa: BLE001 - one page must not stop the batch
                if on_error is None:
                    raise
                on_error(page)
        machine = [t for page in prepared for t in self._machine_translations.get(page.pk, [])]
        self._converted = convert_many(machine, user=self.user) if machine else {}
        results = {}
        for page in prepared:
            try:
                with transaction.atomic():
                    results[page.pk] = self.sync(page, refresh=refresh)
            except Exception:  # noqa: BLE001
                if on_error is None:
                    raise
                on_error(page)
        self._converted = None
        return results

    def _source(self, page):
        """The page's TranslationSource, brought up to date once per page and sync (not once per language)."""
        if not hasattr(self, "_sources"):
            self._sources = {}
        if page.pk not in self._sources:
            self._sources[page.pk], _ = TranslationSource.update_or_create_from_instance(page)
        return self._sources[page.pk]

    def _prepare_machine(self, page, locale):
        """The source and translation records of a machine copy, so its conversion can be batched."""
        if not hasattr(self, "_machine_translations"):
            self._machine_translations = {}
        parent = page.get_parent()
        if parent.depth > 1 and counterpart(parent, locale) is None:
            self._sync_into(parent.specific, locale, refresh=False)
        translation = _translation_for(page, locale)
        existing = counterpart(page, locale)
        if existing is not None and translation is None:
            return
        if translation is not None and not translation.enabled:
            return
        source = self._source(page)
        translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
        self._machine_translations.setdefault(page.pk, []).append(translation)

    def sync(self, page, *, refresh=True):
        """Ensure translations of ``page`` exist; with ``refresh``, also bring machine ones up to date."""
        page = page.specific
        if not is_source_page(page):
            return []
        results = []
        for locale in self.locales:
            target = self._sync_into(page, locale, refresh=refresh)
            if target is not None:
                results.append(target)
        return results

    def _sync_into(self, page, locale, *, refresh):
        key = (page.pk, locale.pk)
        if key in self._done:
            return counterpart(page, locale)
        self._done.add(key)

        parent = page.get_parent()
        if parent.depth > 1 and counterpart(parent, locale) is None:
            # Never let wagtail-localize copy the parents as (live) aliases.
            self._sync_into(parent.specific, locale, refresh=False)

        existing = counterpart(page, locale)
        translation = _translation_for(page, locale)
        machine = locale.language_code in self.machine_codes

        if existing is not None and translation is None:
            # A page someone created in that language by hand: not ours to manage.
            return existing
        if translation is not None and not translation.enabled:
            # Editors chose "stop synced translation" for this page.
            return existing
        if existing is not None and not refresh and not machine:
            return existing

        source = self._source(page)
        translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)

        if machine:
            return self._save_machine(page, translation, existing, refresh=refresh)
        if existing is None:
            target, _created = source.create_or_update_translation(
                locale, user=self.user, publish=False, fallback=True
            )
            return target
        return existing

    def _save_machine(self, page, translation, existing, *, refresh):
        if existing is not None and not refresh:
            return existing
        if self._converted is not None and translation.pk in self._converted:
            written = self._converted.pop(translation.pk)  # converted with the whole batch (sync_many)
        else:
            written = convert_segments(translation, user=self.user)
        if existing is not None and not written and existing.live == page.live and _up_to_date(translation, existing):
            # Nothing changed since the last conversion: no new revision.
            return existing.specific
        target, _created = translation.source.create_or_update_translation(
            translation.target_locale, user=self.user, publish=False, fallback=True
        )
        if page.live:
            target = Page.objects.get(pk=target.pk).specific
            revision = target.get_latest_revision()
            revision.publish(user=self.user, skip_permission_checks=True)
        return Page.objects.get(pk=target.pk).specific


def sync_page(page, user=None, *, refresh=True):
    """Synchronise one source page, in its own savepoint; failures are logged, never raised.

    Publishing in the source language must not fail because a translation
    could not be saved; the failure is logged and ``sync_zh_hant`` repairs it.
    """
    try:
        with transaction.atomic():
            return PageSync(user).sync(page, refresh=refresh)
    except Exception:  # noqa: BLE001 - see docstring
        logger.exception("Could not synchronise translations of page %s", page.pk)
        return []


def unpublish_counterparts(page, user=None):
    """A withdrawn source page is withdrawn in every language."""
    from wagtail.actions.unpublish_page import UnpublishPageAction

    for target in Page.objects.filter(translation_key=page.translation_key, live=True).exclude(locale=page.locale):
        # The source's unpublisher was entitled to withdraw it; the copies follow.
        UnpublishPageAction(target.specific, user=user).execute(skip_permission_checks=True)


def sync_all(stdout=None, user=None):
    """Synchronise the whole source tree top-down (the ``sync_zh_hant`` command and the demo)."""
    source_locale = locale_for(conf.source_language())
    syncer = PageSync(user)
    count = 0
    pages = Page.objects.filter(locale=source_locale, depth__gt=1, alias_of__isnull=True).order_by("path")
    for page in track(pages.iterator(), "Traditional Chinese", total=pages.count() if progress_enabled() else None, unit="page"):
        with transaction.atomic():
            syncer.sync(page, refresh=True)
        count += 1
        if stdout is not None and count % 50 == 0:
            stdout.write(f"  synchronised {count} pages")
    return count


# Page bookkeeping that differs between a source and its translation, or between
# two saves of the same content; everything else is content.
_VOLATILE = {
    "pk", "id", "path", "depth", "numchild", "url_path", "locale", "translation_key", "alias_of", "live",
    "has_unpublished_changes", "first_published_at", "last_published_at", "live_revision", "latest_revision",
    "latest_revision_created_at", "draft_title", "locked", "locked_at", "locked_by", "owner", "go_live_at",
    "expire_at", "expired", "content_type", "wagtail_admin_comments", "page_ptr",
}


def _up_to_date(translation, existing):
    """True when saving the translation now would not change the target's published content."""
    if existing.has_unpublished_changes:
        return False
    try:
        wanted = translation.source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)
    except Exception:  # noqa: BLE001 - anything odd: just save again
        return False
    current = existing.specific
    wanted_content, current_content = _content(wanted), _content(current)
    if existing.depth == 2:
        # Home pages of all languages are siblings, so their slugs are made unique.
        wanted_content.pop("slug", None)
        current_content.pop("slug", None)
    return wanted_content == current_content


def _content(page):
    data = json.loads(page.to_json())
    return {key: _normalised(value) for key, value in data.items() if key not in _VOLATILE}


def _normalised(value):
    # StreamFields serialise as JSON text whose key order depends on the
    # database (PostgreSQL jsonb reorders keys): compare them parsed.
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _translation_for(page, locale):
    return Translation.objects.filter(source__object_id=page.translation_key, target_locale=locale).first()
