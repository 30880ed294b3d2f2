"""Issue 18, item 8: the hostile-input corpus against every public URL, filter and form.

``hostile_inputs.json`` holds 372 entries in 29 classes (371 distinct inputs: one repeats another):
sqli, xss, NUL and other control characters, CRLF, bidi, unicode digits, overlong,
path traversal, template/format-string injection, open redirects ...). Entries
marked ``raw`` are already percent-encoded and go into the address unchanged; ``param-shape``
entries change how the parameter is written (``topic[]=``, repeated, bare, 1,500 keys ...).

What is sent (the numbers are asserted in the tests), 3 x 371 = 1,113 requests:

- query parameters: 58 (URL, parameter) pairs over the policy library and normative-document
  listings (topic, validity, normative, page, year, q), the 双公示 listing (q, authority, year,
  party_type, rpage), a column listing (page), /search/ (q, sort, page, every facet, the advanced
  fields, format) and its 繁體/English versions, /search/api/, a tag page and its RSS/Atom feeds,
  公开信件 (p, channel), statistics (month), the 政策留言 form (page), the consultation form (part),
  care mode (next, on) and the home page. Pair n gets every 58th input from offset n, so the
  pairs together send the whole corpus, about 6 inputs each (the classes interleave): 371 requests;
- path segments: 15 URL shapes (page paths in three languages, tags, feeds, letters, 答复书 (docx, pdf),
  双公示 records, consultation ids, documents), every 15th input each: 371 requests;
- POST forms (CAPTCHA in its test mode, rate limit off): 6 forms (letter, 信件查询,
  依申请公开 application and status lookup, consultation comment, survey), 25 fields in all,
  each field every 25th input: 371 submissions.

So each of the three kinds of target receives all 371 inputs, each input once.

Assertions: no status >= 500 anywhere; redirects stay on the site; a 200 HTML/XML answer
never contains a value with markup characters unescaped (more often than the same target's answer
to a harmless value does, since every page has its own ``</script>``); a refused POST writes no row
(counted before and after), an accepted one writes exactly one and stores the text as typed
(after the form's documented stripping). Runs on SQLite and PostgreSQL (CI runs both).
"""
import json
import pathlib
from dataclasses import dataclass
from urllib.parse import quote, unquote, unquote_plus, urlencode, urlparse

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

CORPUS_FILE = pathlib.Path(__file__).with_name("hostile_inputs.json")
MARKUP = set("<>\"'")


@dataclass(frozen=True)
class Hostile:
    kind: str
    value: str
    raw: bool  # already percent-encoded: goes into the address as it is
    shape: str = ""  # class param-shape: how the parameter itself is written (brackets, repeated, ...)

    def decoded(self, plus=False):
        if not self.raw:
            return self.value
        return unquote_plus(self.value) if plus else unquote(self.value)

    def has_markup(self, plus=False):
        text = self.decoded(plus)
        return len(text) >= 3 and bool(MARKUP & set(text))


def _load():
    seen, corpus = set(), []
    for entry in json.loads(CORPUS_FILE.read_text(encoding="utf-8")):
        item = Hostile(entry["class"], entry["value"], bool(entry.get("raw")), entry.get("shape", ""))
        if (item.value, item.raw, item.shape) not in seen:
            seen.add((item.value, item.raw, item.shape))
            corpus.append(item)
    return corpus


CORPUS = _load()
# Strides keep the file fast (about 1,900 requests) while every input still reaches every kind of
# target: the slots of one kind together cover all residues of its stride, so all of the corpus.
GET_STRIDE = 58  # = the number of GET targets, PATH_STRIDE of path shapes, POST_STRIDE of form fields:
PATH_STRIDE = 15  # each input then reaches exactly one target of each kind
POST_STRIDE = 25


def sample(slot, stride):
    """Every ``stride``-th input, starting at ``slot % stride``: deterministic, and ``stride``
    consecutive slots together send the whole corpus."""
    return CORPUS[slot % stride::stride]


