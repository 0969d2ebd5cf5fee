"""Where the personal data kept by each app is found, exported and erased by e-mail address, so
the admin's one "respondent's data" page covers every app (GDPR rights of access and
erasure) without the page knowing the apps: each app registers a holder when it is ready."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Holder:
    label: object  # a (lazy) translated name: "Subscriptions"
    find: Callable[[str], list[str]]  # one readable line per item kept for this address
    erase: Callable[[str], int]  # forget them; returns how many
    # Forget what is older than the holder's retention period (the daily erase command).
    expire: Callable | None = None


HOLDERS: list[Holder] = []


def register(holder: Holder) -> None:
    if holder not in HOLDERS:
        HOLDERS.append(holder)


def found_elsewhere(email: str) -> list[tuple[str, list[str]]]:
    return [(str(holder.label), lines) for holder in HOLDERS if (lines := holder.find(email))]


def erase_elsewhere(email: str) -> int:
    return sum(holder.erase(email) for holder in HOLDERS)


def expire_everywhere(now=None) -> int:
    """What every holder keeps beyond its retention period, forgotten; returns how many."""
    return sum(holder.expire(now) for holder in HOLDERS if holder.expire is not None)
