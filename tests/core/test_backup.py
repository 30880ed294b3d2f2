"""backup_site / restore_site (core/backup.py): a full round trip on the database in use (SQLite, or
PostgreSQL when DATABASE_URL says so), clear refusals, and nothing half-restored (issue 18)."""
import hashlib
import io
import json
import tarfile

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import translation

pytestmark = pytest.mark.django_db(transaction=True)

WORD = "备份恢复演练专用词"


def _media(root):
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def snapshot(media_root):
    from wagtail.models import ModelLogEntry, Page, PageLogEntry, Revision, TaskState, WorkflowState

    from disclosure_requests.models import DisclosureRequest
    from interaction.models import Letter

    def rows(qs, *fields):
        return sorted(qs.values_list(*fields))

    return {
        "pages": rows(Page.objects, "pk", "path", "title", "live", "latest_revision_id", "locale_id"),
        "revisions": rows(Revision.objects, "pk", "object_id", "content_type_id", "created_at"),
        "workflow_states": rows(WorkflowState.objects, "pk", "object_id", "status", "current_task_state_id"),
        "task_states": rows(TaskState.objects, "pk", "workflow_state_id", "status"),
        "letters": rows(Letter.objects, "pk", "number", "title", "state", "name"),
        "requests": rows(DisclosureRequest.objects, "pk", "info_title", "status", "name"),
        "page_log": rows(PageLogEntry.objects, "pk", "action", "page_id", "timestamp"),
        "model_log": rows(ModelLogEntry.objects, "pk", "action", "object_id", "timestamp"),
        "media": _media(media_root),
    }


def _search(q):
    from search.service import SearchRequest, search

    return [hit.page_id for hit in search(SearchRequest(q=q, locale="zh-hans")).hits]


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


