"""The home page and site settings the column tree hangs from (registered into sections.site_tree.roots)."""
from wagtail.models import Locale, Page, Site


def ensure_home(spec, report):
    from home.models import HomePage

    locale = Locale.get_default()
    site = Site.objects.filter(is_default_site=True).first()
    if site and isinstance(site.root_page.specific, HomePage):
        home = site.root_page.specific
    else:
        home = HomePage.objects.filter(depth=2, locale=locale).first()
    title = spec.agency.get("site_name") or spec.agency["name"]
    if home is None:
        _remove_wagtail_welcome_page(site)
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title=title, slug="home", locale=locale))
        home.save_revision().publish()
        report.note("created", f"home page {title}")
    elif home.title != title:
        home.title = title
        home.save_revision().publish()
        report.note("updated", f"home page title {title}")
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=title)
        report.note("created", "default site")
    elif site.root_page_id != home.pk or site.site_name != title:
        site.root_page, site.site_name = home, title
        site.save()
        report.note("updated", "default site")
    return home


def _remove_wagtail_welcome_page(site):
    """Wagtail's install creates a bare "Welcome" page; replace it, but only if untouched."""
    if site is None:
        return
    welcome = site.root_page
    if welcome.specific_class is Page and welcome.depth == 2 and welcome.get_children_count() == 0:
        site.root_page = Page.get_first_root_node()
        site.save()
        welcome.delete()


def apply_site_settings(spec, home, report):
    from home.models import SiteSettings

    site = Site.objects.get(root_page=home)
    site_settings = SiteSettings.for_site(site)
    agency = spec.agency
    wanted = {
        "agency_name": agency["name"],
        "sponsor": agency["sponsor"] or agency["name"],
        "organiser": agency["organiser"],
        "site_code": agency["site_code"],
        "icp_number": agency["icp_number"],
        "police_record_number": agency["police_record_number"],
        "address": agency["address"],
        "postcode": agency["postcode"],
        "phone": agency["phone"],
        "email": agency["email"],
        "agency_name_en": agency.get("name_en", ""),
        "sponsor_en": agency.get("sponsor_en", "") or agency.get("name_en", ""),
        "organiser_en": agency.get("organiser_en", ""),
        "address_en": agency.get("address_en", ""),
    }
    changed = [k for k, v in wanted.items() if getattr(site_settings, k) != v]
    if changed:
        for key in changed:
            setattr(site_settings, key, wanted[key])
        site_settings.full_clean()
        site_settings.save()
        report.note("updated", f"site settings ({', '.join(changed)})")
