"""Posting letters the way a person does: open the form, solve its CAPTCHA, send."""
from tests.public_forms import solved_captcha, wrong_captcha

from interaction.views import SESSION_KEY


def letter_data(html, **overrides):
    data = {"title": "关于危化品经营许可证延续的咨询", "body": "请问危险化学品经营许可证到期延续需要提交哪些材料？",
            "name": "张三丰", "phone": "13912345678", "email": "zhangsan@example.com", "allow_publish": "on"}
    data.update(solved_captcha(html))
    data.update(overrides)
    return data


def submit_letter(client, channel="consultation", type_pk=None, query="", **overrides):
    url = f"/hudong/write/{channel}/{query}"
    page = client.get(url)
    assert page.status_code == 200, page.status_code
    data = letter_data(page.content.decode(), **overrides)
    if type_pk is not None:
        data["letter_type"] = str(type_pk)
    elif 'type="hidden" name="letter_type"' in page.content.decode():
        import re

        data["letter_type"] = re.search(r'type="hidden" name="letter_type" value="(\d+)"', page.content.decode()).group(1)
    response = client.post(url, data)
    return response


def submit_and_receipt(client, **kwargs):
    response = submit_letter(client, **kwargs)
    assert response.status_code == 302, response.content.decode()[:2000]
    receipt = dict(client.session[SESSION_KEY])
    done = client.get(response["Location"])
    assert receipt["number"] in done.content.decode() and receipt["code"] in done.content.decode()
    return receipt


__all__ = ["letter_data", "submit_letter", "submit_and_receipt", "solved_captcha", "wrong_captcha"]
