"""同步发布: a normative document that requires interpretation goes live only with an approved interpretation."""
import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.models import GroupApprovalTask, PageLogEntry, Workflow, WorkflowTask

from policy.models import InterpretationPage, PolicyDocumentPage, PublicationHold
from tests.policy.policy_test_helpers import ZCWJ, add_url, admin_form_data, document_form


def _normative(make_doc, **kw):
    return make_doc(publish=False, is_normative=True, requires_interpretation=True, **kw)


def _live(page):
    return type(page).objects.get(pk=page.pk).live


def interpretation_form(client, parent, sources, **fields):
    data = admin_form_data(client, add_url(parent, "interpretationpage"))
    data.update({"title": "《上海市安全生产行政许可实施办法》政策解读", "slug": "jd-ssbf", "kind": "text",
                 "interpreter": "政策法规处"})
    data.setlist("source_documents", [str(s.pk) for s in sources])
    for key, value in fields.items():
        data[key] = value
    return data


def test_lone_normative_document_is_held_then_goes_live_with_its_interpretation(admin_client, column, make_doc):
    parent = column(ZCWJ)
    data = document_form(admin_client, parent, is_normative="on", requires_interpretation="on")
    data["action-publish"] = "action-publish"
    response = admin_client.post(add_url(parent), data)
    doc = PolicyDocumentPage.objects.get(slug="xzxk-ssbf")
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{doc.pk}/edit/"
    assert not doc.live
    assert PublicationHold.objects.filter(page=doc).exists()
    assert PageLogEntry.objects.filter(page=doc, action="policy.publish_held").exists()
    assert Client().get("/zwgk/zfxxgk/zcwj/xzxk-ssbf/").status_code == 404

    response = admin_client.post(add_url(parent, "interpretationpage"), {
        **interpretation_form(admin_client, parent, [doc]).dict(), "action-publish": "action-publish",
    })
    assert response.status_code == 302
    interp = InterpretationPage.objects.get(slug="jd-ssbf")
    doc.refresh_from_db()
    assert doc.live and interp.live
    assert not PublicationHold.objects.exists()
    assert PageLogEntry.objects.filter(page=doc, action="policy.released_together").exists()
    html = Client().get(doc.url).content.decode()
    assert interp.url in html  # source lists its interpretation
    assert doc.url in Client().get(interp.url).content.decode()  # interpretation links back


def test_interpretation_approved_first_waits_for_its_document(admin_client, column, make_doc):
    parent = column(ZCWJ)
    doc = _normative(make_doc)
    response = admin_client.post(add_url(parent, "interpretationpage"), {
        **interpretation_form(admin_client, parent, [doc]).dict(), "action-publish": "action-publish",
    })
    interp = InterpretationPage.objects.get(slug="jd-ssbf")
    assert response.status_code == 302 and not interp.live
    assert Client().get("/zwgk/zfxxgk/zcwj/jd-ssbf/").status_code == 404

    # Publishing the document from its edit view releases both.
    data = admin_form_data(admin_client, f"/admin/pages/{doc.pk}/edit/")
    data["action-publish"] = "action-publish"
    response = admin_client.post(f"/admin/pages/{doc.pk}/edit/", data)
    assert response.status_code == 302
    assert _live(doc) and _live(interp)


def test_revision_publish_path_holds_and_releases(make_doc, make_interpretation):
    doc = _normative(make_doc)
    doc.save_revision().publish()
    assert not _live(doc)
    interp = make_interpretation([doc])  # publishes its revision
    assert _live(doc) and _live(interp)


def test_other_paths_cannot_bypass_the_rule(make_doc):
    """Anything that runs the publish action directly is refused by the model's full_clean."""
    doc = _normative(make_doc)
    revision = doc.save_revision()
    with pytest.raises(ValidationError):
        PublishPageRevisionAction(revision).execute(skip_permission_checks=True)
    assert not _live(doc)


def test_workflow_completion_holds_then_releases_together(make_doc, make_interpretation, make_user, column):
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    group = Group.objects.get(name="办公室政务公开审核与保密复核")
    # Wagtail publishes with the last approver's permissions.
    GroupPagePermission.objects.create(
        group=group, page=column(ZCWJ), permission=Permission.objects.get(codename="publish_page"),
    )
    reviewer = make_user("reviewer", groups=[group.name], is_superuser=False)
    task = GroupApprovalTask.objects.create(name="政务公开审核")
    task.groups.set([group])
    workflow = Workflow.objects.create(name="政策文件审核")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)

    doc = _normative(make_doc)
    doc.save_revision()
    workflow.start(doc, reviewer)
    state = doc.current_workflow_state
    state.current_task_state.task.specific.on_action(state.current_task_state, reviewer, "approve")
    assert not _live(doc)
    assert PublicationHold.objects.filter(page=doc).exists()

    interp = make_interpretation([doc], publish=False)
    interp.save_revision()
    workflow.start(interp, reviewer)
    state = interp.current_workflow_state
    state.current_task_state.task.specific.on_action(state.current_task_state, reviewer, "approve")
    assert _live(doc) and _live(interp)


def test_scheduled_publishing_respects_the_rule(make_doc, make_interpretation):
    doc = _normative(make_doc)
    doc.go_live_at = timezone.now() + datetime.timedelta(minutes=5)
    revision = doc.save_revision()
    revision.publish()
    assert not _live(doc)
    interp = make_interpretation([doc])
    # The pair is approved; the document is scheduled, so the interpretation waits for it.
    assert not _live(doc) and not _live(interp)
    from wagtail.models import Revision

    # Five minutes later: the go-live time has passed.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision = Revision.objects.get(pk=revision.pk)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    call_command("publish_scheduled", stdout=_Null())
    assert _live(doc) and _live(interp)


def test_documents_without_the_flag_publish_alone(make_doc):
    doc = make_doc(is_normative=True, requires_interpretation=False)
    assert doc.live


def test_interpretation_never_precedes_its_document(make_doc, make_interpretation):
    doc = make_doc(publish=False)
    interp = make_interpretation([doc])
    assert not _live(interp)
    doc.save_revision().publish()
    assert _live(doc) and _live(interp)


def test_requires_interpretation_only_for_normative_documents(admin_client, column):
    parent = column(ZCWJ)
    data = document_form(admin_client, parent, requires_interpretation="on")
    response = admin_client.post(add_url(parent), data)
    assert response.status_code == 200
    assert not PolicyDocumentPage.objects.filter(slug="xzxk-ssbf").exists()


class _Null:
    def write(self, *a, **k):
        pass

    def flush(self):
        pass
