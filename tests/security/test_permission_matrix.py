"""Issue 18, item 8: every demo role x every admin action, over HTTP, both ways.

Roles: the 14 accounts of ``core.demo_accounts.DEMO_ACCOUNTS``, ``en_translator`` (multilingual demo),
``xjxx_editor`` and ``xjxx_head`` (interaction demo), and a 繁体中文校对 proofreader (a demo group
without a demo account): 18 roles, each a user in the same groups as the demo account.

Actions (``ALLOWED``, 36): page add / edit / publish / unpublish / delete / move in a 宣传培训处 column
(新闻中心 › 新闻) and a 政策法规处 column (信息公开目录 › 政策法规); document and image add / edit /
delete in the 宣传培训处 and 政策法规处 collections; approving one's own submission at the
本部门负责人审核 step (four-eyes) and someone else's; letters admin (list, detail with the writer's
personal data, drafting the reply); 依申请公开 admin (list, detail with the applicant's data,
drafting the answer); the inspection (错敏词/巡检) whole-site overview; site settings; user
management (list, add). 18 x 36 = 648 attempts, each on objects made for it.

Each attempt checks the effect, not only the status: an action counts as done when the database
changed as it should (a page created / live / gone / moved, a revision saved, a file replaced or
gone, a task approved, a letter drafted, a user created) or, for a view, the page was shown with its
content (the personal data in it). The expected table is written out below from the project's rules
(README: departments add and edit in their own columns and collections, nobody but the superuser
publishes, unpublishes, deletes or moves live pages; four-eyes; letters go to the receiving role and
the assigned department; 依申请公开 to 办公室). The test fails on any unauthorised success and on
any allowed action that did not succeed.
"""
import io

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.models import Page, TaskState

pytestmark = pytest.mark.django_db

XCPX, ZCFG = "宣传培训处", "政策法规处"
COLUMNS = {XCPX: "xwzx/xw", ZCFG: "zwgk/xxgkml/zcfg"}
MOVE_TARGETS = {XCPX: "xwzx/tpxw", ZCFG: "zwgk/xxgkml/qzqd"}  # another column of the same department


def _roles():
    from core.demo_accounts import DEMO_ACCOUNTS
    from interaction.demo import EXTRA_ACCOUNTS
    from multilingual.demo import DEMO_TRANSLATOR
    from multilingual.roles import EN_TRANSLATORS_GROUP, HANT_PROOFREADERS_GROUP

    roles = {username: list(groups) for username, _name, groups in DEMO_ACCOUNTS}
    roles[DEMO_TRANSLATOR] = [EN_TRANSLATORS_GROUP]
    roles.update({username: [group] for username, _name, group in EXTRA_ACCOUNTS})
    roles["hant_proofreader"] = [HANT_PROOFREADERS_GROUP]
    return roles


ROLES = _roles()
ALL = frozenset(ROLES)
XCPX_STAFF = {"admin", "xcpx_editor", "xcpx_head"}
ZCFG_STAFF = {"admin", "zcfg_editor", "zcfg_head"}
REVIEWERS = {"chushen", "zhongshen", "baomi", "fenguan", "zhuyao"}
ADMIN = {"admin"}
NOBODY = set()

