"""Who may read a policy document that is not 主动公开 (依申请公开 / 不予公开), and its files.

Such a document is never public. Inside the agency only the people who handle
it may read it (issue 18, item 7): superusers, whoever may edit the page (its
department's editors and head, through the page permissions) and the
reviewers of the workflow steps it goes through (初审, 终审, 保密复核, leaders:
each task's ``user_can_access_editor``). Everyone else with an admin account,
a translator or another department's editor included, gets the same 404 as the
public. The files attached to such a document follow the document: a file no
public, live page attaches is served only to someone who handles one of the
pages that attach it.
"""


def user_handles_document(page, user):
    if not (user and user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    if not user.has_perm("wagtailadmin.access_admin"):
        return False
    if page.permissions_for_user(user).can_edit():
        return True
    workflow = page.get_workflow()
    if workflow is None or not workflow.active:
        return False
    for task in workflow.tasks.filter(active=True):
        task = task.specific
        skip_reason = getattr(task, "skip_reason", None)
        if skip_reason is not None and skip_reason(page) is not None:
            continue  # a step this page does not go through (another kind of page, or not important)
        if task.user_can_access_editor(page, user):
            return True
    return False

