from django.conf import settings


def portal(request):
    """Values every template needs; kept to settings lookups so it costs no query."""
    return {
        "PROGRAMME_NAME": settings.PROJECT_PROGRAMME_NAME,
        "MAP_TILE_URL": settings.MAP_TILE_URL,
        "MAP_TILE_ATTRIBUTION": settings.MAP_TILE_ATTRIBUTION,
    }
