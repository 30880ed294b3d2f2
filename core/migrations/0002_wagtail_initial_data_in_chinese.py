"""Wagtail's initial data in Chinese: the names editors read in the admin (root page and collection, the default
workflow and its task, the two default groups). Only rows that still carry Wagtail's English default are renamed."""
from django.db import migrations

RENAMES = [
    # (app label, model, field, English default, Chinese)
    ("wagtailcore", "Page", "title", "Root", "根目录"),
    ("wagtailcore", "Page", "draft_title", "Root", "根目录"),
    ("wagtailcore", "Collection", "name", "Root", "根目录"),
    ("wagtailcore", "Workflow", "name", "Moderators approval", "默认审核流程"),
    ("wagtailcore", "Task", "name", "Moderators approval", "审核员审核"),
    ("auth", "Group", "name", "Moderators", "审核员"),
    ("auth", "Group", "name", "Editors", "编辑"),
]


def rename(apps, schema_editor, forward=True):
    for app_label, model, field, english, chinese in RENAMES:
        old, new = (english, chinese) if forward else (chinese, english)
        manager = apps.get_model(app_label, model).objects
        if model in ("Page", "Collection"):
            manager.filter(depth=1, **{field: old}).update(**{field: new})
        elif not manager.filter(**{field: new}).exists():  # group and workflow names are unique
            manager.filter(**{field: old}).update(**{field: new})


def backwards(apps, schema_editor):
    rename(apps, schema_editor, forward=False)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0002_initial_data"),
        ("wagtailcore", "0025_collection_initial_data"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(rename, backwards)]
