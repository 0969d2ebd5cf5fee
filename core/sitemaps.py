"""sitemap.xml listing every page in every language, each with its hreflang alternates."""

from collections import defaultdict

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class MultilingualSitemap(Sitemap):
    """Wagtail's sitemap covers only the default site's tree (one language); this one covers
    every language tree and groups translations by translation key in a single query."""

    def items(self):
        site = self.get_wagtail_site()
        root = site.root_page
        pages = list(
            Page.objects.live()
            .public()
            .filter(
                alias_of__isnull=True,
                depth__gte=root.depth,
                path__startswith=root.path[: (root.depth - 1) * Page.steplen],
            )
            .select_related("locale")
            .order_by("path")
        )
        self._translations = defaultdict(list)
        for page in pages:
            self._translations[page.translation_key].append(page)
        return pages

    def absolute_url(self, page) -> str:
        url = page.get_url(self.request)
        return self.request.build_absolute_uri(url) if url else ""

    def _urls(self, page, protocol, domain):
        urls = []
        for item in self.paginator.page(page).object_list:
            location = self.absolute_url(item)
            if not location:
                continue
            urls.append(
                {
                    "item": item,
                    "location": location,
                    "lastmod": self.lastmod(item),
                    "alternates": [
                        {
                            "lang_code": translation.locale.language_code,
                            "location": self.absolute_url(translation),
                        }
                        for translation in self._translations[item.translation_key]
                    ],
                }
            )
        return urls
