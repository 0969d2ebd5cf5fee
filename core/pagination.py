"""One pagination helper for every public listing (rendered by core/includes/pagination.html)."""

from urllib.parse import urlencode

from django.core.paginator import Page, Paginator


def page_of(
    items,
    request,
    per_page: int,
    anchor: str = "",
    param: str = "page",
    label="",
    count: int | None = None,
    **filters,
) -> Page:
    """The page of ``items`` named by ``?page=``; a missing, bad or too-large number shows the
    nearest page instead of an error (Django's ``get_page``).

    ``filters`` are the listing's already-validated filters: the page links keep them, and
    nothing else of the query string is echoed back. ``anchor``: the id of the list's heading,
    so that the next page opens at the list rather than at the top of the page. A second list
    on the same page takes its number from another ``param`` and names its pager ``label``
    (see ``side_by_side``). ``count``: how many ``items`` there are, when it is known already
    (counted with another list in one query): the paginator then does not count them again.
    """
    paginator = Paginator(items, per_page)
    if count is not None:
        paginator.count = count  # Django's cached property, set before it is read
    page = paginator.get_page(request.GET.get(param))
    page.param = param
    page.label = label
    page.filters = {name: value for name, value in filters.items() if value}
    page.filter_query = urlencode(page.filters)
    page.fragment = f"#{anchor}" if anchor else ""
    return page


def side_by_side(*pages: Page) -> None:
    """Lists paged on one page: each one's page links keep the page the others show."""
    for page in pages:
        others = {other.param: other.number for other in pages if other is not page}
        kept = {param: number for param, number in others.items() if number > 1}
        page.filter_query = urlencode({**page.filters, **kept})
