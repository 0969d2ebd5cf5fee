"""Event registrations on the admin's respondent page: found and erased by e-mail address."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.personal_data import Holder

from ..models import Registration


def find(email: str) -> list[str]:
    return [
        _("Event %(event)s: %(status)s, registered on %(created)s as “%(name)s”")
        % {
            "event": registration.event_key,
            "status": registration.get_status_display(),
            "created": registration.created_at.isoformat(),
            "name": registration.name,
        }
        for registration in Registration.objects.filter(email__iexact=email)
    ]


def erase(email: str) -> int:
    deleted, _by_model = Registration.objects.filter(email__iexact=email).delete()
    return deleted


EVENT_REGISTRATIONS = Holder(gettext_lazy("Event registrations"), find, erase)