# action -> the roles that may do it (everyone else must be refused). Derived from the rules above.
ALLOWED = {
    **{f"page.{verb}@{XCPX}": XCPX_STAFF for verb in ("add", "edit")},
    **{f"page.{verb}@{ZCFG}": ZCFG_STAFF for verb in ("add", "edit")},
    **{f"page.{verb}@{dept}": ADMIN for verb in ("publish", "unpublish", "delete", "move") for dept in (XCPX, ZCFG)},
    **{f"{kind}.{verb}@{XCPX}": XCPX_STAFF for kind in ("document", "image") for verb in ("add", "edit", "delete")},
    **{f"{kind}.{verb}@{ZCFG}": ZCFG_STAFF for kind in ("document", "image") for verb in ("add", "edit", "delete")},
    # four-eyes: nobody, the superuser included, approves a step of their own submission
    "workflow.approve_own": NOBODY,
    "workflow.approve_other": {"admin", "xcpx_head"},
    # a 在线咨询 letter: received by the 政策法规处 group (the letter type's receiving role), assigned to
    # 安全生产执法监察处; the 分管局领导 supervises every letter but sees no personal data
    "letters.list": {"admin", "zcfg_editor", "zf_editor", "zf_head", "fenguan"},
    "letters.detail_personal": {"admin", "zcfg_editor", "zf_editor", "zf_head"},
    "letters.reply": {"admin", "zf_editor", "zf_head"},
    "requests.list": {"admin", "bgs_editor", "bgs_head"},
    "requests.detail_personal": {"admin", "bgs_editor", "bgs_head"},
    "requests.answer": {"admin", "bgs_editor", "bgs_head"},
    "inspection.overview": ADMIN | REVIEWERS,
    "settings.edit": ADMIN,
    "users.list": ADMIN,
    "users.add": ADMIN,
}


# --- the attempts: each makes its own objects, acts over HTTP as the user, returns whether it took effect ---

def _png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (4, 4), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class World:
    """Builds what an attempt acts on."""

    def __init__(self, column, site_tree, make_user):
        self.column, self.site_tree, self.make_user = column, site_tree, make_user
        self.counter = 0
        self.submitter = make_user("matrix_submitter", groups=[XCPX])

    def n(self):
        self.counter += 1
        return self.counter

    def article(self, dept, live=False, owner=None):
        from sections.models import ArticlePage

        n = self.n()
        page = ArticlePage(title=f"矩阵稿件{n}", slug=f"matrix-{n}", summary="摘要", owner=owner, live=False)
        self.column(COLUMNS[dept]).add_child(instance=page)
        revision = page.save_revision(user=owner)
        if live:
            revision.publish()
        return Page.objects.get(pk=page.pk).specific

    def collection(self, dept):
        from departments.collections import collection_for
        from departments.models import Department

        return collection_for(Department.objects.get(name=dept))

    def document(self, dept):
        from django.core.files.base import ContentFile
        from wagtail.documents import get_document_model

        document = get_document_model()(title=f"矩阵文件{self.n()}", collection=self.collection(dept))
        document.file.save("matrix.pdf", ContentFile(PDF), save=False)
        document._set_document_file_metadata()
        document.save()
        return document

    def image(self, dept):
        from django.core.files.images import ImageFile
        from wagtail.images import get_image_model

        return get_image_model().objects.create(title=f"矩阵图片{self.n()}", collection=self.collection(dept),
                                                file=ImageFile(io.BytesIO(_png()), name="matrix.png"))


def _article_form(page, title):
    from tests.moderation.moderation_helpers import article_data

    return article_data(title, page.slug if page else f"matrix-new-{title}")


def attempt(action, user, client, world):
    kind, _, rest = action.partition(".")
    verb, _, dept = rest.partition("@")
    if kind == "page":
        return _page(verb, dept, user, client, world)
    if kind in ("document", "image"):
        return _media(kind, verb, dept, user, client, world)
    return globals()[f"_{kind}_{verb}"](user, client, world)


def _page(verb, dept, user, client, world):
    if verb == "add":
        parent = world.column(COLUMNS[dept])
        title = f"新增{world.n()}"
        client.post(reverse("wagtailadmin_pages:add", args=("sections", "articlepage", parent.pk)),
                    _article_form(None, title))
        return Page.objects.filter(title=title).exists()
    if verb == "edit":
        page = world.article(dept)
        client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), _article_form(page, "改过的标题"))
        return Page.objects.get(pk=page.pk).get_latest_revision().as_object().title == "改过的标题"
    if verb == "publish":
        page = world.article(dept)
        data = _article_form(page, page.title)
        data["action-publish"] = "Publish"
        client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)
        return Page.objects.get(pk=page.pk).live
    page = world.article(dept, live=True)
    if verb == "unpublish":
        client.post(reverse("wagtailadmin_pages:unpublish", args=(page.pk,)))
        return not Page.objects.get(pk=page.pk).live
    if verb == "delete":
        client.post(reverse("wagtailadmin_pages:delete", args=(page.pk,)))
        return not Page.objects.filter(pk=page.pk).exists()
    if verb == "move":
        target = world.column(MOVE_TARGETS[dept])
        client.post(reverse("wagtailadmin_pages:move_confirm", args=(page.pk, target.pk)))
        return Page.objects.get(pk=page.pk).get_parent().pk == target.pk
    raise AssertionError(verb)


