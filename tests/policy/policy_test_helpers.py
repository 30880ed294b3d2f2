"""Helpers for driving the Wagtail admin page forms over HTTP."""
from wagtail.test.utils.wagtail_tests import WagtailTestUtils

ZCWJ = "zwgk/zfxxgk/zcwj"
ZCFG = "zwgk/xxgkml/zcfg"


def admin_form_data(client, url):
    """The page form exactly as the admin renders it (hidden inputs, formset management forms)."""
    from wagtail.test.utils.form_data import querydict_from_html

    response = client.get(url)
    assert response.status_code == 200, response.status_code
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data["body-count"] = data.get("body-count", "0")
    return data


def add_url(parent, model="policydocumentpage"):
    return f"/admin/pages/add/policy/{model}/{parent.pk}/"


def document_form(client, parent, **fields):
    data = admin_form_data(client, add_url(parent))
    base = {
        "title": "上海市应急管理局关于印发《上海市安全生产行政许可实施办法》的通知",
        "slug": "xzxk-ssbf",
        "issuer": "上海市应急管理局",
        "doc_number": "沪应急规[2023]3号",
        "doc_type": "通知",
        "written_date": "2023-04-10",
        "effective_date": "2023-05-01",
        "disclosure": "active",
    }
    base.update(fields)
    for key, value in base.items():
        if isinstance(value, (list, tuple)):
            data.setlist(key, [str(v) for v in value])
        elif value is None:
            data.pop(key, None)
        else:
            data[key] = str(value)
    return data


def form_errors(response):
    soup = WagtailTestUtils.get_soup(response.content.decode())
    return " ".join(e.get_text(" ", strip=True) for e in soup.select(".error-message, .help-critical, .w-field__errors"))
