"""The open-data catalogue: one JSON file with every dataset and one CSV file per dataset, in
the asked language, without personal data.

The datasets belong to the apps that hold the data; each registers its own when it is ready
(``register``), so the catalogue's views know no app. Cells are written by ``core.exports``,
which neutralises anything a spreadsheet would run as a formula."""

import json
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, HttpResponseBadRequest, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from .exports import csv_chunks


@dataclass(frozen=True)
class Dataset:
    name: str  # in the addresses: /open-data/<name>.csv
    label: object  # a (lazy) translated name, for the lists of datasets
    columns: list[str]
    rows: Callable  # (locale, request) → list of dicts with those columns


DATASETS: dict[str, Dataset] = {}


def register(dataset: Dataset) -> None:
    DATASETS.setdefault(dataset.name, dataset)


def catalogue() -> list[tuple[str, str]]:
    """(name, label) of every dataset, in the order the apps registered them."""
    return [(dataset.name, str(dataset.label)) for dataset in DATASETS.values()]


def _locale(request) -> Locale | None:
    code = request.GET.get("language", settings.LANGUAGE_CODE)
    return Locale.objects.filter(language_code=code).first()


def _bad_language(request):
    codes = ", ".join(code for code, _name in settings.LANGUAGES)
    return HttpResponseBadRequest(
        _("Unknown language: choose one of %(codes)s.") % {"codes": codes},
        content_type="text/plain; charset=utf-8",
    )


def open_data_json(request):
    locale = _locale(request)
    if locale is None:
        return _bad_language(request)
    with translation.override(locale.language_code):
        data = {
            "title": "DigiVillae — need → strategy → challenge → proposal → pilot",
            "language": locale.language_code,
            "generated_at": timezone.now().isoformat(),
            "licence": "CC BY 4.0",
            **{name: dataset.rows(locale, request) for name, dataset in DATASETS.items()},
        }
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1),
        content_type="application/json; charset=utf-8",
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


def open_data_csv(request, dataset: str):
    if dataset not in DATASETS:
        return HttpResponse(
            _("Unknown dataset: choose one of %(names)s.") % {"names": ", ".join(DATASETS)},
            status=404,
            content_type="text/plain; charset=utf-8",
        )
    locale = _locale(request)
    if locale is None:
        return _bad_language(request)
    chosen = DATASETS[dataset]
    with translation.override(locale.language_code):
        rows = chosen.rows(locale, request)
    headings = chosen.columns
    body = csv_chunks(
        headings, ([row[h] if row[h] is not None else "" for h in headings] for row in rows)
    )
    response = StreamingHttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="digivillae-{dataset}-{locale.language_code}.csv"'
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response