def _media(kind, verb, dept, user, client, world):
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    model = get_document_model() if kind == "document" else get_image_model()
    prefix = "wagtaildocs" if kind == "document" else "wagtailimages"
    content, name = (PDF, "upload.pdf") if kind == "document" else (_png(), "upload.png")
    if verb == "add":
        title = f"上传{world.n()}"
        collection = world.collection(dept)
        client.post(reverse(f"{prefix}:add"), {
            "title": title, "collection": collection.pk, "tags": "",
            "file": SimpleUploadedFile(name, content),
        })
        return model.objects.filter(title=title, collection=collection).exists()
    item = world.document(dept) if kind == "document" else world.image(dept)
    if verb == "edit":
        client.post(reverse(f"{prefix}:edit", args=(item.pk,)),
                    {"title": "改名的文件", "collection": item.collection_id, "tags": ""})
        return model.objects.get(pk=item.pk).title == "改名的文件"
    if verb == "delete":
        client.post(reverse(f"{prefix}:delete", args=(item.pk,)))
        return not model.objects.filter(pk=item.pk).exists()
    raise AssertionError(verb)


def _submitted(world, submitter):
    from wagtail.models import Workflow

    page = world.article(XCPX, owner=submitter)
    workflow = page.get_workflow() or Workflow.objects.get(name__startswith="新闻中心")
    workflow.start(page, submitter)
    return Page.objects.get(pk=page.pk).specific.current_workflow_task_state


def _approve(client, state):
    url = reverse("wagtailadmin_pages:workflow_action", args=(state.workflow_state.object_id, "approve", state.pk))
    client.post(url, {"comment": "同意"})
    state.refresh_from_db()
    return state.status == TaskState.STATUS_APPROVED


def _workflow_approve_own(user, client, world):
    return _approve(client, _submitted(world, user))


def _workflow_approve_other(user, client, world):
    state = _submitted(world, world.submitter)
    assert state.task.name == "本部门负责人审核", state.task.name
    return _approve(client, state)


def _letter(world):
    from departments.models import Department
    from interaction import workflow
    from interaction.models import LetterType

    admin = type(world.submitter).objects.get(username="admin")
    letter, _code = workflow.submit(LetterType.objects.get(code="zxzx"), title="矩阵来信", body="矩阵来信内容",
                                    name="钱矩阵", phone="13700001111")
    workflow.accept(admin, letter, "")
    workflow.assign(admin, letter, Department.objects.get(name="安全生产执法监察处"), "")
    letter.refresh_from_db()
    return letter


def _shows(client, url, text):
    """A view counts as seen when it is shown with the content it exists for."""
    response = client.get(url)
    return response.status_code == 200 and text in response.content.decode()


def _letters_list(user, client, world):
    return _shows(client, reverse("interaction_letters:index"), _letter(world).number)


def _letters_detail_personal(user, client, world):
    return _shows(client, reverse("interaction_letters:detail", args=(_letter(world).pk,)), "13700001111")


def _letters_reply(user, client, world):
    from interaction.models import State

    letter = _letter(world)
    client.post(reverse("interaction_letters:detail", args=(letter.pk,)),
                {"action": "draft", "draft-reply": "经研究，答复如下：矩阵答复。"})
    letter.refresh_from_db()
    return letter.state == State.DRAFTED and "矩阵答复" in letter.reply


