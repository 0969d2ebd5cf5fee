"""A member of a territory's hub facilitators group acts for that territory's hubs: the group
and the ``Facilitator`` rows the hub screens read are kept in step."""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed

from participation.hubs.models import Facilitator

from .models import OnboardedTerritory


def sync_facilitators(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    if action not in {"post_add", "post_remove"} or not pk_set:
        return
    if reverse:  # group.user_set changed: instance is the group, pk_set the users
        pairs = [(user_pk, instance.pk) for user_pk in pk_set]
    else:  # user.groups changed
        pairs = [(instance.pk, group_pk) for group_pk in pk_set]
    territories = dict(
        OnboardedTerritory.objects.filter(
            facilitators_id__in={group for _user, group in pairs}
        ).values_list("facilitators_id", "territory_id")
    )
    for user_pk, group_pk in pairs:
        territory = territories.get(group_pk)
        if territory is None:
            continue
        if action == "post_add":
            Facilitator.objects.get_or_create(user_id=user_pk, territory_id=territory)
        else:
            Facilitator.objects.filter(user_id=user_pk, territory_id=territory).delete()


def connect() -> None:
    m2m_changed.connect(
        sync_facilitators,
        sender=get_user_model().groups.through,
        dispatch_uid="territory-facilitators",
    )
