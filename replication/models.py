"""Every model of the ``replication`` app, gathered for Django's app registry; code inside the
app imports them from their room."""

from .onboarding.models import OnboardedTerritory
from .operating_model import OperatingModelPage
from .solutions.models import ReplicationInterest
from .solutions.pages import SolutionIndexPage, SolutionPage

__all__ = [
    "OnboardedTerritory",
    "OperatingModelPage",
    "ReplicationInterest",
    "SolutionIndexPage",
    "SolutionPage",
]
