"""One pagination helper for every public listing (rendered by core/includes/pagination.html)."""

from urllib.parse import urlencode

from django.core.paginator import Page, Paginator


def page_of(items, request, per_page: int, anchor: str = "", **filters) -> Page:
    """The page of ``items`` named by ``?page=``; a missing, bad or too-large number shows the
    nearest page instead of an error (Django's ``get_page``).

    ``filters`` are the listing's already-validated filters: the page links keep them, and
    nothing else of the query string is echoed back. ``anchor``: the id of the list's heading,
    so that the next page opens at the list rather than at the top of the page.
    """
    page = Paginator(items, per_page).get_page(request.GET.get("page"))
    page.filter_query = urlencode({name: value for name, value in filters.items() if value})
    page.fragment = f"#{anchor}" if anchor else ""
    return page
