"""Read-only public API.

Only the pages endpoint: Wagtail limits it to live, public pages. The image and document endpoints
list every upload, including files attached to drafts, so they stay off until they can be filtered.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