# --- fixtures -----------------------------------------------------------------------------------

@pytest.fixture
def public_site(column, publish, settings, monkeypatch):
    """One of every public listing, a tagged policy document, a letter, a request, a consultation, a survey."""
    import datetime

    from captcha.conf import settings as captcha_settings
    from django.utils import timezone

    from interaction import workflow
    from interaction.models import LetterType
    from interaction.setup import ensure_letter_types
    from participation.models import ConsultationPage, SurveyPage, SurveyQuestion
    from policy.models import NormativeDocumentsPage, PolicyDocumentPage, PolicyLibraryPage, PolicyTag, PolicyTopic
    from tests.disclosure_requests.factories import make_request
    from tests.plugins.builtin.sgs_helpers import make_listing, make_record

    settings.RATELIMIT_ENABLE = False
    # django-simple-captcha reads CAPTCHA_TEST_MODE once at import, so set it where the field reads it:
    # the answer "passed" is then accepted (the CAPTCHA itself is tested in tests/core).
    monkeypatch.setattr(captcha_settings, "CAPTCHA_TEST_MODE", True)

    policy_column = column("zwgk/zfxxgk/zcwj")
    library = publish(policy_column, PolicyLibraryPage(title="政策文件库", slug="hc-zcwjk"))
    normative = publish(policy_column, NormativeDocumentsPage(title="现行有效行政规范性文件", slug="hc-gfxwj"))
    topic = PolicyTopic.objects.create(name="安全生产（语料）")
    tag = PolicyTag.objects.filter(is_active=True).first() or PolicyTag.objects.create(name="语料标签", slug="hc-tag")
    document = PolicyDocumentPage(
        title="关于语料测试的通知", slug="hc-doc", doc_number="沪应急规〔2023〕901号", is_normative=True,
        written_date=datetime.date(2023, 3, 1), live=False,
    )
    policy_column.add_child(instance=document)
    document.topics.add(topic)
    document.tags.add(tag)
    document.save_revision().publish()
    sgs = make_listing(column("aqzt/sgs"), slug="hc-records")
    record = make_record()

    ensure_letter_types()
    types = {t.code: t for t in LetterType.objects.all()}
    letter, letter_code = workflow.submit(types["zxzx"], title="咨询培训报名", body="请问在哪里报名？", name="赵六",
                                          phone="13800000000")
    disclosure = make_request()

    today = timezone.localdate()
    consultation = publish(column("zwhd/gzhd/caoan"), ConsultationPage(
        title="语料征求意见", slug="hc-consultation", kind="other", draft_text="第一条 语料。\n第二条 测试。",
        start_date=today - datetime.timedelta(days=3), end_date=today + datetime.timedelta(days=30),
    ))
    survey = SurveyPage(title="语料调查", slug="hc-survey", start_date=today - datetime.timedelta(days=3),
                        end_date=today + datetime.timedelta(days=30))
    survey.questions = [
        SurveyQuestion(text="您知道最近的避难场所吗？", kind="single", choices="知道\n不知道"),
        SurveyQuestion(text="其他建议", kind="text", required=False),
    ]
    survey = publish(column("zwhd/gzhd/zxdc"), survey)
    return {
        "library": library, "normative": normative, "sgs": sgs, "record": record, "tag": tag, "topic": topic,
        "document": document, "letter": letter, "letter_code": letter_code, "letter_type": types["zxzx"],
        "disclosure": disclosure, "consultation": consultation, "survey": survey,
        "column": column("xwzx/xw"),
    }


