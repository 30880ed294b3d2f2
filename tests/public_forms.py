"""Helpers for tests that post public forms the way a person does: read the page, solve its CAPTCHA."""
import re

from captcha.models import CaptchaStore

HIDDEN_KEY = re.compile(r'name="captcha_0"[^>]*value="([0-9a-f]+)"|value="([0-9a-f]+)"[^>]*name="captcha_0"')


def captcha_key(html):
    """The CAPTCHA key rendered in a page (the hidden captcha_0 input)."""
    match = HIDDEN_KEY.search(html if isinstance(html, str) else html.decode())
    assert match, "the page renders no CAPTCHA"
    return match.group(1) or match.group(2)


def solved_captcha(html):
    """POST data answering the page's CAPTCHA as a person reading the picture would."""
    key = captcha_key(html)
    return {"captcha_0": key, "captcha_1": CaptchaStore.objects.get(hashkey=key).response}


def wrong_captcha(html):
    key = captcha_key(html)
    answer = CaptchaStore.objects.get(hashkey=key).response
    return {"captcha_0": key, "captcha_1": str(int(answer) + 1) if answer.isdigit() else answer + "x"}
