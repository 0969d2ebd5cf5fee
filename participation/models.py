"""Participation models (surveys, needs, challenge calls) arrive with their own issues.

The home page already reserves a region for open participation; see ``home.models.HomePage``.
"""
