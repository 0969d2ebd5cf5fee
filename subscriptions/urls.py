from django.urls import path

from . import views

urlpatterns = [
    path("", views.follow, name="follow"),
    path("confirm/<str:code>/", views.confirm_view, name="follow_confirm"),
    path("manage/<uuid:token>/", views.manage, name="follow_manage"),
    path("leave/<uuid:token>/", views.leave_view, name="follow_leave"),
]
