"""A subscriber's data for the admin's respondent page: what they follow, since when, and the
consent they gave; erasing forgets the address."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.personal_data import Holder

from .models import Subscriber


def find(email: str) -> list[str]:
    lines = []
    for subscriber in Subscriber.objects.filter(email__iexact=email).prefetch_related("follows"):
        follows = ", ".join(str(follow) for follow in subscriber.follows.all()) or "—"
        lines.append(
            _(
                "Follows: %(follows)s; language %(language)s; asked on %(created)s; confirmed "
                "on %(confirmed)s; consent given on %(consent_at)s in %(consent_language)s: "
                "“%(consent)s”"
            )
            % {
                "follows": follows,
                "language": subscriber.language,
                "created": subscriber.created_at.isoformat(),
                "confirmed": subscriber.confirmed_at.isoformat()
                if subscriber.confirmed_at
                else "—",
                "consent_at": subscriber.consent_at.isoformat() if subscriber.consent_at else "—",
                "consent_language": subscriber.consent_language or "—",
                "consent": subscriber.consent_text or "—",
            }
        )
    return lines


def erase(email: str) -> int:
    deleted, _by_model = Subscriber.objects.filter(email__iexact=email).delete()
    return deleted


SUBSCRIPTIONS = Holder(gettext_lazy("Subscriptions"), find, erase)
