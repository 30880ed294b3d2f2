"""Content-Security-Policy (django-csp, issue 18): on public and admin pages, with no inline script, and a real
Chromium loading the public pages and the admin records no CSP violation."""
import datetime
import pytest

from tests.browser import DESKTOP, SCREENSHOTS
PASSWORD = "pass-for-tests-1"


def _directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def _policy_doc(column):
    from policy.models import PolicyDocumentPage

    page = PolicyDocumentPage(title="上海市应急管理局关于内容安全策略测试的通知", slug="csp-doc",
                              doc_number="沪应急规〔2023〕77号", written_date=datetime.date(2023, 3, 1))
    column("zwgk/zfxxgk/zcwj").add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.mark.django_db
def test_header_on_public_and_admin_pages(client, column, make_user):
    doc = _policy_doc(column)
    admin = make_user("csp-admin", is_staff=True, is_superuser=True)
    responses = {url: client.get(url) for url in ("/", doc.url, "/search/?q=通知")}
    client.force_login(admin)
    responses["/admin/"] = client.get("/admin/")
    responses["edit"] = client.get(f"/admin/pages/{doc.pk}/edit/")
    for name, response in responses.items():
        assert response.status_code == 200, name
        policy = _directives(response["Content-Security-Policy"])
        assert policy["script-src"] == ["'self'"], (name, policy)  # no 'unsafe-inline', no 'unsafe-eval'
        assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"]


@pytest.mark.django_db
def test_no_inline_script_in_public_or_admin_html(client, column, make_user):
    """Every <script> either has a src or is a JSON data block: nothing that would need 'unsafe-inline'."""
    import re

    doc = _policy_doc(column)
    client.force_login(make_user("csp-admin2", is_staff=True, is_superuser=True))
    for url in ("/", doc.url, "/admin/", f"/admin/pages/{doc.pk}/edit/"):
        html = client.get(url).content.decode()
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in tag or 'type="application/json"' in tag, (url, tag)
        assert not re.search(r"\son(click|load|submit|change|error)=", html), url


RECORD = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '') + ':' + e.lineNumber);
});
"""


@pytest.mark.browser
def test_browser_records_no_csp_violation(transactional_db, live_server, chromium, column, make_user, settings):
    from interaction.setup import ensure_letter_types

    settings.RATELIMIT_ENABLE = False
    ensure_letter_types()
    doc = _policy_doc(column)
    make_user("csp-browser", is_staff=True, is_superuser=True, password=PASSWORD)
    base = live_server.url
    context = chromium.new_context(viewport=DESKTOP, locale="zh-CN")
    context.add_init_script(RECORD)
    page = context.new_page()
    page.set_default_timeout(30000)
    console = []
    page.on("console", lambda msg: console.append(msg.text)
            if msg.type == "error" and "Content Security Policy" in msg.text else None)
    seen = {}

    def visit(name, url, ready=None):
        response = page.goto(base + url)
        assert response.status == 200, (name, response.status)
        assert "Content-Security-Policy" in {k.title(): v for k, v in response.headers.items()} or \
            "content-security-policy" in response.headers
        if ready:
            page.wait_for_selector(ready)
        page.wait_for_load_state("networkidle")
        seen[name] = page.evaluate("window.__cspViolations")
        page.screenshot(path=str(SCREENSHOTS / f"csp-{name}.png"), full_page=False)

    visit("home", "/")
    visit("policy", doc.url, ready="svg")  # the QR code is an inline SVG
    visit("search", "/search/?q=通知")
    visit("letter-form", "/hudong/write/consultation/", ready="#id_title")
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", "csp-browser")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")
    visit("admin-dashboard", "/admin/")
    visit("admin-edit", f"/admin/pages/{doc.pk}/edit/", ready="form#page-edit-form")
    # The edit view's date-time pickers are set up by core/static/core/js/csp-init.js, not inline scripts.
    assert page.evaluate("() => !!document.querySelector('script[data-init=initDateTimeChooser][data-init-done]')")
    # A document chooser in a newly added 附件 form (core/admin_csp.py) opens its modal.
    page.evaluate("() => document.getElementById('id_attachments-ADD').click()")
    page.wait_for_selector("#id_attachments-0-document", state="attached")
    page.evaluate("() => document.getElementById('id_attachments-0-document-chooser')"
                  ".querySelector('[data-chooser-action-choose]').click()")
    page.wait_for_selector(".modal-dialog", state="visible")
    page.wait_for_load_state("networkidle")
    seen["admin-document-chooser"] = page.evaluate("window.__cspViolations")
    page.screenshot(path=str(SCREENSHOTS / "csp-admin-document-chooser.png"), full_page=False)
    context.close()
    assert {name: v for name, v in seen.items() if v} == {}
    assert console == []


@pytest.mark.django_db
def test_library_admin_views_with_inline_scripts_get_a_nonce(client, make_user):
    """wagtail-localize's and search promotions' inline scripts carry the response's nonce, nothing else does."""
    import re

    client.force_login(make_user("csp-admin3", is_staff=True, is_superuser=True))
    response = client.get("/admin/searchpicks/add/")
    assert response.status_code == 200
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    html = response.content.decode()
    inline = [tag for tag in re.findall(r"<script\b[^>]*>", html) if "src=" not in tag and "application/json" not in tag]
    assert inline and all(f'nonce="{nonce}"' in tag for tag in inline)
    assert "'nonce-" not in client.get("/admin/")["Content-Security-Policy"]
