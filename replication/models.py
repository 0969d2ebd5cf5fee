"""Every model of the ``replication`` app, gathered for Django's app registry; code inside the
app imports them from their room."""

from .onboarding.models import OnboardedTerritory

__all__ = ["OnboardedTerritory"]
