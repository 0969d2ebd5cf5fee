from wagtail.models import Locale, PageManager
from wagtail.query import PageQuerySet


class ListingQuerySet(PageQuerySet):
    """Pages as listings show them: live, in one language, images prefetched, bodies deferred."""

    listing_image_field = ""
    listing_order: tuple[str, ...] = ("title",)

    def for_listing(self, locale: Locale):
        # Aliases are wagtail-localize's placeholders for pages not translated yet: they would show
        # text in another language, so listings leave them out until they are translated.
        queryset = (
            self.live().public().filter(locale=locale, alias_of__isnull=True).defer_streamfields()
        )
        if self.listing_image_field:
            queryset = queryset.select_related(self.listing_image_field).prefetch_related(
                f"{self.listing_image_field}__renditions"
            )
        return queryset.order_by(*self.listing_order)


def listing_manager(image_field: str = "", order: tuple[str, ...] = ("title",)) -> PageManager:
    queryset_class = type(
        "ListingQuerySet",
        (ListingQuerySet,),
        {"listing_image_field": image_field, "listing_order": order},
    )
    return PageManager.from_queryset(queryset_class)()