def _get_targets(site):
    """(URL, parameter) pairs: every filter of every public listing and form page."""
    library, normative, sgs = site["library"].url, site["normative"].url, site["sgs"].url
    tag = f"/policy/tags/{site['tag'].slug}/"
    targets = []
    for url in (library, normative):
        targets += [(url, p) for p in ("topic", "validity", "normative", "page", "year", "q")]
    targets += [(sgs, p) for p in ("q", "authority", "year", "party_type", "rpage")]
    targets += [(site["column"].url, "page")]
    search_params = ("q", "sort", "page", "section", "column", "tag", "validity", "issuer", "doc_type",
                     "content_type", "year", "title", "doc_number", "index_number", "date_from", "date_to", "format")
    targets += [("/search/", p) for p in search_params]
    targets += [(prefix + "/search/", p) for prefix in ("/zh-hant", "/en") for p in ("q", "year", "date_from", "sort")]
    targets += [("/search/api/", p) for p in ("q", "page", "year", "date_to")]
    targets += [(tag, "page"), (tag + "rss/", "page"), (tag + "atom/", "page")]
    targets += [("/hudong/letters/", "p"), ("/hudong/letters/", "channel"), ("/hudong/statistics/", "month"),
                ("/hudong/write/policy/", "page"), (f"/participation/comment/{site['consultation'].pk}/", "part"),
                ("/care-mode/", "next"), ("/care-mode/", "on"), ("/", "page")]
    return targets


def _path_targets(site):
    return [
        "/{}/", "/xwzx/{}/", "/zh-hant/{}/", "/en/{}/", site["library"].url + "{}/",
        "/policy/tags/{}/", "/policy/tags/{}/rss/", "/policy/tags/{}/atom/",
        "/hudong/letters/{}/", "/hudong/write/{}/", "/ysqgk/status/{}/reply.docx", "/ysqgk/status/{}/reply.pdf",
        site["sgs"].url + "record/{}/", "/participation/comment/{}/", "/documents/1/{}",
    ]


# --- checks -------------------------------------------------------------------------------------

class Findings:
    def __init__(self):
        self.problems = []
        self.requests = 0

    def check(self, response, item, where, plus=False, baseline=""):
        """``baseline``: the body of the same target with a harmless value; markup the page itself
        contains (every page closes a ``</script>``) is not the input coming back."""
        self.requests += 1
        status = response.status_code
        if status >= 500:
            exc = getattr(response, "exc_info", None)
            self.problems.append(f"{status} {where} {item.kind}:{item.value!r} {exc[1]!r}" if exc else
                                 f"{status} {where} {item.kind}:{item.value!r}")
            return
        if 300 <= status < 400:
            location = urlparse(response.get("Location", ""))
            if location.netloc not in ("", "testserver") or response.get("Location", "").startswith("//"):
                self.problems.append(f"off-site redirect {where} {item.value!r} -> {response['Location']}")
            return
        content_type = response.get("Content-Type", "")
        if status == 200 and not response.streaming and ("html" in content_type or "xml" in content_type):
            text = item.decoded(plus)
            if item.has_markup(plus) and response.content.decode("utf-8", "replace").count(text) > baseline.count(text):
                self.problems.append(f"unescaped {where} {item.kind}:{item.value!r}")

    def assert_clean(self):
        assert not self.problems, f"{len(self.problems)} problems in {self.requests} requests:\n" + "\n".join(
            self.problems[:40])


def _client():
    return Client(raise_request_exception=False)


SHAPES = {
    "brackets": "{p}[]={v}", "indexed": "{p}[0]={v}", "dict": "{p}[a]={v}", "repeated": "{p}={v}&{p}={v}2",
    "bare": "{p}", "empty-key": "={v}&{p}={v}",
    # past DATA_UPLOAD_MAX_NUMBER_FIELDS (1000): Django answers 400
    "many-keys": "&".join(f"k{n}=1" for n in range(1500)) + "&{p}={v}",
}


def _query(param, item):
    if item.shape:
        return SHAPES[item.shape].format(p=param, v=quote(item.value, safe=""))
    # Lone surrogates (class emoji-surrogate) go out as the bytes a hostile client sends for them.
    return f"{param}={item.value}" if item.raw else urlencode({param: item.value}, errors="surrogatepass")


# --- tests --------------------------------------------------------------------------------------