@pytest.fixture
def content(media_root, column, make_user):
    """A bit of everything a backup must keep: pages and revisions, a running review, a letter,
    a 依申请公开 request, audit entries, an uploaded document and image."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask
    from django.contrib.auth.models import Group

    from interaction import workflow as letters
    from interaction.setup import ensure_letter_types
    from interaction.models import LetterType
    from sections.models import ArticlePage
    from search.service import remove_pages
    from tests.disclosure_requests.factories import make_request

    user = make_user("backup-editor", is_staff=True, is_superuser=True)
    news = column("xwzx/xw")
    article = ArticlePage(title=f"关于{WORD}的通知", slug="backup-article",
                          body=json.dumps([{"type": "paragraph", "value": f"<p>{WORD}正文</p>"}]))
    news.add_child(instance=article)
    article.save_revision(user=user, log_action=True).publish(user=user)
    article.title = f"关于{WORD}的通知（修订）"
    article.save_revision(user=user, log_action=True).publish(user=user)
    # The backup holds no search entry for this page: only the rebuild after the restore can find it.
    remove_pages([article.pk])

    draft = ArticlePage(title="待审核的稿件", slug="backup-draft", body="[]")
    news.add_child(instance=draft)
    draft.save_revision(user=user)
    task = GroupApprovalTask.objects.create(name="备份测试审核")
    task.groups.add(Group.objects.get(name="宣教信息中心初审"))
    review = Workflow.objects.create(name="备份测试流程")
    WorkflowTask.objects.create(workflow=review, task=task, sort_order=0)  # the cluster manager's create() stays in memory
    review.start(draft, user)

    ensure_letter_types()
    letter, _code = letters.submit(LetterType.objects.first(), title="关于备份的咨询", body="内容", name="赵钱孙")
    request = make_request()

    document = get_document_model().objects.create(
        title="备份附件", file=ContentFile(b"%PDF-1.4\n% backup test\n", name="backup.pdf"))
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), "red").save(buffer, "PNG")
    png = buffer.getvalue()
    image = get_image_model().objects.create(title="备份图片", file=ContentFile(png, name="backup.png"))
    return {"article": article, "draft": draft, "letter": letter, "request": request, "document": document,
            "image": image, "user": user}


def _mutate(content, media_root):
    """What happens after the backup and must be undone by the restore."""
    from wagtail.models import Page

    article = content["article"]
    content["letter"].delete()
    type(content["request"]).objects.filter(pk=content["request"].pk).update(info_title="改动后的标题")
    Page.objects.get(pk=content["draft"].pk).specific.current_workflow_state.cancel(user=content["user"])
    Page.objects.get(pk=article.pk).specific.delete()
    content["document"].file.storage.delete(content["document"].file.name)
    (media_root / "after-backup.txt").write_text("新文件")


def test_round_trip_keeps_everything_and_search_finds_the_page(content, media_root, tmp_path):
    before = snapshot(media_root)
    assert before["letters"] and before["requests"] and before["workflow_states"] and len(before["media"]) >= 2
    archive = tmp_path / "site.tar.gz"
    out = io.StringIO()
    call_command("backup_site", str(archive), stdout=out)
    assert archive.is_file()
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert names[0] == "manifest.json"
    assert ("database.pgdump" if connection.vendor == "postgresql" else "database.sqlite3") in names
    assert any(n.startswith("media/documents/") for n in names) and any(n.startswith("media/original_images/") for n in names)

    _mutate(content, media_root)
    assert snapshot(media_root) != before
    assert content["article"].pk not in _search(WORD)

    call_command("restore_site", str(archive), "--yes", stdout=io.StringIO())

    after = snapshot(media_root)
    for key in before:
        assert after[key] == before[key], key
    assert content["article"].pk in _search(WORD)  # rebuilt: the backup itself had no index entry for it
    from wagtail.models import Page

    assert Page.objects.get(pk=content["article"].pk).live


def test_backup_into_a_folder_names_the_file(media_root, tmp_path):
    call_command("backup_site", str(tmp_path), "--no-media", stdout=io.StringIO())
    made = list(tmp_path.glob("govsite-backup-*.tar.gz"))
    assert len(made) == 1 and not list(tmp_path.glob("*.partial"))


def _rewrite(archive, target, manifest_change=None, replace=None):
    """A copy of ``archive`` with its manifest edited and/or members replaced (bytes)."""
    with tarfile.open(archive) as src, tarfile.open(target, "w:gz") as dst:
        for member in src:
            data = src.extractfile(member).read() if member.isfile() else None
            if member.name == "manifest.json" and manifest_change:
                manifest = json.loads(data)
                manifest_change(manifest)
                data = json.dumps(manifest).encode()
            elif replace and member.name in replace:
                data = replace[member.name]
            member.size = len(data) if data is not None else 0
            dst.addfile(member, io.BytesIO(data) if data is not None else None)
    return target


def _refused(path, *expected):
    with translation.override("zh-hans"), pytest.raises(CommandError) as error:
        call_command("restore_site", str(path), "--yes", stdout=io.StringIO())
    message = str(error.value)
    for text in expected:
        assert text in message, message
    return message


def test_refusals_change_nothing(content, media_root, tmp_path):
    archive = tmp_path / "good.tar.gz"
    call_command("backup_site", str(archive), stdout=io.StringIO())
    _mutate(content, media_root)
    state = snapshot(media_root)
    db_member = "database.pgdump" if connection.vendor == "postgresql" else "database.sqlite3"

    _refused(tmp_path / "missing.tar.gz", "missing.tar.gz", "不存在")
    (tmp_path / "notes.txt").write_text("not an archive")
    _refused(tmp_path / "notes.txt", "notes.txt")
    _refused(_rewrite(archive, tmp_path / "v99.tar.gz", lambda m: m.update(version=99)), "99")
    other = "sqlite" if connection.vendor == "postgresql" else "postgresql"
    _refused(_rewrite(archive, tmp_path / "vendor.tar.gz", lambda m: m.update(vendor=other)), other)
    _refused(_rewrite(archive, tmp_path / "newer.tar.gz",
                      lambda m: m["migrations"].append("core.9999_from_the_future")), "core.9999_from_the_future")
    _refused(_rewrite(archive, tmp_path / "damaged.tar.gz", replace={db_member: b"garbage"}), "校验")
    assert snapshot(media_root) == state

    # A database that fails to load, with a checksum that matches: the live site is untouched.
    garbage = b"PGDMP garbage that pg_restore cannot read" if connection.vendor == "postgresql" else b"SQLite junk"
    _refused(_rewrite(archive, tmp_path / "broken.tar.gz", replace={db_member: garbage},
                      manifest_change=lambda m: m["database"].update(sha256=hashlib.sha256(garbage).hexdigest())))
    assert snapshot(media_root) == state
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT datname FROM pg_database WHERE datname LIKE %s",
                           [connection.settings_dict["NAME"][:40] + "\\_restore\\_%"])
            assert cursor.fetchall() == []  # the temporary database was dropped

    # The good archive still restores after all that.
    call_command("restore_site", str(archive), "--yes", stdout=io.StringIO())
    assert snapshot(media_root) != state
