"""Demo policy library (called by ``manage.py setup_demo``; idempotent).

Documents go through the same importer as ``import_policy_documents`` (so
they are keyed by 索引号 and a second run changes nothing); interpretations
are keyed by slug; the listing pages by slug.
"""
import datetime

from django.db import transaction
from django.utils import timezone

from .demo_data import DOCUMENTS, INTERPRETATIONS, SERVICES, TAGS, TOPICS

COLUMNS = {"zcwj": "zwgk/zfxxgk/zcwj", "zcfg": "zwgk/xxgkml/zcfg"}
INTERPRETATION_COLUMN = "zwgk/xxgkml/zchd"


def _column(home, path):
    page = home
    for slug in path.split("/"):
        page = page.get_children().filter(slug=slug).first()
        if page is None:
            return None
    return page.specific


def _date(value):
    if value is None:
        return ""
    if value.startswith("+"):
        return (timezone.localdate() + datetime.timedelta(days=int(value[1:]))).isoformat()
    return value


def _reference_data():
    from .models import PolicyTag, PolicyTopic, TagCategory

    for order, name in enumerate(TOPICS):
        PolicyTopic.objects.get_or_create(name=name, parent=None, defaults={"sort_order": order})
    for order, (category_name, names) in enumerate(TAGS.items()):
        category, _ = TagCategory.objects.get_or_create(name=category_name, defaults={"sort_order": order})
        for n, name in enumerate(names):
            if not PolicyTag.objects.filter(name=name).exists():
                PolicyTag.objects.create(name=name, slug=_slug(name), category=category, sort_order=n)


def _slug(name):
    from pypinyin import lazy_pinyin
    from django.utils.text import slugify

    return slugify("-".join(lazy_pinyin(name)))[:100] or "tag"


def _row(doc):
    (column, index_number, title, doc_number, doc_type, written, effective, expiry, normative, topics, tags,
     services, links, summary) = doc
    return {
        "index_number": index_number, "title": title, "doc_number": doc_number, "doc_type": doc_type,
        "issuer": "上海市人民政府" if doc_number.startswith(("沪府发", "上海市人民政府令")) else (
            "上海市人民政府办公厅" if doc_number.startswith("沪府办") else "上海市应急管理局"),
        "written_date": written, "publish_date": written, "effective_date": _date(effective), "expiry_date": _date(expiry),
        "is_normative": "是" if normative else "否", "topics": topics, "tags": tags, "summary": summary,
        "body": f"{summary}\n\n各区应急管理局，市应急局机关各处室、执法总队、各直属事业单位：现将有关文件印发给你们，请认真按照执行。",
        "services": [{"name": SERVICES[key][0], "url": SERVICES[key][1]} for key in services],
        "repeals": [n for kind, n in links if kind == "repeals"],
        "amends": [n for kind, n in links if kind == "amends"],
        "audience": "本市生产经营单位" if "生产经营单位" in tags else "",
    }


def load(stdout):
    from home.models import HomePage

    from .importer import PolicyImporter
    from .models import InterpretationPage, NormativeDocumentsPage, PolicyDocumentPage, PolicyLibraryPage

    home = HomePage.objects.filter(depth=2, locale__language_code="zh-hans").first()
    if home is None:
        stdout.write("Policy library: no home page, skipped.")
        return
    _reference_data()
    created = 0
    for key, path in COLUMNS.items():
        column = _column(home, path)
        if column is None:
            stdout.write(f"Policy library: column {path} missing, skipped.")
            continue
        rows = [(n, _row(doc)) for n, doc in enumerate(DOCUMENTS, start=1) if doc[0] == key]
        report = PolicyImporter(column).run(rows)
        created += report.created
        for number, message in report.errors:
            stdout.write(f"Policy library demo row {number}: {message}")

    column = _column(home, INTERPRETATION_COLUMN)
    interpretations = 0
    if column is not None:
        existing = set(column.get_children().values_list("slug", flat=True))
        for n, (title, kind, interpreter, sources, summary, paragraphs) in enumerate(INTERPRETATIONS, start=1):
            slug = f"zcjd-{n}"
            # The documents in the column's language: their 繁體 and English copies share the 索引号.
            docs = list(PolicyDocumentPage.objects.filter(index_number__in=sources, locale_id=column.locale_id))
            if slug in existing or not docs:
                continue
            with transaction.atomic():
                page = InterpretationPage(
                    title=title, slug=slug, kind=kind, interpreter=interpreter, summary=summary, live=False,
                    body=[("paragraph", f"<p>{p}</p>") for p in paragraphs],
                    display_date=max(d.first_published_at for d in docs if d.first_published_at),
                )
                page.source_documents = docs
                column.add_child(instance=page)
                page.save_revision().publish()
            interpretations += 1

    listings = 0
    for path, model, slug, title, intro in (
        ("zwgk/xxgkml/zcfg", NormativeDocumentsPage, "xxyxgfxwj", "现行有效行政规范性文件",
         "本页面动态列出本局现行有效的行政规范性文件，文件被修改、废止或失效后自动更新。"),
        ("zwgk/zfxxgk/zcwj", PolicyLibraryPage, "zcwjk", "政策文件库", "按有效性、主题分类和文件类型检索本局政策文件。"),
    ):
        parent = _column(home, path)
        if parent is None or parent.get_children().filter(slug=slug).exists():
            continue
        page = model(title=title, slug=slug, intro=intro, live=False)
        parent.add_child(instance=page)
        page.save_revision().publish()
        listings += 1
    if created or interpretations or listings:
        stdout.write(f"Policy library: {created} documents, {interpretations} interpretations, {listings} listing pages created.")
    else:
        stdout.write("Policy library: already present.")
