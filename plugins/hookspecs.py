"""Hook specifications: everything a plugin can contribute.

Every function here is a hook a plugin may implement in its plugin module
with ``@plugins.hookimpl``. A hook implementation may accept any subset of
the arguments listed. Implementing a name that is not listed here is an
error raised at start-up (``PluginManager.check_pending``).
"""
from . import hookspec


@hookspec
def installed_apps():
    """Return a list of Django app modules to add to INSTALLED_APPS.

    Called from the settings module before Django is set up, so the plugin
    module must not import Django models at module level. Models, page types,
    migrations, templates (``<app>/templates/``) and static files
    (``<app>/static/``) come with the app, as in any Django app.
    """


@hookspec
def page_placements():
    """Return ``[(page_type, [parent_page_type, ...]), ...]`` with app labels such as ``"sections.ColumnPage"``.

    Says where a page type may be created in the tree. Applied once when
    Django is ready: the parent types are added to the page type's
    ``parent_page_types`` and, when a parent restricts its
    ``subpage_types``, the page type is added there too. Plugins may place
    their own page types and also platform types below theirs (e.g. allow
    ``sections.ColumnPage`` below a special topic).
    """


@hookspec
def admin_menu_items():
    """Return a list of ``wagtail.admin.menu.MenuItem`` objects for the main admin menu."""


@hookspec
def admin_urls():
    """Return a list of URL patterns to mount under ``/admin/``.

    Use a prefix unique to the plugin, e.g. ``path("my-column/report/", ...)``.
    Views should check permissions themselves.
    """


@hookspec
def admin_viewsets():
    """Return a list of Wagtail ``ViewSet``/``ViewSetGroup`` objects (e.g. a ``ModelViewSet`` for records)."""


@hookspec
def dashboard_panels(request):
    """Return a list of Wagtail admin components to show on the admin dashboard for ``request.user``."""


@hookspec
def workflow_assignments():
    """Return ``[(target, workflow_name), ...]`` assigning review workflows.

    ``target`` is a page type label (``"special_topic.SpecialTopicPage"``:
    every page of that type, including ones created later, with its subtree)
    or a slug path below the home page (``"aqzt/sgs"``: that subtree).
    ``workflow_name`` is the name of a Wagtail ``Workflow``; a name that does
    not exist is reported by ``manage.py apply_plugin_workflows`` and skipped.
    """


@hookspec
def search_document(page):
    """Return extra search content for ``page`` or ``None``.

    The result is a dict ``{"text": "...", "facets": {"name": "value"}}``;
    both keys are optional. The site search collects the answers of all
    plugins through ``plugins.search.extra_search_content(page)`` when it
    indexes a page, so a plugin can make structured content (records shown
    on its page) findable and filterable.
    """


@hookspec
def load_demo_data(stdout):
    """Create demo content; write a one-line summary to ``stdout``.

    Called by ``manage.py setup_demo`` (through ``plugins/demo.py``). Must be
    idempotent: a second run adds nothing.
    """


@hookspec
def plugin_settings():
    """Return a dict of this plugin's settings with their default values.

    Operators override them per plugin in Django settings::

        GOVSITE_PLUGIN_SETTINGS = {"shuanggongshi": {"deadline_workdays": 5}}

    Read them with ``plugins.plugin_setting("shuanggongshi", "deadline_workdays")``.
    """
