"""The shared public-form guard: CAPTCHA, honeypot, length limits, control characters, rate limit, personal data."""
import pytest
from django import forms
from django.core.cache import cache
from django.http import HttpResponse
from django.template import Context, Template
from django.test import RequestFactory, override_settings

from core.public_forms import (
    DEFAULT_MAX_LENGTH, HONEYPOT_FIELD, PublicForm, guarded, masked_name,
)
from tests.public_forms import solved_captcha, wrong_captcha


class SampleForm(PublicForm):
    title = forms.CharField(max_length=50)
    body = forms.CharField(widget=forms.Textarea)


def rendered(form):
    return Template("{% for f in form %}{{ f }}{% endfor %}").render(Context({"form": form}))


def post_data(form, **fields):
    data = {"title": "咨询安全生产许可证办理", "body": "请问办理需要哪些材料？", HONEYPOT_FIELD: ""}
    data.update(solved_captcha(rendered(form)))
    data.update(fields)
    return data


@pytest.mark.django_db
def test_a_correct_answer_passes_and_the_guard_fields_are_not_in_cleaned_data():
    form = SampleForm(post_data(SampleForm()))
    assert form.is_valid(), form.errors
    assert set(form.cleaned_data) == {"title", "body"}


@pytest.mark.django_db
def test_a_wrong_answer_is_refused_in_chinese_and_the_code_cannot_be_retried():
    first = SampleForm()
    html = rendered(first)
    data = post_data(first)
    data.update(wrong_captcha(html))
    form = SampleForm(data)
    assert not form.is_valid()
    assert "验证码错误" in str(form.errors["captcha"])
    # The code is spent: the right answer to the same picture cannot be tried afterwards.
    from captcha.models import CaptchaStore
    assert not CaptchaStore.objects.filter(hashkey=data["captcha_0"]).exists()


@pytest.mark.django_db
def test_the_honeypot_refuses_with_the_captcha_message():
    form = SampleForm(post_data(SampleForm(), **{HONEYPOT_FIELD: "http://spam.example"}))
    assert not form.is_valid()
    assert "验证码错误" in str(form.non_field_errors())


@pytest.mark.django_db
def test_text_fields_get_a_length_limit_and_refuse_control_characters():
    form = SampleForm(post_data(SampleForm(), body="长" * (DEFAULT_MAX_LENGTH + 1)))
    assert not form.is_valid() and "body" in form.errors
    form = SampleForm(post_data(SampleForm(), title="安全\x00生产"))
    assert not form.is_valid()
    assert "控制字符" in str(form.errors["title"])
    form = SampleForm(post_data(SampleForm(), body="第一行\n第二行\t缩进"))
    assert form.is_valid(), form.errors


@pytest.mark.django_db
def test_the_widget_offers_a_spoken_alternative_in_chinese(settings):
    settings.CAPTCHA_FLITE_PATH = "/usr/bin/flite"
    import captcha.conf.settings as captcha_settings
    original = captcha_settings.CAPTCHA_FLITE_PATH
    captcha_settings.CAPTCHA_FLITE_PATH = "/usr/bin/flite"
    try:
        html = rendered(SampleForm())
    finally:
        captcha_settings.CAPTCHA_FLITE_PATH = original
    assert "收听" in html and "/captcha/audio/" in html
    assert 'alt="验证码' in html


@pytest.mark.django_db
@override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                       "LOCATION": "rate-limit-test"}})
def test_the_rate_limit_counts_posts_per_address_and_answers_429_in_chinese():
    cache.clear()

    @guarded("sample", rate="2/m")
    def view(request):
        return HttpResponse("ok")

    factory = RequestFactory()
    codes = [view(factory.post("/", REMOTE_ADDR="10.0.0.1")).status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    assert "提交过于频繁" in view(factory.post("/", REMOTE_ADDR="10.0.0.1")).content.decode()
    # Reading the form is never limited, and another address has its own count.
    assert view(factory.get("/", REMOTE_ADDR="10.0.0.1")).status_code == 200
    assert view(factory.post("/", REMOTE_ADDR="10.0.0.2")).status_code == 200


@pytest.mark.django_db
@override_settings(PUBLIC_FORM_RATES={"sample": "1/m"},
                   CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                       "LOCATION": "rate-limit-override"}})
def test_the_operator_sets_a_rate_without_code():
    cache.clear()

    @guarded("sample", rate="100/m")
    def view(request):
        return HttpResponse("ok")

    factory = RequestFactory()
    assert [view(factory.post("/", REMOTE_ADDR="10.0.0.9")).status_code for _ in range(2)] == [200, 429]


def test_masked_names():
    assert masked_name("张三") == "张*"
    assert masked_name("欧阳小明") == "欧***"
    assert masked_name("  ") == "匿名"


@pytest.mark.django_db
def test_the_spoken_code_is_served_as_audio(client, settings):
    from captcha.models import CaptchaStore
    import captcha.conf.settings as captcha_settings

    if not captcha_settings.CAPTCHA_FLITE_PATH:
        pytest.skip("Debian's flite is not installed: the spoken CAPTCHA is off (apt-get install flite)")
    response = client.get(f"/captcha/audio/{CaptchaStore.generate_key()}.wav")
    assert response.status_code == 200 and response["Content-Type"] == "audio/wav"
    assert b"".join(response.streaming_content)[:4] == b"RIFF"
