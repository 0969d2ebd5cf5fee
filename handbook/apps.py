from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HandbookConfig(AppConfig):
    name = "handbook"
    verbose_name = _("Editors' handbook")

    def ready(self):
        from core import admin_help

        from .tasks import TASKS

        for task in TASKS:
            admin_help.register(task.explains, "handbook_task", (task.slug,), task.title)
