"""A subscriber's private links, absolute and in their language, for mail sent in the
background (newsletters, digests): change what they follow, leave in one click."""

from django.urls import reverse
from django.utils import translation

from core.mail import absolute_url


def private_link(subscriber, name: str) -> str:
    with translation.override(subscriber.language):
        return absolute_url(reverse(name, args=[subscriber.token]))


def manage_url(subscriber) -> str:
    return private_link(subscriber, "follow_manage")


def leave_url(subscriber) -> str:
    return private_link(subscriber, "follow_leave")
