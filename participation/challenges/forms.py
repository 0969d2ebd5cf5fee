"""Forms of a challenge call: proposals (with PDF attachments checked by their content), their
amendment through the private link, and citizens' support."""

import uuid

from django import forms
from django.conf import settings
from django.core.validators import RegexValidator
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from core.forms import HoneypotMixin

from .attachments import pdf_verdicts
from .models import MAX_ATTACHMENTS, Proposal

registration_number_validator = RegexValidator(
    r"^[A-Za-z0-9][A-Za-z0-9 .\-/]{3,28}[A-Za-z0-9]$",
    _(
        "Enter the VAT, SIRET, P.IVA or registration number as it appears on your documents: "
        "5 to 30 letters and digits."
    ),
)


def pdf_problems(uploads) -> list[str]:
    """Why each upload is not an acceptable PDF. The name is never trusted: the file must
    start like a PDF and open as one in the sandboxed checker, within bounded time and memory."""
    limit = settings.PROPOSAL_ATTACHMENT_MAX_BYTES
    problems, to_open = [], []
    for upload in uploads:
        if upload.size > limit:
            sizes = {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            problems.append(
                _("“%(name)s” is %(size)s: each file may be at most %(limit)s.")
                % {"name": upload.name, **sizes}
            )
        else:
            to_open.append(upload)
    contents = []
    for upload in to_open:
        upload.seek(0)
        contents.append(upload.read())
        upload.seek(0)
    for upload, verdict in zip(to_open, pdf_verdicts(contents), strict=True):
        if verdict != "ok":
            problems.append(VERDICT_MESSAGES[verdict] % {"name": upload.name})
    return problems


VERDICT_MESSAGES = {
    "not_pdf": _("“%(name)s” is not a PDF document. Only PDF files are accepted."),
    "encrypted": _(
        "“%(name)s” is protected by a password. Send a copy without a password so that the "
        "evaluators can open it."
    ),
    "too_complex": _(
        "“%(name)s” could not be checked: once opened it is too large or too complex. Save it "
        "again as a plain PDF (for example with “Print to PDF”) and send it again."
    ),
    "unavailable": _(
        "“%(name)s” could not be checked just now. Nothing was saved: please send the form "
        "again in a minute."
    ),
}


class MultiplePdfInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PdfAttachmentsField(forms.FileField):
    """Up to MAX_ATTACHMENTS PDF files, each checked by its content."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget", MultiplePdfInput(attrs={"accept": "application/pdf,.pdf", "multiple": True})
        )
        super().__init__(required=False, **kwargs)

    def clean(self, data, initial=None):
        uploads = [item for item in (data if isinstance(data, list | tuple) else [data]) if item]
        uploads = [super(PdfAttachmentsField, self).clean(item, initial) for item in uploads]
        problems = pdf_problems(uploads)
        if problems:
            raise forms.ValidationError(problems)
        return uploads


class ProposalForm(HoneypotMixin, forms.ModelForm):
    attachments = PdfAttachmentsField(
        label=_("Attachments (PDF)"),
        help_text=_(
            "Up to 3 PDF files of at most 10 MB each: technical sheet, budget, references."
        ),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the DigiVillae partners process these data to evaluate the proposal, "
            "and that the title, public summary and organisation name are published if the "
            "proposal is shortlisted."
        ),
        error_messages={"required": _("Please give your consent, or the proposal cannot be sent.")},
    )
    submission_token = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)

    class Meta:
        model = Proposal
        fields = [
            "organisation_name",
            "country",
            "registration_number",
            "organisation_size",
            "contact_name",
            "contact_email",
            "title",
            "summary",
            "description",
            "maturity",
            "estimated_cost",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4, "maxlength": 1000}),
            "description": forms.Textarea(attrs={"rows": 10, "maxlength": 10000}),
            "estimated_cost": forms.NumberInput(attrs={"min": 0, "step": "0.01"}),
        }

    existing_attachments = 0

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["registration_number"].validators.append(registration_number_validator)
        self.fields["contact_email"].widget.attrs["autocomplete"] = "email"
        self.fields["contact_name"].widget.attrs["autocomplete"] = "name"
        self.fields["organisation_name"].widget.attrs["autocomplete"] = "organization"
        for name in ("country", "organisation_size", "maturity"):
            self.fields[name].choices = [("", _("Choose…"))] + list(self.fields[name].choices)[1:]

    def kept_attachments(self) -> int:
        return self.existing_attachments

    def clean(self):
        cleaned = super().clean()
        uploads = cleaned.get("attachments") or []
        if self.kept_attachments() + len(uploads) > MAX_ATTACHMENTS:
            self.add_error(
                "attachments",
                _("A proposal can have at most %(count)d attachments.")
                % {"count": MAX_ATTACHMENTS},
            )
        return cleaned


class ProposalAmendForm(ProposalForm):
    """The applicant's changes through the private link, until the deadline."""

    remove_attachments = forms.ModelMultipleChoiceField(
        label=_("Remove these attachments"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta(ProposalForm.Meta):
        pass

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["consent"]
        del self.fields["submission_token"]
        attachments = self.instance.attachments.all()
        self.fields["remove_attachments"].queryset = attachments
        self.existing_attachments = len(attachments)

    def kept_attachments(self) -> int:
        removed = self.cleaned_data.get("remove_attachments") or []
        return self.existing_attachments - len(removed)


class SupportForm(HoneypotMixin, forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_(
            "We send you a link to confirm. We keep only a coded fingerprint of the address, to "
            "count one support per person; it is never shown."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