def test_query_parameters(public_site):
    # the corpus and the sampling are what the module docstring says
    assert len(CORPUS) == 371 and len({i.kind for i in CORPUS}) == 29
    targets = _get_targets(public_site)
    assert len(targets) == 58 and len(_path_targets(public_site)) == 15
    assert len(targets) >= GET_STRIDE and len(_path_targets(public_site)) >= PATH_STRIDE
    assert sum(len(fields) for _name, fields, _build in POST_FORMS) == 25 >= POST_STRIDE
    assert sum(len(sample(n, GET_STRIDE)) for n in range(len(targets))) == len(CORPUS)
    assert sum(len(sample(n, PATH_STRIDE)) for n in range(15)) == len(CORPUS)
    assert sum(len(sample(n, POST_STRIDE)) for n in range(25)) == len(CORPUS)
    for stride in (GET_STRIDE, PATH_STRIDE, POST_STRIDE):
        sent = [i for n in range(stride) for i in sample(n, stride)]
        assert len(sent) == len(CORPUS) and set(sent) == set(CORPUS)
    client, findings = _client(), Findings()
    for slot, (url, param) in enumerate(_get_targets(public_site)):
        baseline = client.get(url, {param: "corpus"}).content.decode()
        for item in sample(slot, GET_STRIDE):
            response = client.get(f"{url}?{_query(param, item)}")
            findings.check(response, item, f"GET {url}?{param}=", plus=True, baseline=baseline)
    assert findings.requests == sum(len(sample(n, GET_STRIDE)) for n in range(len(_get_targets(public_site))))
    findings.assert_clean()


def test_path_segments(public_site):
    client, findings = _client(), Findings()
    for slot, shape in enumerate(_path_targets(public_site)):
        baseline = client.get(shape.format("corpus")).content.decode()
        for item in sample(slot, PATH_STRIDE):
            segment = item.value if item.raw else quote(item.value, safe="", errors="surrogatepass")
            response = client.get(shape.format(segment))
            findings.check(response, item, f"GET {shape}", baseline=baseline)
    assert findings.requests == sum(len(sample(n, PATH_STRIDE)) for n in range(15))
    findings.assert_clean()


# --- POST forms ---------------------------------------------------------------------------------

def _as_received(value):
    """What the server decodes from the bytes sent (a lone surrogate has no UTF-8 form: it arrives as U+FFFD)."""
    return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def _strip(value):
    return value.strip()


def _collapse(value):
    return " ".join(value.split())


def _letter(site):
    from interaction.models import Letter, LetterClockEvent

    data = {"letter_type": str(site["letter_type"].pk), "title": "正常标题", "body": "正常的咨询内容",
            "name": "赵六", "phone": "13800000000", "email": "", "allow_publish": "on"}
    return "/hudong/write/consultation/", data, (Letter, LetterClockEvent), Letter


def _letter_query(site):
    from interaction.models import Letter, LetterClockEvent

    return ("/hudong/query/", {"number": site["letter"].number, "code": site["letter_code"]},
            (Letter, LetterClockEvent), None)


def _apply(site):
    from disclosure_requests.models import ClockEntry, DisclosureRequest
    from tests.disclosure_requests.factories import ID_CARD

    data = {
        "applicant_type": "natural", "name": "陈晓燕", "id_type": "id_card", "id_number": ID_CARD,
        "contact_person": "", "phone": "13812345678", "email": "chenxy@example.com", "address": "", "postcode": "",
        "info_title": "2025年本市危险化学品事故统计", "info_doc_number": "",
        "description": "请提供2025年本市危险化学品事故起数统计。", "delivery_form": "electronic",
        "delivery_channel": "email",
    }
    return "/ysqgk/apply/", data, (DisclosureRequest, ClockEntry), DisclosureRequest


def _status(site):
    from disclosure_requests.models import DisclosureRequest

    item = site["disclosure"]
    return "/ysqgk/status/", {"number": item.number, "code": item.query_code}, (DisclosureRequest,), None


