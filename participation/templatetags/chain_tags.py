"""``{% chain_of item as trace %}``: the need → call → proposal → pilot → result chain.

A template tag, so that the pages of every room (and the pilots app) can show the chain while
only ``participation.chain`` knows how the rooms link up.
"""

from django import template

from participation.chain import chain_of as build_chain

register = template.Library()


@register.simple_tag(takes_context=True)
def chain_of(context, item, locale=None, proposals=None, latest=None):
    """The page shown (``page``) is handed over: what it holds is not read again."""
    return build_chain(item, context["request"], locale, proposals, context.get("page"), latest)
