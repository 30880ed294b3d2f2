"""Registering audit-log actions with a Chinese label and a message built from the entry's data.

Wagtail's ``register_action(action, label, message)`` takes a fixed message; a
callable passed there is shown as a bound method. Every app registers its
actions through ``register_log_action`` instead::

    @hooks.register("register_log_actions")
    def register_log_actions(actions):
        register_log_action(actions, "letters.replied", _("Reply published"),
                            lambda data: _("Reply published by %(department)s") % data)

``message`` may be text, a callable taking the entry's data (a dict), or None
(the label). A message that cannot be built from old or partial data falls
back to the label rather than breaking the history view. ``comment`` (optional, a
callable taking the data) gives the entry's comment, e.g. the reason of a step, shown
in the history and in the audit report.
"""
from wagtail.log_actions import LogFormatter


def register_log_action(actions, action, label, message=None, comment=None):
    class Formatter(LogFormatter):
        def format_comment(self, log_entry):
            data = log_entry.data or {}
            if comment is None:
                return data.get("comment", "") or ""
            try:
                return str(comment(data) or "")
            except (KeyError, TypeError, ValueError, AttributeError):
                return ""

        def format_message(self, log_entry):
            if message is None:
                return str(label)
            if not callable(message):
                return str(message)
            try:
                return str(message(log_entry.data or {}))
            except (KeyError, TypeError, ValueError, AttributeError):
                return str(label)

    Formatter.label = label
    Formatter.__name__ = f"LogFormatter[{action}]"
    actions.register_action(action)(Formatter)
