"""Load the shipped government vocabulary into the search synonyms on every install.

Fresh databases get it without the demo; the demo's own synonyms stay as
they are. Later edits of the data file are loaded with
``manage.py load_search_vocabulary``.
"""
from django.db import migrations


def load(apps, schema_editor):
    from search import vocabulary

    vocabulary.load(apps.get_model("sitesearch", "Synonym"))


def unload(apps, schema_editor):
    apps.get_model("sitesearch", "Synonym").objects.exclude(shipped_key="").delete()


class Migration(migrations.Migration):
    dependencies = [("sitesearch", "0007_synonym_shipped_key")]

    operations = [migrations.RunPython(load, unload)]
