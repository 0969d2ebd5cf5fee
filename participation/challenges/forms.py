"""Forms of a challenge call: proposals (with PDF attachments checked by their content), their
amendment through the private link, and citizens' support."""

import uuid

from django import forms
from django.conf import settings
from django.core.validators import RegexValidator
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from participation.common import HoneypotMixin

from .models import MAX_ATTACHMENTS, Proposal

PDF_MAGIC = b"%PDF-"

registration_number_validator = RegexValidator(
    r"^[A-Za-z0-9][A-Za-z0-9 .\-/]{3,28}[A-Za-z0-9]$",
    _(
        "Enter the VAT, SIRET, P.IVA or registration number as it appears on your documents: "
        "5 to 30 letters and digits."
    ),
)


def pdf_problem(upload) -> str | None:
    """Why an upload is not an acceptable PDF, or None. The name is never trusted: the file
    must start like a PDF and be readable as one."""
    name = upload.name
    if upload.size > settings.PROPOSAL_ATTACHMENT_MAX_BYTES:
        return _("“%(name)s” is %(size)s: each file may be at most %(limit)s.") % {
            "name": name,
            "size": filesizeformat(upload.size),
            "limit": filesizeformat(settings.PROPOSAL_ATTACHMENT_MAX_BYTES),
        }
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(0)
    not_pdf = _("“%(name)s” is not a PDF document. Only PDF files are accepted.") % {"name": name}
    if PDF_MAGIC not in head:
        return not_pdf
    try:
        reader = PdfReader(upload, strict=False)
        if len(reader.pages) < 1:
            return not_pdf
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError):
        return not_pdf
    finally:
        upload.seek(0)
    return None


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
        problems = [problem for problem in map(pdf_problem, uploads) if problem]
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
