"""The handbook in the admin, in the admin's language (any signed-in member of staff)."""

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .tasks import BY_SLUG, TASKS


def index(request):
    return TemplateResponse(
        request,
        "handbook/index.html",
        {"tasks": TASKS, "header_title": _("Editors' handbook")},
    )


def task_page(request, slug: str):
    task = BY_SLUG.get(slug)
    if task is None:
        raise Http404
    position = TASKS.index(task)
    return TemplateResponse(
        request,
        "handbook/task.html",
        {
            "task": task,
            "header_title": task.title,
            "previous": TASKS[position - 1] if position else None,
            "next": TASKS[position + 1] if position + 1 < len(TASKS) else None,
        },
    )
