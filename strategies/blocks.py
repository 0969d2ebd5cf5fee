"""The blocks a strategy is built from: priorities, each with the actions that answer it, and
the members of the local action group.

Evidence is chosen, never typed: the needs a priority answers and the survey result it cites
are picked from the portal, and everything counted about them is read from the portal when the
plan is shown."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

from participation.surveys.models import CHOICE_FIELD_TYPES, SurveyFormField

# What a strategy may cite from a survey: questions whose published results are a chart.
CITABLE_TYPES = CHOICE_FIELD_TYPES | {"rating", "checkbox", "grid", "ranking", "number", "date"}
# An e-mail address or a phone number (seven digits or more, spaces and dots allowed).
PERSONAL_CONTACT = re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}|(?:\+?\d[\s./-]?){7,}", re.IGNORECASE)


class ActionStatus:
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"
    CHOICES = [
        (PLANNED, _("Planned")),
        (IN_PROGRESS, _("In progress")),
        (DONE, _("Done")),
        (DROPPED, _("Dropped")),
    ]
    LABELS = dict(CHOICES)


class LanguageNeutralSnippetChooserBlock(SnippetChooserBlock):
    """A translatable snippet (a need, a theme) chosen once for every language version of the
    plan. wagtail-localize would otherwise look for the snippet's translation when the plan is
    translated, and fail for a need nobody has translated yet; the plan shows each need and
    theme in the reader's language anyway, found by its translation key."""

    def get_translatable_segments(self, value):
        return []


def citable_questions():
    """The questions a priority may cite, grouped by survey, named in the editor's language
    where the survey is translated: ("survey key:question key", label)."""
    fields = (
        SurveyFormField.objects.filter(field_type__in=CITABLE_TYPES, personal_data=False)
        .select_related("page", "page__locale")
        .order_by("page__title", "sort_order")
    )
    language = get_language()
    chosen: dict = {}
    for field in fields:
        key = (field.page.translation_key, field.clean_name)
        current = chosen.get(key)
        if current is None or field.page.locale.language_code == language:
            chosen[key] = field
    groups: dict = {}
    for (survey_key, question), field in chosen.items():
        groups.setdefault(field.page.title, []).append((f"{survey_key}:{question}", field.label))
    return [("", "—")] + [(title, options) for title, options in sorted(groups.items())]


class CitedQuestionBlock(blocks.ChoiceBlock):
    """A survey question whose published results a priority cites (its chart is shown)."""

    def __init__(self, **kwargs):
        super().__init__(choices=citable_questions, **kwargs)

    def extract_references(self, value):
        """The cited survey, for Wagtail's reference index: the plan is purged from the page
        cache when the survey changes (``strategies.purge``)."""
        from participation.surveys.pages import SurveyPage

        survey_key = (value or "").split(":", 1)[0]
        if not survey_key:
            return
        for pk in SurveyPage.objects.filter(translation_key=survey_key).values_list(
            "pk", flat=True
        ):
            yield SurveyPage, str(pk), "", ""


def _field_error(name: str, message) -> StructBlockValidationError:
    return StructBlockValidationError(block_errors={name: ValidationError(message)})


class ActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("What"), max_length=255)
    lead_partner = blocks.PageChooserBlock(
        label=_("Lead organisation (a partner)"),
        page_type="partners.PartnerPage",
        required=False,
    )
    lead_name = blocks.CharBlock(
        label=_("…or the lead organisation's name"),
        max_length=200,
        required=False,
        help_text=_("An organisation, never a person."),
    )
    starts_on = blocks.DateBlock(label=_("Starts"), required=False)
    ends_on = blocks.DateBlock(label=_("Ends"), required=False)
    budget = blocks.DecimalBlock(
        label=_("Budget (euros)"),
        required=False,
        min_value=0,
        max_digits=12,
        decimal_places=2,
    )
    status = blocks.ChoiceBlock(
        label=_("Status"), choices=ActionStatus.CHOICES, default=ActionStatus.PLANNED
    )
    dropped_reason = blocks.TextBlock(
        label=_("Why it was dropped"),
        required=False,
        help_text=_("Required for a dropped action: it is shown in public."),
    )
    calls = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="participation.ChallengeCallPage"),
        label=_("Challenge calls that carry it out"),
        default=[],
    )
    pilots = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="pilots.PilotPage"),
        label=_("Pilots that carry it out"),
        default=[],
    )

    class Meta:
        icon = "tasks"
        label = _("Action")
        template = "strategies/blocks/action_block.html"
        description = _("What will be done to answer the priority, by whom, when and at what cost.")
        preview_value = {"title": "Sportello digitale itinerante", "status": "in_progress"}

    def clean(self, value):
        value = super().clean(value)
        if value["status"] == ActionStatus.DROPPED and not (value["dropped_reason"] or "").strip():
            raise _field_error(
                "dropped_reason", _("Say why the action was dropped: the reason is public.")
            )
        if value["starts_on"] and value["ends_on"] and value["ends_on"] < value["starts_on"]:
            raise _field_error("ends_on", _("An action cannot end before it starts."))
        if not value["lead_partner"] and not (value["lead_name"] or "").strip():
            raise _field_error(
                "lead_name", _("Choose the lead partner, or give the lead organisation's name.")
            )
        if PERSONAL_CONTACT.search(value["lead_name"] or ""):
            raise _field_error(
                "lead_name", _("Give an organisation's name, without e-mail or phone number.")
            )
        return value


class PriorityBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Priority"), max_length=200)
    theme = LanguageNeutralSnippetChooserBlock(
        "participation.Theme", label=_("Theme"), required=False
    )
    why = blocks.TextBlock(label=_("Why it matters"))
    needs = blocks.ListBlock(
        LanguageNeutralSnippetChooserBlock("participation.Need"),
        label=_("Needs from the register it answers"),
        default=[],
    )
    cited_result = CitedQuestionBlock(
        label=_("Survey result it cites"),
        required=False,
        help_text=_("Its chart appears on the plan once the survey's results are published."),
    )
    actions = blocks.ListBlock(ActionBlock(), label=_("Actions"), default=[])

    class Meta:
        icon = "pick"
        label = _("Priority")
        template = "strategies/blocks/priority_block.html"
        description = _(
            "A local priority, the needs and survey results behind it, and the actions that "
            "answer it."
        )
        preview_value = {"title": "Servizi digitali vicini", "why": "Molti uffici sono lontani."}


class GroupMemberBlock(blocks.StructBlock):
    partner = blocks.PageChooserBlock(
        label=_("Partner"), page_type="partners.PartnerPage", required=False
    )
    organisation = blocks.CharBlock(
        label=_("…or the organisation's name"), max_length=200, required=False
    )
    role = blocks.CharBlock(
        label=_("Role in the group"),
        max_length=200,
        help_text=_("The organisation's role; never a person's name or contact details."),
    )

    class Meta:
        icon = "group"
        label = _("Organisation")
        template = "strategies/blocks/group_member_block.html"
        description = _("An organisation of the local action group and its role.")
        preview_value = {"organisation": "Pro Loco", "role": "Animazione del territorio"}

    def clean(self, value):
        value = super().clean(value)
        if not value["partner"] and not (value["organisation"] or "").strip():
            raise _field_error(
                "organisation", _("Choose a partner, or give the organisation's name.")
            )
        for name in ("organisation", "role"):
            if PERSONAL_CONTACT.search(value[name] or ""):
                raise _field_error(
                    name, _("Organisations only: no e-mail addresses or phone numbers.")
                )
        return value
