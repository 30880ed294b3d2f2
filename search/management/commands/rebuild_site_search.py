"""Rebuild the site search index while the site keeps serving.

Embedded backend: documents are upserted in batches (each batch one short
transaction), then documents of pages that are no longer searchable are
removed, so searches see the old index until a page's new row replaces it.
Elasticsearch: a shadow index is built and the alias swapped at the end.
Safe to interrupt: rerunning resumes by upserting again.
"""
from django.core.management.base import BaseCommand
from tqdm import tqdm
from wagtail.models import Page

from search import query_help
from search.backends import get_backend
from search.indexing import BatchContext, build_document, indexable_models, is_indexable, page_facets


class Command(BaseCommand):
    help = "Rebuild the public site search index (with a progress bar)."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=200)
        parser.add_argument("--backend", choices=["embedded", "elasticsearch"], default=None)
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, batch_size, backend, no_progress, **options):
        backend = get_backend(backend)
        qs = Page.objects.type(*indexable_models()).live().order_by("pk")
        total = qs.count()
        bar = tqdm(total=total, unit="page", disable=no_progress or None, file=self.stderr._out)
        seen = set()
        indexed = 0

        def batches():
            nonlocal indexed
            ids = list(qs.values_list("pk", flat=True))
            for start in range(0, len(ids), batch_size):
                chunk = ids[start:start + batch_size]
                docs = []
                pages = list(Page.objects.filter(pk__in=chunk).specific().select_related("locale"))
                context = BatchContext(pages)
                for page in pages:
                    facets = page_facets(page)
                    if is_indexable(page, facets, context):
                        docs.append(build_document(page, facets, context))
                        seen.add(page.pk)
                bar.update(len(chunk))
                indexed += len(docs)
                query_help.record_vocabulary(docs)
                yield docs

        if hasattr(backend, "rebuild"):
            for _ in backend.rebuild(batches()):
                pass
        else:
            for docs in batches():
                backend.index_documents(docs)
            stale = backend.indexed_page_ids() - seen
            if stale:
                backend.delete_pages(stale)
        bar.close()
        self.stdout.write(self.style.SUCCESS(f"Indexed {indexed} of {total} live content pages."))
