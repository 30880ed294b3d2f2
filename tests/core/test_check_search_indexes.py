"""check_search_indexes: finds live pages missing from the indexes or translations and repairs only those."""
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from modelsearch.conf import get_app_config
from wagtail.models import Page

from search.models import SearchDocument
from sections.models import ArticlePage

pytestmark = pytest.mark.django_db


class Out:
    def __init__(self):
        self.text = ""

    def write(self, s, *a, **k):
        self.text += s + "\n"

    def flush(self):
        pass


def _publish(column, n):
    page = ArticlePage(title=f"上海市应急管理局索引漂移检查{n}", slug=f"drift-{n}")
    column("xwzx/xw").add_child(instance=page)
    page.save_revision().publish()
    return page


def _command(*args):
    out = Out()
    call_command("check_search_indexes", *args, stdout=out, stderr=Out())
    return out.text


def _admin_entries(page):
    IndexEntry = get_app_config().get_model("IndexEntry")
    return IndexEntry.objects.filter(object_id=str(page.pk))


def test_reports_and_repairs_only_the_missing_pages(column, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        kept, lost = _publish(column, 1), _publish(column, 2)
    # Whatever else in the tree is missing (the loaded tree is not indexed page by page) is repaired first.
    _command()
    assert "No drift." in _command("--dry-run")
    kept_row = SearchDocument.objects.get(page_id=kept.pk).pk
    SearchDocument.objects.filter(page_id=lost.pk).delete()
    _admin_entries(lost).delete()

    with pytest.raises(CommandError) as failed:
        _command("--dry-run")
    assert failed.value.returncode == 1
    assert not SearchDocument.objects.filter(page_id=lost.pk).exists()  # a dry run changes nothing

    out = _command()
    assert "Repaired 2 page(s)." in out, out
    assert SearchDocument.objects.filter(page_id=lost.pk).exists()
    assert _admin_entries(lost).exists()
    assert ArticlePage.objects.filter(pk=lost.pk).search("漂移检查").count() == 1
    # The page that was not missing was not rewritten (its index row is the same row).
    assert SearchDocument.objects.get(page_id=kept.pk).pk == kept_row
    assert "No drift." in _command("--dry-run")


def test_missing_translations_are_created(column, settings, django_capture_on_commit_callbacks):
    page = _publish(column, 3)  # AUTO_SYNC is off in the test settings: no 繁體/English copy
    assert not Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk).exists()
    settings.MULTILINGUAL = {**getattr(settings, "MULTILINGUAL", {}), "AUTO_SYNC": True}
    with django_capture_on_commit_callbacks(execute=True):
        # One column: its page and ancestors get their copies (the whole tree would take minutes).
        out = _command("--under", "xwzx/xw")
    assert "繁体" in out or "Traditional" in out, out
    hant = Page.objects.get(translation_key=page.translation_key, locale__language_code="zh-hant")
    en = Page.objects.get(translation_key=page.translation_key, locale__language_code="en")
    assert hant.live and hant.title == "上海市應急管理局索引漂移檢查3"
    assert not en.live  # English waits for a translator and review
    assert SearchDocument.objects.filter(page_id=hant.pk).exists()
    assert "No drift." in _command("--dry-run", "--under", "xwzx/xw")
