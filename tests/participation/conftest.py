import pytest
from django.core.cache import cache

from participation.models import SurveyPage
from tests.conftest import page_in


@pytest.fixture(autouse=True)
def clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def needs_survey(db):
    return page_in(SurveyPage, "it", slug="bisogni-del-territorio")


@pytest.fixture
def open_survey(needs_survey):
    """The demo's open survey with its demo answers removed, so tests count their own."""
    needs_survey.all_submissions().delete()
    return needs_survey


def answer_data(client, url: str, **answers) -> dict:
    """Load the form as a visitor would and fill it in (token from the page, as the browser)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(client.get(url).content, "html.parser")
    token = soup.select_one('input[name="submission_token"]')["value"]
    data = {"submission_token": token, "website": ""}
    data.update(answers)
    return data


def choice_value(client, url: str, name: str, label: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(client.get(url).content, "html.parser")
    for option in soup.select(f'[name="{name}"]'):
        if option.name == "select":
            for item in option.select("option"):
                if item.get_text(strip=True) == label:
                    return item["value"]
        elif option.find_parent("label").get_text(strip=True) == label:
            return option["value"]
    raise AssertionError(f"no choice {label!r} for {name}")


def grow_answers(survey, total: int) -> None:
    """Bring the survey to ``total`` answers by copying its first one (fast, for query counts)."""
    from participation.models import SurveySubmission

    template = survey.all_submissions().order_by("pk").first()
    missing = total - survey.all_submissions().count()
    SurveySubmission.objects.bulk_create(
        SurveySubmission(
            page=template.page, form_data=template.form_data, language=template.language
        )
        for _number in range(missing)
    )
