from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from congtin.core.api import api_router

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("", include("congtin.documents.urls")),
    path("", include("congtin.cases.urls")),
    path("", include("congtin.cases.reports.urls")),
    path("", include("congtin.search.urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
    # Exempt from CSRF: the switch sits on every page, and a cached page cannot carry a reader's token
    # (decision 0018); forging it can only change someone's interface language.
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("", include("congtin.frontcache.urls")),
]

if settings.DEBUG or settings.CONGTIN_SERVE_MEDIA:
    # Development and the one-machine production topology (make run-prod); a real server serves /media/
    # from the web server or object storage (docs/deployment.md).
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})]

urlpatterns += [path("", include(wagtail_urls))]

handler404 = "congtin.core.views.page_not_found"
handler500 = "congtin.core.views.server_error"