def _request(world):
    from tests.disclosure_requests.factories import make_request

    return make_request()


def _requests_list(user, client, world):
    return _shows(client, reverse("disclosure_requests_admin:list"), _request(world).number)


def _requests_detail_personal(user, client, world):
    item = _request(world)
    return _shows(client, reverse("disclosure_requests_admin:detail", args=(item.pk,)), item.id_number)


def _requests_answer(user, client, world):
    item = _request(world)
    client.post(reverse("disclosure_requests_admin:act", args=(item.pk, "answer")), {
        "answer-outcome": "disclosed", "answer-answer_text": "经查，现将相关信息提供给您。", "answer-legal_basis": "",
    })  # no fee: the one computed from the fee tiers is charged
    item.refresh_from_db()
    return item.outcome == "disclosed" and bool(item.answer_text)


def _inspection_overview(user, client, world):
    response = client.get(reverse("inspection:overview"))
    return response.status_code == 200


def _settings_edit(user, client, world):
    from wagtail.models import Site

    from home.models import SiteSettings

    site = Site.objects.get(is_default_site=True)
    SiteSettings.objects.update_or_create(site=site, defaults={"sponsor": "原主办单位"})
    url = reverse("wagtailsettings:edit", args=("home", "sitesettings", site.pk))
    page = client.get(url)
    from tests.admin_forms import form_defaults

    # A refused GET does not stop the attempt: the POST is tried too, with what a forged form would send.
    data = form_defaults(page.content.decode(), form_id="w-editor-form") if page.status_code == 200 else {}
    data["sponsor"] = "矩阵主办单位"
    client.post(url, data)
    return SiteSettings.for_site(site).sponsor == "矩阵主办单位"


def _users_list(user, client, world):
    return _shows(client, reverse("wagtailusers_users:index"), "matrix_submitter")


def _users_add(user, client, world):
    from django.contrib.auth import get_user_model

    username = f"matrix_new_{world.n()}"
    client.post(reverse("wagtailusers_users:add"), {
        "username": username, "email": f"{username}@example.gov.cn", "first_name": "新", "last_name": "用户",
        "password1": "a-long-Password-2026!", "password2": "a-long-Password-2026!", "is_active": "on",
    })
    return get_user_model().objects.filter(username=username).exists()


# --- the test ---------------------------------------------------------------------------------------

@pytest.fixture
def matrix_users(make_user, site_tree):
    from interaction.setup import ensure_letter_types
    from moderation.setup import ensure_workflows
    from multilingual.roles import ensure_roles
    from participation.access import grant_handler_permissions

    ensure_workflows()
    ensure_roles()
    ensure_letter_types()
    grant_handler_permissions()
    users = {}
    for username, groups in ROLES.items():
        for name in groups:
            assert Group.objects.filter(name=name).exists(), name
        users[username] = make_user(username, groups=groups, email=f"{username}@example.gov.cn",
                                    is_staff=username == "admin", is_superuser=username == "admin")
    return users


def test_the_matrix_covers_every_role_and_action():
    assert len(ROLES) == 18 and len(ALLOWED) == 36  # 648 attempts, one test per role below
    assert all(roles <= ALL for roles in ALLOWED.values())


@pytest.mark.parametrize("username", list(ROLES))  # one test per role, so the workers share the 648 attempts
def test_permission_matrix(username, matrix_users, column, site_tree, make_user):
    world = World(column, site_tree, make_user)
    user = matrix_users[username]
    client = Client(raise_request_exception=False)
    client.force_login(user)
    unauthorised, failed = [], []
    for action, allowed in ALLOWED.items():
        done = attempt(action, user, client, world)
        if done and username not in allowed:
            unauthorised.append(f"{username} {action}")
        elif not done and username in allowed:
            failed.append(f"{username} {action}")
    assert not unauthorised and not failed, (
        f"{len(unauthorised)} unauthorised successes: {unauthorised}\n"
        f"{len(failed)} allowed actions that did not succeed: {failed}")
