from django.urls import path

from . import views

urlpatterns = [
    path("<int:event_id>/", views.register_view, name="event_register"),
    path("cancel/<uuid:token>/", views.cancel_view, name="event_registration_cancel"),
]
