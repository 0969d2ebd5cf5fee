from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve as serve_static
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import open_data, routing
from core import views as core_views
from replication.exchange import views as exchange_views

handler400 = "core.views.bad_request"
handler500 = "core.views.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", core_views.sitemap, name="sitemap"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("healthz", core_views.healthz, name="healthz"),
    path("open-data/digivillae.json", open_data.open_data_json, name="open_data_json"),
    path("open-data/<slug:dataset>.csv", open_data.open_data_csv, name="open_data_csv"),
    path(
        "open-data/templates/<slug:kind>/<uuid:key>.json",
        exchange_views.public_template,
        name="public_template",
    ),
    path("i18n/", include("django.conf.urls.i18n")),
    # Mail providers report bounces and complaints here (outreach.bounces stops that address).
    path("anymail/", include("anymail.urls")),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve_static, {"document_root": settings.MEDIA_ROOT}),
    ]

# Every public page carries its language: /it/…, /fr/…, /en/…; "/" redirects by Accept-Language.
urlpatterns += i18n_patterns(
    path("search/", core_views.search, name="search"),
    path("follow/", include("subscriptions.urls")),
    path("events/registration/", include("events.registrations.urls")),
    # Wagtail's front-end addresses, its page view routed by core.routing (fewer queries).
    *[pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"],
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
    prefix_default_language=True,
)
