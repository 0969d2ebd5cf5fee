"""The survey's edit form in the admin: "show only when" is a list of earlier answers, and a
condition that points at a question deleted or moved after it is refused with a message."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminPageForm

from .steps import condition_choices, condition_errors

QUESTIONS = "form_fields"


class SurveyPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        formset = self.formsets.get(QUESTIONS)
        if formset is None:
            return
        offered = [("", _("Always"))] + condition_choices(self.instance.form_fields.all())
        formset.form = with_condition_list(formset.form, offered)

    def is_valid(self):
        valid = super().is_valid()
        formset = self.formsets.get(QUESTIONS)
        if formset is None or not formset.is_valid():
            return valid
        ordered = formset.ordered_forms
        errors = condition_errors([question_form.instance for question_form in ordered])
        for position, message in errors.items():
            ordered[position].add_error("show_when", message)
        return valid and not errors


def with_condition_list(form_class, offered):
    class QuestionForm(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            current = self.initial.get("show_when") or ""
            choices = list(offered)
            if current and current not in dict(choices):
                choices.append((current, _("(an answer that is no longer in this survey)")))
            self.fields["show_when"] = forms.CharField(
                label=gettext_lazy("show only when"),
                required=False,
                widget=forms.Select(choices=choices),
                help_text=self.fields["show_when"].help_text,
            )

    return QuestionForm
