"""Raw SQL for one database vendor as a migration step.

Not a migration itself: Django's loader skips modules whose name starts with _.
"""


def run_sql(statements_by_vendor):
    """A RunPython function executing ``statements_by_vendor[vendor]`` (nothing for other vendors)."""

    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run