def _comment(site):
    from participation.models import ParticipationComment

    data = {"body": "建议增加对小微企业的指导。", "name": "张三丰", "phone": "13912345678", "email": ""}
    return f"/participation/comment/{site['consultation'].pk}/", data, (ParticipationComment,), ParticipationComment


def _survey(site):
    from participation.models import SurveyAnswer, SurveyResponse

    single, text = site["survey"].questions.all()
    data = {f"q{single.pk}": "0", f"q{text.pk}": "多设标识"}
    return f"/participation/survey/{site['survey'].pk}/", data, (SurveyResponse, SurveyAnswer), SurveyAnswer


# form, hostile fields (name -> how the stored text relates to the typed text, None: not stored)
POST_FORMS = [
    ("letter", {"title": _collapse, "body": _strip, "name": _strip, "phone": _strip, "email": None,
                "letter_type": None}, _letter),
    ("letter-query", {"number": None, "code": None}, _letter_query),
    ("apply", {"name": _strip, "id_number": None, "phone": _strip, "email": None, "address": _strip,
               "postcode": _strip, "info_title": _strip, "info_doc_number": _strip, "description": _strip}, _apply),
    ("status", {"number": None, "code": None}, _status),
    ("comment", {"body": _strip, "name": _strip, "phone": _strip, "part": None}, _comment),
    ("survey", {"q-single": None, "q-text": _strip}, _survey),
]


def _stored_text(model, field, survey_questions=None):
    from participation.models import SurveyAnswer

    latest = model.objects.order_by("-pk").first()
    if model is SurveyAnswer:
        return model.objects.filter(response=latest.response, question=survey_questions[1]).get().text
    return getattr(latest, field)


def test_public_form_posts(public_site):
    """All six forms in one test: the site is built once (this file must stay fast)."""
    questions = list(public_site["survey"].questions.all())
    client, findings = _client(), Findings()
    tally = {}
    slot = 0
    for name, fields, build in POST_FORMS:
        url, valid, counted, stored_model = build(public_site)
        baseline = client.get(url).content.decode()  # the form page: the same templates as a refused post
        accepted = refused = 0
        for field, normalise in fields.items():
            key = {"q-single": f"q{questions[0].pk}", "q-text": f"q{questions[1].pk}"}.get(field, field)
            for item in sample(slot, POST_STRIDE):
                client.cookies.clear()  # the survey answers once per browser
                data = {**valid, key: item.decoded(plus=True), "captcha_0": "corpus", "captcha_1": "passed"}
                before = [model.objects.count() for model in counted]
                body = urlencode(data, doseq=True, errors="surrogatepass")
                response = client.post(url, body, content_type="application/x-www-form-urlencoded")
                findings.check(response, item, f"POST {url} {field}=", plus=True, baseline=baseline)
                after = [model.objects.count() for model in counted]
                grew = after[0] - before[0]
                if stored_model is None or grew == 0:
                    if after != before:
                        findings.problems.append(f"refused or lookup post wrote rows: {url} {field}={item.value!r}")
                    refused += 1
                    continue
                accepted += 1
                if grew != 1:
                    findings.problems.append(f"{grew} rows for one post: {url} {field}={item.value!r}")
                elif normalise is not None:
                    stored = _stored_text(stored_model, field, questions)
                    if stored != normalise(_as_received(item.decoded(plus=True))):
                        findings.problems.append(f"stored {stored!r} for typed {item.value!r}: {url} {field}")
            slot += 1
        if stored_model is not None:
            tally[name] = (accepted, refused)
    assert findings.requests == len(CORPUS)
    findings.assert_clean()
    # A valid base with a hostile value in one field is sometimes a legitimate submission, sometimes
    # not: if a form accepted nothing (or refused nothing), its base data is wrong and the checks saw nothing.
    assert all(accepted > 0 and refused > 0 for accepted, refused in tally.values()), tally
