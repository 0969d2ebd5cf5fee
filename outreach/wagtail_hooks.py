"""Wagtail finds admin hooks here; the newsletters' admin lives in ``admin``."""

from . import admin as newsletters_admin

__all__ = ["newsletters_admin"]
