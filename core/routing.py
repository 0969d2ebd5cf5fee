"""An address routed in two queries, however deep its page (issue 14).

Wagtail routes ``/it/territori/mont-rose/sportello-itinerante/`` one level at a time: at each
level a query finds the child by its slug and another loads its page type, so a page four
levels down costs eight queries before it renders. ``ChainRoutingMixin`` (on the home page,
where routing starts) reads every page along the address in one query, by the ``url_path``
Wagtail keeps on each page, loads the page that answers, and hands it what is left of the
address (a routable page's sub-route: a need, a proposal).

Wagtail's order is kept: a live routable page answers its own sub-routes before its children's
slugs, so the walk stops at a routable page whose sub-route matches the rest of the address,
and at a page type with a ``route`` of its own. The pages read are kept on the request
(``PAGE_CHAIN``) for the breadcrumbs.
"""

from django.urls import Resolver404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

PAGE_CHAIN = "_digivillae_page_chain"


def has_subroute(page_class, remaining: list[str]) -> bool:
    try:
        page_class.get_resolver().resolve("/" + "/".join(remaining) + "/")
    except Resolver404:
        return False
    return True


def answers_itself(page_class, live: bool, remaining: list[str]) -> bool:
    """Whether a page of this type answers ``remaining`` instead of passing it to a child."""
    if not remaining:
        return True
    if issubclass(page_class, RoutablePageMixin):
        if page_class.route is not RoutablePageMixin.route:
            return True
        return live and has_subroute(page_class, remaining)
    return page_class.route is not Page.route


class ChainRoutingMixin:
    def route(self, request, path_components):
        if not path_components or (
            isinstance(self, RoutablePageMixin)
            and self.live
            and has_subroute(type(self), path_components)
        ):
            return super().route(request, path_components)
        url_paths, url_path = [], self.url_path
        for component in path_components:
            url_path += component + "/"
            url_paths.append(url_path)
        found = {
            page.url_path: page
            for page in Page.objects.filter(
                url_path__in=url_paths, path__startswith=self.path, depth__gt=self.depth
            )
        }
        chain = [self]
        for level, url_path in enumerate(url_paths, start=1):
            page = found.get(url_path)
            if page is None:
                break
            chain.append(page)
            if answers_itself(page.specific_class, page.live, path_components[level:]):
                break
        if len(chain) == 1:  # no such child: Wagtail says so (404)
            return super().route(request, path_components)
        answering = chain[-1].specific
        chain[-1] = answering
        setattr(request, PAGE_CHAIN, chain)
        return answering.route(request, path_components[len(chain) - 1 :])
