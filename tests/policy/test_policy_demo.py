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


def test_demo_interpretations_go_live_when_documents_have_translations(site_tree, column, settings, client):
    """Defect 5: with 繁體/English copies of the documents present (as in setup_demo), the demo linked each
    interpretation to the copies too (same 索引号); the English copy is a draft, so every interpretation was
    held for 同步发布 and none was public. The policy listings must also be reachable from the navigation."""
    import re

    settings.MULTILINGUAL = {**getattr(settings, "MULTILINGUAL", {}), "AUTO_SYNC": True}
    demo.load(Out())

    source = InterpretationPage.objects.filter(locale__language_code="zh-hans")
    assert source.count() >= 5
    assert not source.filter(live=False).exists(), list(source.filter(live=False).values_list("title", flat=True))
    for interp in source:
        assert {d.locale_id for d in interp.source_documents.all()} == {interp.locale_id}, interp.title
    assert PolicyDocumentPage.objects.filter(locale__language_code="zh-hant").exists()  # the copies were there

    interp = source.first()
    doc = interp.source_documents.first()
    assert interp.url in client.get(doc.url).content.decode()  # the document page links its interpretation
    assert interp.url in client.get("/zwgk/xxgkml/zchd/").content.decode()  # 政策互动 lists it

    # 现行有效行政规范性文件 and 政策文件库 are blocks of their columns and nodes of the site map.
    normative, library = "/zwgk/xxgkml/zcfg/xxyxgfxwj/", "/zwgk/zfxxgk/zcwj/zcwjk/"
    assert f'href="{normative}"' in client.get("/zwgk/xxgkml/zcfg/").content.decode()
    assert f'href="{library}"' in client.get("/zwgk/zfxxgk/zcwj/").content.decode()
    site_map = client.get("/sitemap/").content.decode()
    assert f'href="{normative}"' in site_map and f'href="{library}"' in site_map
    assert 'href="/zh-hant/zwgk/xxgkml/zcfg/xxyxgfxwj/"' in client.get("/zh-hant/sitemap/").content.decode()

    # The 现行有效 list holds only documents in force (as amended): none repealed, expired or not yet in force.
    listed = set(re.findall(r'href="(/zwgk/[^"]+/)"', client.get(normative).content.decode()))
    shown = [d for d in PolicyDocumentPage.objects.live().filter(locale__language_code="zh-hans") if d.url in listed]
    assert shown and {d.validity for d in shown} <= {Validity.IN_FORCE, Validity.AMENDED}
    assert all(d.is_normative for d in shown)


def test_interpretation_refuses_documents_in_another_language(site_tree, column, settings):
    import pytest
    from django.core.exceptions import ValidationError

    settings.MULTILINGUAL = {**getattr(settings, "MULTILINGUAL", {}), "AUTO_SYNC": True}
    demo.load(Out())
    english_copy = PolicyDocumentPage.objects.filter(locale__language_code="en").first()
    interp = InterpretationPage.objects.filter(locale__language_code="zh-hans").first()
    interp.source_documents = [english_copy]
    with pytest.raises(ValidationError) as error:
        interp.full_clean()
    assert "请选择与本页同一语言的政策文件" in str(error.value)
