"""Submit Wagtail admin forms the way a browser would.

``form_defaults`` reads a rendered admin form and returns the values a browser
would post without user input (hidden management-form fields included), so a
test only states the fields it cares about and keeps working when other apps
add panels or inline formsets to a page type.
"""
from html.parser import HTMLParser


class _FormParser(HTMLParser):
    def __init__(self, form_id=None):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.in_form = False
        self.depth = 0
        self.values = {}
        self._textarea = None
        self._select = None
        self._select_first = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            if not self.in_form and (self.form_id is None or attrs.get("id") == self.form_id) and attrs.get("method", "").lower() == "post":
                self.in_form = True
                self.depth = 0
            elif self.in_form:
                self.depth += 1
            return
        if not self.in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text").lower()
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.values[name] = attrs.get("value", "on")
            elif kind not in ("submit", "button", "file", "image"):
                self.values[name] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.values[name] = ""
        elif tag == "select" and name:
            self._select = name
            self._select_first = None
        elif tag == "option" and self._select:
            value = attrs.get("value", "")
            if self._select_first is None:
                self._select_first = value
            if "selected" in attrs:
                self.values[self._select] = value

    def handle_endtag(self, tag):
        if tag == "form" and self.in_form:
            if self.depth == 0:
                self.in_form = False
            else:
                self.depth -= 1
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select" and self._select:
            self.values.setdefault(self._select, self._select_first or "")
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea] += data


def form_defaults(html, form_id="page-edit-form"):
    parser = _FormParser(form_id)
    parser.feed(html.decode() if isinstance(html, bytes) else html)
    return parser.values


def page_form_data(client, url, **fields):
    """GET an admin page form, then return its defaults updated with ``fields``."""
    response = client.get(url)
    assert response.status_code == 200, f"GET {url} gave {response.status_code}"
    data = form_defaults(response.content)
    data.update(fields)
    return data


MANAGEMENT_SUFFIXES = ("-TOTAL_FORMS", "-INITIAL_FORMS", "-MIN_NUM_FORMS", "-MAX_NUM_FORMS")


def with_missing_formsets(client, url, data):
    """Add the empty inline formsets (management forms) that the admin form at
    ``url`` renders but ``data`` does not mention, so hand-built form data keeps
    working when another app adds an InlinePanel to the page type."""
    defaults = form_defaults(client.get(url).content)
    extra = {k: v for k, v in defaults.items() if k.endswith(MANAGEMENT_SUFFIXES) and k not in data}
    for key in list(extra):
        if key.endswith("-TOTAL_FORMS"):
            extra[key] = "0"
        elif key.endswith("-INITIAL_FORMS"):
            extra[key] = defaults[key]
    return {**data, **extra}
