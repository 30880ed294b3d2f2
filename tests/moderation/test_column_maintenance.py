"""栏目维护: a new or renamed column needs 宣传培训处会签 then 分管局领导; the item steps do not apply."""
from django.urls import reverse
from wagtail.models import Page

from .moderation_helpers import act, current_task_state


def test_new_column_needs_countersign_and_leader(users, as_user, column):
    editor = as_user(users["xcpx_editor"])
    parent = column("xwzx/xw")
    url = reverse("wagtailadmin_pages:add", args=("sections", "columnpage", parent.pk))
    response = editor.post(url, {
        "title": "应急科普专栏", "slug": "yjkp", "department": "", "intro": "新增栏目",
        "comments-TOTAL_FORMS": "0", "comments-INITIAL_FORMS": "0", "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000", "action-submit": "Submit",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    page = Page.objects.get(slug="yjkp")
    assert current_task_state(page).task.name == "宣传培训处会签（栏目维护）"
    # The department head and first reviewer have no say here.
    act(as_user(users["chushen"]), page, "approve")
    assert current_task_state(page).task.name == "宣传培训处会签（栏目维护）"
    act(as_user(users["zhongshen"]), page, "approve", comment="会签同意")
    assert current_task_state(page).task.name == "分管局领导审批（栏目维护）"
    page.refresh_from_db()
    assert not page.live
    # An empty new column cannot go live (inspection/column_guard.py): its first item is published first.
    from sections.models import ArticlePage

    item = ArticlePage(title="科普第一期", slug="kp-1", summary="摘要")
    page.add_child(instance=item)
    item.save_revision().publish()
    act(as_user(users["fenguan"]), page, "approve", comment="同意设立")
    page.refresh_from_db()
    assert page.live
