"""Every model of the ``strategies`` app, gathered for Django's app registry; code inside the
app imports them from ``pages`` and ``records``."""

from .pages import StrategiesIndexPage, StrategyPage, TerritoryApprovalTask
from .records import (
    AdoptedText,
    AdoptedVersion,
    KnownActionStatus,
    StrategyApprovers,
    StrategyChange,
)

__all__ = [
    "AdoptedText",
    "AdoptedVersion",
    "KnownActionStatus",
    "StrategiesIndexPage",
    "StrategyApprovers",
    "StrategyChange",
    "StrategyPage",
    "TerritoryApprovalTask",
]
