import functools
import operator

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from wagtail.models import Locale, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet

# Where the router leaves, on the request, the tree paths of every page with a view restriction
# (read with the route, ``core.routing.read_along``): listings on that request filter by them.
RESTRICTED_PATHS = "_digivillae_restricted_paths"


def restricted_paths(request) -> tuple[str, ...] | None:
    """The tree paths of the restricted pages, when this request's route read them."""
    return getattr(request, RESTRICTED_PATHS, None)


def without_view_restriction() -> Exists:
    """Pages with no view restriction on themselves or an ancestor, as a condition inside the
    listing's own query. Wagtail's ``public()`` reads every restriction first, one query per
    listing; this asks the same in SQL: no restricted page whose path begins the page's path.
    """
    return ~Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
    )


class ListingQuerySet(PageQuerySet):
    """Pages as listings show them: live, in one language, images prefetched, bodies deferred."""

    listing_image_field = ""
    listing_order: tuple[str, ...] = ("title",)

    def for_listing(self, locale: Locale | int, request=None):
        """``request``: a routed request, whose route read the restricted pages. Its listings
        leave out the pages below them by their paths (nothing to ask at all on a site with no
        restriction, the usual case); other listings ask in SQL (``without_view_restriction``),
        which costs each listing query a sub-query to build, compile and run."""
        # Aliases are wagtail-localize's placeholders for pages not translated yet: they would show
        # text in another language, so listings leave them out until they are translated.
        queryset = self.live().filter(
            locale_id=getattr(locale, "pk", locale), alias_of__isnull=True
        )
        paths = restricted_paths(request)
        if paths is None:
            queryset = queryset.filter(without_view_restriction())
        elif paths:
            below = (Q(path__startswith=path) for path in paths)
            queryset = queryset.exclude(functools.reduce(operator.or_, below))
        queryset = queryset.defer_streamfields()
        if self.listing_image_field:
            queryset = queryset.select_related(self.listing_image_field).prefetch_related(
                f"{self.listing_image_field}__renditions"
            )
        return queryset.order_by(*self.listing_order)

    def children_of(self, page):
        """The pages right below ``page``, as Wagtail's ``child_of`` finds them, asked as a range
        of tree paths. ``child_of`` asks ``path LIKE '<parent>%'``; with the parent's path a
        parameter of a prepared statement, PostgreSQL's generic plan cannot turn the pattern
        into an index range and scans every page, which doubled the events index's query time.
        A child's path is the parent's followed by one step of the tree's alphabet, and paths
        compare byte by byte (Wagtail gives the column the "C" collation)."""
        first, last = self.model.alphabet[0], self.model.alphabet[-1]
        return self.filter(
            depth=page.depth + 1,
            path__range=(page.path + first * page.steplen, page.path + last * page.steplen),
        )


def listing_manager(image_field: str = "", order: tuple[str, ...] = ("title",)) -> PageManager:
    queryset_class = type(
        "ListingQuerySet",
        (ListingQuerySet,),
        {"listing_image_field": image_field, "listing_order": order},
    )
    return PageManager.from_queryset(queryset_class)()
