"""The needs register in the admin: the Need snippet and "create a need" from survey answers."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from participation.surveys.admin_views import require, survey_in_admin_language
from pilots.models import PilotTerritoryPage

from .models import Need


class NeedViewSet(SnippetViewSet):
    model = Need
    icon = "help"
    menu_label = gettext_lazy("Needs register")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["title", "territory", "theme", "status", "origin", "live", "locale"]
    list_filter = ["status", "origin", "theme", "locale"]
    search_fields = ["title", "description"]


register_snippet(NeedViewSet)


def need_from_answers(request, translation_key):
    """Turn the free-text answers an editor ticked into a reported need, then open it."""
    require(request, "participation.add_need")
    if request.method != "POST":
        return redirect("survey_results", translation_key)
    survey = survey_in_admin_language(translation_key)
    ids = [value for value in request.POST.getlist("answers") if value.isdigit()]
    question = request.POST.get("question", "")
    chosen = list(survey.all_submissions().filter(pk__in=ids))
    texts = [str(s.form_data.get(question, "")).strip() for s in chosen]
    texts = [text for text in texts if text]
    if not texts:
        messages.error(request, _("Tick at least one free-text answer to create a need."))
        return redirect("survey_results", translation_key)
    territories = {s.territory_key for s in chosen if s.territory_key}
    territory = None
    if len(territories) == 1:
        territory = PilotTerritoryPage.objects.filter(
            translation_key=territories.pop(), locale=survey.locale
        ).first()
    need = Need.objects.create(
        locale=survey.locale,
        title=Truncator(texts[0]).chars(120),
        description="\n\n".join(texts),
        territory=territory,
        source_survey=survey,
        origin=Need.Origin.SURVEY,
        live=False,  # a draft: the editor checks it, then publishes it to the register
    )
    need.save_revision(user=request.user)
    need.source_answers.set(chosen)
    messages.success(
        request,
        _("Need created from %(count)d answer(s): check its title and theme, then save.")
        % {"count": len(chosen)},
    )
    return redirect(reverse("wagtailsnippets_participation_need:edit", args=[need.pk]))


@hooks.register("register_admin_urls")
def register_need_admin_urls():
    return [
        path(
            "surveys/<uuid:translation_key>/need/",
            need_from_answers,
            name="survey_need_from_answers",
        ),
    ]
