from django.test import Client

from policy import demo
from policy.models import InterpretationPage, PolicyDocumentPage, Validity


class Out:
    def __init__(self):
        self.text = ""

    def write(self, s, *a, **k):
        self.text += s + "\n"


def test_demo_library_is_realistic_and_idempotent(site_tree, column):
    out = Out()
    demo.load(out)
    docs = PolicyDocumentPage.objects.live()
    assert docs.count() >= 30
    assert set(docs.values_list("validity", flat=True)) == set(Validity.values)
    assert InterpretationPage.objects.live().count() >= 5
    assert docs.filter(service_count__gt=0).count() >= 5
    assert "Policy library:" in out.text and "row" not in out.text
    counts = (PolicyDocumentPage.objects.count(), InterpretationPage.objects.count())
    out = Out()
    demo.load(out)
    assert (PolicyDocumentPage.objects.count(), InterpretationPage.objects.count()) == counts
    assert "already present" in out.text
    client = Client()
    for page in list(docs[:5]) + list(InterpretationPage.objects.live()[:2]):
        assert client.get(page.url).status_code == 200
    assert client.get("/zwgk/xxgkml/zcfg/xxyxgfxwj/").status_code == 200
    assert client.get("/zwgk/zfxxgk/zcwj/zcwjk/?validity=repealed").status_code == 200
