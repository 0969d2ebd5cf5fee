from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .models import IndicatorMeasurement


class IndicatorMeasurementViewSet(ModelViewSet):
    """Indicator values are recorded here, once for every language, without republishing the
    pilot page."""

    model = IndicatorMeasurement
    icon = "table"
    menu_label = _("Indicator values")
    menu_order = 280
    add_to_admin_menu = True
    form_fields = ["indicator", "measured_on", "value", "note"]
    list_display = ["indicator", "measured_on", "value", "note"]
    list_filter = ["indicator__page"]
    ordering = ["-measured_on"]


@hooks.register("register_admin_viewset")
def register_indicator_values():
    return IndicatorMeasurementViewSet("indicator_values")
