"""Wagtail finds admin hooks here; the registrations' admin lives in its room."""

from .registrations import admin as registrations_admin

__all__ = ["registrations_admin"]
