"""Load the shipped search vocabulary (search/data/gov_vocabulary.tsv) into 搜索同义词.

Idempotent; entries changed or disabled in the admin are kept as they are.
"""
from django.core.management.base import BaseCommand

from search import query_help, vocabulary
from search.models import Synonym


class Command(BaseCommand):
    help = "Load the shipped government vocabulary into the search synonyms (idempotent)."

    def handle(self, *args, **options):
        created = vocabulary.load(Synonym)
        query_help.invalidate_synonyms()
        self.stdout.write(f"{created} vocabulary groups added; {len(vocabulary.entries())} in the shipped file.")
