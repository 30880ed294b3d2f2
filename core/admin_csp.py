"""Wagtail's model chooser widgets without inline scripts (Content-Security-Policy, issue 18).

``BaseChooser.render`` ends the widget's HTML with ``<script>new PageChooser("id", {...});</script>``
(page, document, image and snippet choosers; ``createTaskChooser`` for tasks). Under
``script-src 'self'`` that script is blocked and the 选择 button does nothing. Here the widget
ends with an inert ``<script type="application/json" data-init="Chooser">`` carrying the constructor,
id and options as data attributes instead; core/static/core/js/csp-init.js (on every admin page)
calls the constructor (only the known ones), also for forms added to an inline panel later.
"""
import json

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.admin.widgets.chooser import BaseChooser

_original_render = BaseChooser.render


def _task_chooser():
    from wagtail.admin.widgets.workflows import AdminTaskChooser

    return AdminTaskChooser


def render_without_inline_script(self, name, value, attrs=None, renderer=None):
    try:
        id_ = attrs["id"]
    except (KeyError, TypeError) as e:
        raise TypeError("BaseChooser cannot be rendered without an 'id' attribute") from e
    if isinstance(self, _task_chooser()):
        init, constructor, options = "createTaskChooser", "", None
    elif type(self).render_js_init is BaseChooser.render_js_init:
        init, constructor, options = "Chooser", self.js_constructor, None
    else:  # a chooser with its own initialiser: keep Wagtail's rendering (test_csp.py would show it)
        return _original_render(self, name, value, attrs, renderer)
    value_data = self.get_value_data(value)
    if init == "Chooser":
        options = self.get_js_init_options(id_, name, value_data)
    widget_html = self.render_html(name, value_data, attrs)
    script = format_html(
        '<script type="application/json" data-init="{}" data-constructor="{}" data-id="{}" data-options="{}"></script>',
        init, constructor, id_, json.dumps(options))
    return mark_safe(f"{widget_html}{script}")  # widget_html is Wagtail's own rendered template


def patch_choosers():
    BaseChooser.render = render_without_inline_script
