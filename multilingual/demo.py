"""Demo: the complete Traditional Chinese site and a small English site.

Runs after the content apps' demos (INSTALLED_APPS order) and converts
whatever Simplified pages exist then; ``manage.py sync_zh_hant`` re-runs the
conversion for pages other apps add later. The English pages go through the
real path: translations entered as a translator, submitted for review,
approved by the final reviewer (宣传培训处终审复核). Idempotent.
"""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.test.utils import override_settings
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation

from core.progress import track

from .demo_english import ENGLISH, PAGES
from .review import ReviewRefused, submit_for_review, translation_of
from .roles import EN_TRANSLATORS_GROUP, ensure_roles
from .sync import PageSync, counterpart, sync_all

DEMO_TRANSLATOR = "en_translator"


def load(stdout):
    # Workflow notifications of the scripted review would flood the console.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        _load(stdout)


def _load(stdout):
    count = sync_all()
    stdout.write(f"Traditional Chinese: {count} source pages converted.")
    ensure_roles()
    translator = _demo_translator()
    reviewer = _demo_reviewer()
    if reviewer is None:
        stdout.write("English demo skipped: no user in the final review group.")
        return
    published = 0
    for path in track(PAGES, "English pages", unit="page"):
        source = _source_page(path)
        if source is None:
            stdout.write(f"English demo: no source page at /{path}")
            continue
        if _publish_english(source, translator, reviewer, stdout):
            published += 1
    stdout.write(f"English: {published} pages translated and approved.")


def _source_page(path):
    page = Page.objects.filter(depth=2, locale__language_code="zh-hans").first()
    for slug in filter(None, path.split("/")):
        if page is None:
            return None
        page = page.get_children().filter(slug=slug).first()
    return page


@transaction.atomic
def _publish_english(source, translator, reviewer, stdout):
    english_locale = Locale.objects.get(language_code="en")
    en = counterpart(source, english_locale)
    if en is None:
        PageSync().sync(source, refresh=False)
        en = counterpart(source, english_locale)
    if en is None or en.live or en.workflow_in_progress:
        return False
    translation = translation_of(en)
    if translation is None:
        return False
    segments = list(translation.source.stringsegment_set.select_related("string", "context"))
    missing = [s.string.data for s in segments if s.context.path != "slug" and s.string.data not in ENGLISH]
    if missing:
        stdout.write(f"English demo: {source.url_path} left untranslated (no English for {missing[0][:20]}…)")
        return False
    for segment in segments:
        text = segment.string.data if segment.context.path == "slug" else ENGLISH[segment.string.data]
        StringTranslation.objects.update_or_create(
            translation_of=segment.string, locale=english_locale, context=segment.context,
            defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                      "tool_name": "", "last_translated_by": translator},
        )
    try:
        state = submit_for_review(en, translator)
    except ReviewRefused as refusal:
        stdout.write(f"English demo: {source.url_path} not submitted: {refusal}")
        return False
    state.current_task_state.approve(user=reviewer)
    return Page.objects.get(pk=en.pk).live


def _demo_translator():
    from core.demo_accounts import DEMO_PASSWORD

    user, created = get_user_model().objects.get_or_create(
        username=DEMO_TRANSLATOR, defaults={"first_name": "英文版翻译", "email": "en_translator@example.org"}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    user.groups.add(Group.objects.get(name=EN_TRANSLATORS_GROUP))
    return user


def _demo_reviewer():
    from . import conf

    return get_user_model().objects.filter(groups__name__in=conf.get("REVIEW_GROUPS"), is_active=True).order_by("pk").first()
