"""Malformed request bodies on the letter form (the complement of test_hostile_input's field values):
broken encodings, too many or oversized fields, wrong content types, files, repeated fields, odd methods.
None gives a server error, none writes a letter, a clock event, an audit entry or a mail, and a refused
form echoes what was typed escaped."""
import pytest
from django.core import mail
from django.test import Client
from wagtail.models import ModelLogEntry

from interaction.models import Letter, LetterClockEvent
from tests.public_forms import solved_captcha, wrong_captcha

pytestmark = pytest.mark.django_db
URL = "/hudong/write/consultation/"
FORM = "application/x-www-form-urlencoded"
SCRIPT = '<script>alert("x")</script>'


def written():
    return (Letter.objects.count(), LetterClockEvent.objects.count(), ModelLogEntry.objects.count(), len(mail.outbox))


def _valid(client, letter_types):
    html = client.get(URL).content.decode()
    data = {"title": "正常标题", "body": "正常的咨询内容", "name": "赵六", "phone": "13800000000", "email": "",
            "allow_publish": "on", "letter_type": str(letter_types["zxzx"].pk)}
    data.update(solved_captcha(html))
    return data


def _encoded(data):
    from urllib.parse import urlencode

    return urlencode(data).encode()


CASES = [
    # name, body built from a valid encoded form (fresh CAPTCHA each time), content type
    ("invalid UTF-8", lambda raw: raw + b"&title=%FF%FE%FD", FORM),
    ("raw invalid UTF-8 bytes", lambda raw: raw.replace(b"title=", b"title=\xff\xfe"), FORM),
    ("broken percent-encoding", lambda raw: raw + b"&body=%E4%B8&name=%zz%", FORM),
    ("NUL in a field name", lambda raw: raw + b"&ti%00tle=x", FORM),
    ("too many fields", lambda raw: raw + b"".join(b"&f%d=1" % n for n in range(10_050)), FORM),
    ("body over the upload limit", lambda raw: raw + b"&body=" + b"x" * (3 * 1024 * 1024), FORM),
    ("JSON instead of a form", lambda raw: b'{"title": "x", "body": "y"}', "application/json"),
    ("XML instead of a form", lambda raw: b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'b'>]><x>&a;</x>",
     "text/xml"),
    ("multipart without a boundary", lambda raw: raw, "multipart/form-data"),
    ("multipart with a broken boundary",
     lambda raw: b"--zz\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nx", "multipart/form-data; boundary=zz"),
    ("empty body", lambda raw: b"", FORM),
    ("semicolons only", lambda raw: b";;;;&&&===", FORM),
    ("repeated fields", lambda raw: raw + b"&" + _encoded({"title": SCRIPT}) + b"&" + _encoded({"letter_type": "0"}),
     FORM),
    ("charset the server does not know", lambda raw: raw, FORM + "; charset=x-unknown-charset"),
    ("UTF-16 declared", lambda raw: "title=标题".encode("utf-16"), FORM + "; charset=utf-16"),
]


def _complete(letter):
    """An accepted letter is whole: number, due date, its first clock event and its audit entry."""
    return (letter.number and letter.due_date and letter.clock_events.count() == 1
            and ModelLogEntry.objects.for_instance(letter).filter(action="interaction.letter.received").count() == 1)


def test_malformed_bodies_write_nothing_half_and_never_500(letter_types, settings):
    settings.RATELIMIT_ENABLE = False
    client = Client(raise_request_exception=False)
    outcomes = {}
    for name, build, content_type in CASES:
        before = written()
        response = client.generic("POST", URL, build(_encoded(_valid(client, letter_types))),
                                  content_type=content_type)
        outcomes[name] = response.status_code
        assert response.status_code in (302, 400, 403, 413), (name, response.status_code)
        assert SCRIPT not in response.content.decode("utf-8", "replace"), name
        if response.status_code == 302:
            letter = Letter.objects.order_by("-pk").first()
            assert written()[:3] == (before[0] + 1, before[1] + 1, before[2] + 1) and _complete(letter), name
            assert "\x00" not in letter.title + letter.body + letter.name
            assert SCRIPT not in client.get(response["Location"]).content.decode()
        else:
            assert written() == before, name
    # Refused outright, whatever the CAPTCHA: bodies Django cannot read as the form.
    for name in ("too many fields", "body over the upload limit", "JSON instead of a form", "XML instead of a form",
                 "empty body", "multipart without a boundary", "NUL in a field name"):
        assert outcomes[name] != 302, (name, outcomes[name])
    # A file where a text field is expected, and methods the form does not take.
    from django.core.files.uploadedfile import SimpleUploadedFile

    before = written()
    upload = dict(_valid(client, letter_types), body=SimpleUploadedFile("x.html", SCRIPT.encode(),
                                                                        content_type="text/html"))
    response = client.post(URL, upload)
    assert response.status_code == 400 and SCRIPT not in response.content.decode() and written() == before
    for method in ("PUT", "PATCH", "DELETE", "OPTIONS"):
        response = client.generic(method, URL, _encoded(_valid(client, letter_types)), content_type=FORM)
        assert response.status_code in (200, 400, 405), (method, response.status_code)
        assert written() == before, method


def test_a_refused_form_echoes_the_input_escaped(client, letter_types, settings):
    settings.RATELIMIT_ENABLE = False
    before = written()
    html = client.get(URL).content.decode()
    data = {"title": SCRIPT, "body": '"><img src=x onerror=alert(1)>', "name": "赵六", "phone": "13800000000",
            "email": "", "letter_type": str(letter_types["zxzx"].pk)}
    data.update(wrong_captcha(html))
    response = client.post(URL, data)
    body = response.content.decode()
    assert response.status_code == 400 and "验证码" in body
    assert SCRIPT not in body and "<img src=x" not in body
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in body  # kept for the writer, as text
    assert "&lt;img src=x onerror=alert(1)&gt;" in body
    assert written() == before
