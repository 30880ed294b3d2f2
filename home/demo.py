"""Demo site furniture (called by ``manage.py setup_demo``; idempotent).

联系我们 / 网站声明 / 隐私政策 pages, the 头条, 图片新闻 items with generated
pictures, the 政务服务 entry, 政务新媒体 QR codes and the 党政机关网站标识 code.
Settings an operator has already filled in are left as they are.
"""
import datetime
import io

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone

from .demo_content import HEADLINE, INFO_PAGES, NEW_MEDIA, PICTURE_NEWS, WECHAT_QR_DATA, WEIBO_QR_DATA

FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"


def load(stdout):
    from wagtail.models import Site

    from .models import HomePage, SiteSettings

    home = HomePage.objects.filter(depth=2, locale__language_code="zh-hans").first()
    if home is None:
        stdout.write("Site furniture: no home page, skipped.")
        return
    created = []
    pages = {slug: _info_page(home, slug, title, paragraphs, created) for slug, title, paragraphs in INFO_PAGES}
    headline = _headline(home, created)
    column = _child(home, "xwzx/tpxw")
    if column is not None:
        now = timezone.now().replace(minute=0, second=0, microsecond=0)
        for hours, (slug, title, picture_text, colour, text) in enumerate(PICTURE_NEWS):
            _picture_item(column, slug, title, picture_text, colour, text, now - datetime.timedelta(hours=6 * hours + 2), created)

    home_changes = {}
    if home.headline_id is None and headline is not None:
        home_changes["headline"] = headline
    if home.picture_column_id is None and column is not None:
        home_changes["picture_column"] = column
    if home_changes:
        for key, value in home_changes.items():
            setattr(home, key, value)
        home.save_revision().publish()
        created.append("home page furniture")

    site = Site.objects.filter(root_page=home).first()
    if site is not None:
        settings = SiteSettings.for_site(site)
        wanted = dict(NEW_MEDIA)
        wanted.update({"contact_page": pages["lxwm"], "statement_page": pages["wzsm"], "privacy_page": pages["yszc"]})
        changed = [key for key, value in wanted.items() if not getattr(settings, key)]
        for key in changed:
            setattr(settings, key, wanted[key])
        if not settings.wechat_qr_id:
            settings.wechat_qr = _qr_image("微信公众号二维码", WECHAT_QR_DATA)
            changed.append("wechat_qr")
        if not settings.weibo_qr_id:
            settings.weibo_qr = _qr_image("政务微博二维码", WEIBO_QR_DATA)
            changed.append("weibo_qr")
        if changed:
            settings.save()
            created.append("site settings")
    stdout.write(f"Site furniture: {', '.join(created)} created." if created else "Site furniture: already present.")


def _child(home, path):
    page = home
    for slug in path.split("/"):
        page = page.get_children().filter(slug=slug).first()
        if page is None:
            return None
    return page.specific


def _info_page(home, slug, title, paragraphs, created):
    from .models import InfoPage

    existing = home.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing
    with transaction.atomic():
        page = InfoPage(title=title, slug=slug, show_in_menus=False, body="".join(f"<p>{p}</p>" for p in paragraphs))
        home.add_child(instance=page)
        page.save_revision().publish()
    created.append(title)
    return page


def _headline(home, created):
    from sections.models import ArticlePage

    column = _child(home, "xwzx/xw")
    if column is None:
        return None
    slug, title, summary, paragraphs = HEADLINE
    existing = column.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing
    with transaction.atomic():
        page = ArticlePage(title=title, slug=slug, summary=summary, info_source="上海市应急管理局",
                           body=[("paragraph", f"<p>{p}</p>") for p in paragraphs], display_date=timezone.now())
        column.add_child(instance=page)
        page.save_revision().publish()
    created.append("头条")
    return page


def _picture_item(column, slug, title, picture_text, colour, text, when, created):
    from sections.models import ArticlePage

    if column.get_children().filter(slug=slug).exists():
        return
    image = _picture(title, picture_text, colour)
    with transaction.atomic():
        page = ArticlePage(
            title=title, slug=slug, summary=text, info_source="上海市应急管理局", display_date=when,
            body=[("image", {"image": image, "caption": title}), ("paragraph", f"<p>{text}</p>")],
        )
        column.add_child(instance=page)
        page.save_revision().publish()
    created.append(title)


def _save_image(title, data, filename):
    from wagtail.images import get_image_model

    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    image = Image(title=title)
    image.file.save(filename, ImageFile(io.BytesIO(data), name=filename), save=False)
    image.save()
    return image


def _picture(title, text, colour):
    """A 1280×720 demo photo stand-in: a coloured field with the caption drawn in Noto Sans CJK."""
    from PIL import Image, ImageDraw, ImageFont

    picture = Image.new("RGB", (1280, 720), colour)
    draw = ImageDraw.Draw(picture)
    for step in range(0, 720, 8):  # a soft vertical gradient
        shade = int(60 * step / 720)
        draw.rectangle([0, step, 1280, step + 8], fill=_darken(colour, shade))
    try:
        font = ImageFont.truetype(FONT, 72, index=2)  # index 2: Simplified Chinese in the collection
        small = ImageFont.truetype(FONT, 36, index=2)
    except OSError:
        font = small = ImageFont.load_default()
    draw.text((640, 330), text, fill="#ffffff", font=font, anchor="mm")
    draw.text((640, 440), "上海应急管理 · 示例图片", fill="#f0f0f0", font=small, anchor="mm")
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=82)
    return _save_image(title, buffer.getvalue(), "demo-picture.jpg")


def _darken(colour, amount):
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return (max(r - amount, 0), max(g - amount, 0), max(b - amount, 0))


def _qr_image(title, data):
    import segno

    buffer = io.BytesIO()
    segno.make(data, error="m").save(buffer, kind="png", scale=8, border=2)
    return _save_image(title, buffer.getvalue(), "demo-qr.png")
