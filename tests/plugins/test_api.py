"""The hooks at work: test fixture, page placements, workflow assignments, search content, settings."""
import pytest
from django.test import override_settings
from wagtail.models import Workflow, WorkflowPage

from plugins import hookimpl, plugin_setting
from plugins.registry import get_registry
from plugins.search import extra_search_content
from plugins.workflows import apply_workflow_assignments
from plugins.builtin.special_topic.models import SpecialTopicPage
from plugins.builtin.shuanggongshi.models import DisclosureListingPage
from sections.models import ArticlePage, ColumnPage, SectionPage


class SearchPlugin:
    @hookimpl
    def search_document(self, page):
        return {"text": "来自插件的文字", "facets": {"colour": "red"}}


def test_register_plugin_fixture_registers_for_one_test(register_plugin):
    record = register_plugin(SearchPlugin(), name="temporary_search")
    assert record.hooks == ["search_document"]
    assert get_registry().pm.has_plugin("temporary_search")
    assert extra_search_content(page=None) == {"text": "来自插件的文字", "facets": {"colour": "red"}}


def test_register_plugin_fixture_removed_the_plugin_afterwards():
    # Runs after the test above (file order): the fixture has unregistered it.
    assert not get_registry().pm.has_plugin("temporary_search")
    assert "temporary_search" not in get_registry().records
    assert extra_search_content(page=None) == {"text": "", "facets": {}}


def test_register_plugin_rejects_misspelled_hooks(register_plugin):
    from plugins.registry import PluginError

    class Typo:
        @hookimpl
        def search_documents(self, page):
            return None

    with pytest.raises(PluginError, match="search_documents"):
        register_plugin(Typo(), name="typo")


def test_page_placements_allow_plugin_pages_in_the_tree(column):
    aqzt = column("aqzt").specific
    assert isinstance(aqzt, SectionPage)
    assert SpecialTopicPage.can_create_at(aqzt)
    assert SpecialTopicPage.can_create_at(column("aqzt/sgs"))
    topic = SpecialTopicPage(title="专题", slug="topic")
    aqzt.add_child(instance=topic)
    assert ColumnPage.can_create_at(topic)
    assert not ArticlePage.can_create_at(topic)
    assert DisclosureListingPage.can_create_at(column("aqzt/sgs"))
    assert DisclosureListingPage.can_create_at(aqzt)


def test_admin_offers_plugin_page_types_under_a_section(client, make_user, column):
    admin = make_user("root", is_superuser=True, is_staff=True)
    client.force_login(admin)
    aqzt = column("aqzt")
    response = client.get(f"/admin/pages/{aqzt.pk}/add_subpage/")
    assert response.status_code == 200
    assert "/special_topic/specialtopicpage/" in response.content.decode()
    response = client.get(f"/admin/pages/add/special_topic/specialtopicpage/{aqzt.pk}/")
    assert response.status_code == 200


class WorkflowPlugin:
    @hookimpl
    def workflow_assignments(self):
        return [
            ("special_topic.SpecialTopicPage", "专栏审核"),
            ("aqzt/sgs", "专栏审核"),
            ("aqzt/no-such-column", "专栏审核"),
            ("zwgk", "不存在的流程"),
        ]


def test_workflow_assignments_are_applied_by_name(register_plugin, column):
    workflow = Workflow.objects.create(name="专栏审核", active=True)
    register_plugin(WorkflowPlugin(), name="workflows")
    report = apply_workflow_assignments()
    sgs = column("aqzt/sgs")
    assert WorkflowPage.objects.get(page=sgs).workflow == workflow
    assert sgs.get_workflow() == workflow
    assert column("aqzt/sgs/xzcfxxgs").get_workflow() == workflow  # the subtree inherits it
    assert any("no-such-column" in p for p in report.problems)
    assert any("不存在的流程" in p for p in report.problems)
    # A page of an assigned type gets the workflow as soon as it is created.
    topic = SpecialTopicPage(title="安全生产月", slug="month")
    column("aqzt").add_child(instance=topic)
    assert WorkflowPage.objects.get(page_id=topic.pk).workflow == workflow
    # Running again changes nothing.
    again = apply_workflow_assignments()
    assert again.assigned == []


def test_plugin_settings_defaults_and_operator_overrides():
    assert plugin_setting("shuanggongshi", "deadline_workdays") == 7
    with override_settings(GOVSITE_PLUGIN_SETTINGS={"shuanggongshi": {"deadline_workdays": 5}}):
        assert plugin_setting("shuanggongshi", "deadline_workdays") == 5
    with pytest.raises(KeyError):
        plugin_setting("shuanggongshi", "no_such_setting")
