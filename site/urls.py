from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import care_mode
from home import site_files
from home import views as home_views
from moderation import guarded_views as moderation_views

urlpatterns = [
    # Checks task state ownership and status before Wagtail's own workflow action view.
    path(
        "admin/pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
        moderation_views.workflow_action,
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("captcha/", include("captcha.urls")),
    path("sitemap.xml", site_files.sitemap, name="sitemap_xml"),
    path("robots.txt", site_files.robots_txt, name="robots_txt"),
    path("favicon.ico", site_files.favicon, name="favicon"),
    path("care-mode/", care_mode.switch, name="care_mode"),  # 长者模式 on/off (cookie)
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Public pages: Simplified Chinese at /, the other languages under a prefix
# (/zh-hant/, /en/).
urlpatterns += i18n_patterns(
    path("sitemap/", home_views.site_map, name="site_map"),
    path("policy/", include("policy.urls")),
    path("search/", include("search.urls")),
    path("ysqgk/", include("disclosure_requests.urls")),  # requests
    path("hudong/", include("interaction.urls")),
    path("participation/", include("participation.urls")),  # participation
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
