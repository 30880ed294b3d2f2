"""The demo queue: every demo reviewer has something waiting on the dashboard; loading twice adds nothing."""
import io

from django.core.management import call_command
from wagtail.models import Page, TaskState

from core.demo_accounts import ensure_demo_accounts


def test_demo_puts_an_item_at_every_step(site_tree, client):
    ensure_demo_accounts()
    from moderation import demo

    out = io.StringIO()
    demo.load(out)
    count = Page.objects.count()
    demo.load(out)
    assert Page.objects.count() == count
    assert "already present" in out.getvalue()

    waiting = {s.task.name for s in TaskState.objects.filter(status="in_progress").select_related("task")}
    assert waiting >= {
        "本部门负责人审核", "宣教信息中心初审", "宣传培训处复核终审", "办公室政务公开审核与保密复核",
        "分管局领导审批（重要信息）", "主要领导审批（重要信息）", "宣传培训处会签（栏目维护）", "分管局领导审批（栏目维护）",
    }
    from django.contrib.auth import get_user_model

    for username in ["xcpx_head", "zcfg_head", "zf_head", "bgs_head", "chushen", "zhongshen", "baomi", "fenguan", "zhuyao"]:
        client.force_login(get_user_model().objects.get(username=username))
        body = client.get("/admin/").content.decode()
        assert "review-demo" in body or "/workflow/action/" in body, username


def test_setup_workflows_command_is_idempotent(site_tree):
    from wagtail.models import Workflow, WorkflowTask

    call_command("setup_workflows", stdout=io.StringIO())
    counts = (Workflow.objects.count(), WorkflowTask.objects.count())
    call_command("setup_workflows", stdout=io.StringIO())
    assert (Workflow.objects.count(), WorkflowTask.objects.count()) == counts
    assert Workflow.objects.get(name="新闻中心审核流程").workflow_pages.get().page.slug == "xwzx"
