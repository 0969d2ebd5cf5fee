"""Wagtail finds admin hooks here; each room registers its own admin in its ``admin`` module."""

from .challenges import admin as challenges_admin
from .hubs import admin as hubs_admin
from .needs import admin as needs_admin
from .surveys import admin as surveys_admin

__all__ = ["challenges_admin", "hubs_admin", "needs_admin", "surveys_admin"]
