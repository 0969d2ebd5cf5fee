"""The people the handbook's pictures and its label check look through: one per group and
language, each with the admin in that language (a facilitator acts for the Fossanese hubs)."""

from django.conf import settings
from django.contrib.auth.models import Group, User
from wagtail.users.models import UserProfile

from participation.models import Facilitator
from pilots.models import PilotTerritoryPage


def person_for(role: str | None, language: str, password: str | None = None) -> User:
    """``role`` is a group's name, or None for an administrator."""
    name = f"handbook-{(role or 'administrator').lower().replace(' ', '-')}-{language}"
    person, made = User.objects.get_or_create(
        username=name,
        defaults={"email": f"{name}@example.org", "is_superuser": role is None},
    )
    if made:
        if password:
            person.set_password(password)
        else:
            person.set_unusable_password()
        person.save()
        if role is not None:
            person.groups.add(Group.objects.get(name=role))
        if role == "Hub facilitators":
            territory = PilotTerritoryPage.objects.get(locale__language_code="it", slug="fossanese")
            Facilitator.objects.create(user=person, territory=territory)
    profile = UserProfile.get_for_user(person)
    profile.preferred_language = language
    profile.save()
    return person


LANGUAGES = [code for code, _name in settings.LANGUAGES]
