"""What is left to fill for a territory added through "New territory", shrinking as its editors
fill it: a photo for its page, its place on the map, its hub's opening hours, its partner's logo,
its survey's dates."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .models import OnboardedTerritory


@dataclass
class Item:
    label: str
    url: str


def left_to_fill(record: OnboardedTerritory) -> list[Item]:
    territory = record.territory
    edit = reverse("wagtailadmin_pages:edit", args=[territory.pk])
    items = []
    if not territory.social_image_id:
        items.append(Item(_("A photo for the territory's page (Promote tab)"), edit))
    if territory.latitude is None or territory.longitude is None:
        items.append(Item(_("Its place on the map (latitude and longitude)"), edit))
    if any(not hub.opening_hours.strip() for hub in territory.local_hubs.all()):
        items.append(Item(_("The local hub's opening hours"), edit))
    partner = territory.partner
    if partner is None:
        items.append(Item(_("The partner running the pilot"), edit))
    elif not partner.logo_id:
        items.append(
            Item(_("The partner's logo"), reverse("wagtailadmin_pages:edit", args=[partner.pk]))
        )
    survey = record.survey
    if survey is not None and survey.closes_at == record.first_survey_close:
        items.append(
            Item(
                _("The survey's dates (it closes eight weeks after it was made)"),
                reverse("wagtailadmin_pages:edit", args=[survey.pk]),
            )
        )
    return items


def checklists_for(user) -> list[tuple[OnboardedTerritory, list[Item]]]:
    """The territories this user looks after (all of them for an administrator) with what is
    left to fill, those with nothing left to fill left out."""
    records = OnboardedTerritory.objects.select_related(
        "territory", "territory__partner", "survey"
    ).order_by("-created_at")
    if not user.is_superuser:
        records = records.filter(editors__in=user.groups.all())
    found = []
    for record in records:
        items = left_to_fill(record)
        if items:
            found.append((record, items))
    return found
