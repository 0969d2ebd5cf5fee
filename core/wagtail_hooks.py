"""Which requests the shared page cache may answer or store (see ``core.page_cache``)."""

from wagtail import hooks

from .page_cache import cacheable_request


@hooks.register("is_request_cacheable")
def only_public_page_addresses(request, is_cacheable):
    return is_cacheable and cacheable_request(request)
