"""Factories for the content tests build: pages (wagtail-factories), snippets, answers and
proposals. A test asks for the few objects it is about instead of relying on the demo.

Pages need a parent: ``NewsPageFactory(parent=news_index)``.
"""

import datetime
import decimal

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Locale

from events.models import EventPage
from news.models import NewsPage
from participation.models import Need, Proposal, SurveySubmission, Theme
from partners.models import PartnerPage
from pilots.models import PilotTerritoryPage


def italian():
    return Locale.objects.get(language_code="it")


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Notizia {n}")
    slug = factory.Sequence(lambda n: f"notizia-{n}")
    summary = "Sintesi."
    date = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n))

    class Meta:
        model = NewsPage
        skip_postgeneration_save = True  # the tags hook saves when it has something to save

    @factory.post_generation
    def tags(self, create, names, **kwargs):
        if names:
            self.tags.add(*names)
            self.save()

    @factory.post_generation
    def territories(self, create, territories, **kwargs):
        # The links are a page's cluster children: kept in memory until the page is saved.
        if territories:
            for territory in territories:
                self.territory_links.create(territory=territory)
            self.save()


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Evento {n}")
    slug = factory.Sequence(lambda n: f"evento-{n}")
    summary = "Sintesi."
    start = factory.Sequence(
        lambda n: datetime.datetime(2030, 1, 1, 10, tzinfo=datetime.UTC)
        + datetime.timedelta(days=n)
    )
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=2))
    venue_name = "Fossano"

    class Meta:
        model = EventPage
        skip_postgeneration_save = True

    @factory.post_generation
    def territories(self, create, territories, **kwargs):
        # The links are a page's cluster children: kept in memory until the page is saved.
        if territories:
            for territory in territories:
                self.territory_links.create(territory=territory)
            self.save()


class PartnerPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Partner {n}")
    slug = factory.Sequence(lambda n: f"partner-{n}")
    organisation_name = factory.LazyAttribute(lambda partner: partner.title)
    country = "IT"
    role = "partner"

    class Meta:
        model = PartnerPage


class PilotTerritoryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Territorio {n}")
    slug = factory.Sequence(lambda n: f"territorio-{n}")
    region = "Piemonte"
    municipalities = "Uno\nDue"
    latitude = decimal.Decimal("44.5")
    longitude = decimal.Decimal("7.5")

    class Meta:
        model = PilotTerritoryPage


class ThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Tema {n}")
    locale = factory.LazyFunction(italian)

    class Meta:
        model = Theme


class NeedFactory(factory.django.DjangoModelFactory):
    """A published, validated need of the register."""

    title = factory.Sequence(lambda n: f"Bisogno {n}")
    description = "Descrizione del bisogno."
    status = Need.Status.VALIDATED
    locale = factory.LazyFunction(italian)
    theme = factory.SubFactory(ThemeFactory, locale=factory.SelfAttribute("..locale"))

    class Meta:
        model = Need


class SurveySubmissionFactory(factory.django.DjangoModelFactory):
    """An answer to a survey; ``form_data`` holds the answers by field key."""

    language = "it"
    form_data = factory.LazyFunction(dict)

    class Meta:
        model = SurveySubmission


class ProposalFactory(factory.django.DjangoModelFactory):
    organisation_name = factory.Sequence(lambda n: f"Impresa {n} srl")
    country = Proposal.Country.ITALY
    registration_number = factory.Sequence(lambda n: f"IT{n:011d}")
    organisation_size = Proposal.Size.SMALL
    contact_name = "Referente"
    contact_email = factory.Sequence(lambda n: f"proposta{n}@example.org")
    title = factory.Sequence(lambda n: f"Soluzione {n}")
    summary = "Sintesi pubblica."
    description = "Descrizione per i valutatori."
    maturity = Proposal.Maturity.PROTOTYPE
    estimated_cost = decimal.Decimal("25000")
    consent_given_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Proposal
