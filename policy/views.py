"""Public tag pages: documents carrying a catalogue tag, newest first."""
from django.shortcuts import get_object_or_404, render

from sections.models.listing import paginate

from .models import PolicyTag
from .models.library import public_documents


def tagged_documents(tag):
    return public_documents().filter(tagged_items__tag=tag).distinct()


def tag_page(request, slug):
    tag = get_object_or_404(PolicyTag.objects.select_related("category"), slug=slug[:100])
    documents = paginate(request, tagged_documents(tag))
    return render(request, "policy/tag_page.html", {"tag": tag, "documents": documents, "page_title": tag.name})
