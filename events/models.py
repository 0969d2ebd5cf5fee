import json
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from core.blocks import BaseStreamBlock
from core.i18n import EVENT_TIME_ZONE
from core.models import BasePage, SectionIndexPage
from core.pagination import page_of, side_by_side
from core.querysets import listing_manager
from pilots.links import ListedOnTerritoriesMixin, TerritoryLink, linked_territories

from .ical import calendar_response

PAST_EVENTS_PER_PAGE = 10
# Upcoming events a page at a time too: a busy season must not make one endless page.
UPCOMING_EVENTS_PER_PAGE = 12


class EventIndexPage(RoutablePageMixin, SectionIndexPage):
    communication_officers_edit = True  # core.signals grants them this section
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("events index page")

    def events(self, request=None):
        return EventPage.objects.for_listing(self.locale_id, request).children_of(self)

    def upcoming_events(self, request=None, now=None):
        now = now or timezone.now()
        return self.events(request).filter(end__gte=now).order_by("start", "pk")

    def past_events(self, request=None, now=None):
        now = now or timezone.now()
        return self.events(request).filter(end__lt=now).order_by("-start", "-pk")

    @path("")
    def listing(self, request):
        now = timezone.now()  # one moment for both lists: an event is in exactly one
        # Both lists counted in one query: their pagers need not count them again.
        counts = self.events(request).aggregate(
            upcoming=Count("pk", filter=Q(end__gte=now)), past=Count("pk", filter=Q(end__lt=now))
        )
        upcoming_page = page_of(
            self.upcoming_events(request, now),
            request,
            UPCOMING_EVENTS_PER_PAGE,
            anchor="upcoming-heading",
            param="upcoming",
            label=_("Pages of upcoming events"),
            count=counts["upcoming"],
        )
        past_page = page_of(
            self.past_events(request, now),
            request,
            PAST_EVENTS_PER_PAGE,
            anchor="past-heading",
            label=_("Pages of past events"),
            count=counts["past"],
        )
        side_by_side(upcoming_page, past_page)
        return self.render(
            request,
            context_overrides={"upcoming_page": upcoming_page, "past_page": past_page},
        )

    @path("calendar/", name="calendar")
    def calendar(self, request):
        return calendar_response(
            list(self.upcoming_events(request)),
            request,
            filename=f"digivillae-{self.locale}.ics",
            name=self.title,
        )


class EventTerritoryLink(TerritoryLink):
    page = ParentalKey("events.EventPage", related_name="territory_links", on_delete=models.CASCADE)


class EventPage(ListedOnTerritoriesMixin, RoutablePageMixin, BasePage):
    start = models.DateTimeField(_("start"), help_text=_("Date and time in Italian time."))
    end = models.DateTimeField(_("end"), help_text=_("Date and time in Italian time."))
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    online_url = models.URLField(_("online meeting link"), blank=True)
    registration_url = models.URLField(
        _("registration link"),
        blank=True,
        help_text=_("A registration page elsewhere. Leave empty to take sign-ups here."),
    )
    takes_registrations = models.BooleanField(
        _("take registrations on this page"),
        default=False,
        help_text=_("Visitors sign up here; beyond the capacity they join a waiting list."),
    )
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("How many people can come.")
    )
    summary = models.TextField(_("summary"), max_length=500)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading=_("When")),
        MultiFieldPanel(
            [FieldPanel("venue_name"), FieldPanel("address"), FieldPanel("online_url")],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_url"),
                FieldPanel("takes_registrations"),
                FieldPanel("capacity"),
            ],
            heading=_("Registration"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("territory_links", heading=_("Pilot territories"), label=_("Territory")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("venue_name"),
        index.SearchField("body"),
        index.FilterField("start"),
        index.FilterField("end"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    objects = listing_manager("", ("start", "pk"))

    class Meta:
        verbose_name = _("event page")
        verbose_name_plural = _("event pages")
        # Listings read events in date order and stop after a few (see NewsPage).
        indexes = [models.Index(fields=["start", "page_ptr"], name="events_by_start")]

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end must come after the start.")})
        if self.takes_registrations and not self.capacity:
            raise ValidationError({"capacity": _("Give the number of places.")})
        if self.takes_registrations and self.registration_url:
            raise ValidationError(
                {"registration_url": _("Take registrations here or elsewhere, not both.")}
            )
        if not (self.venue_name or self.address or self.online_url):
            raise ValidationError(
                {"venue_name": _("Give a venue, an address or an online meeting link.")}
            )

    def get_listing_summary(self) -> str:
        return self.listing_summary or self.summary

    @property
    def local_start(self):
        return timezone.localtime(self.start, EVENT_TIME_ZONE)

    @property
    def local_end(self):
        return timezone.localtime(self.end, EVENT_TIME_ZONE)

    @property
    def is_online(self) -> bool:
        return bool(self.online_url)

    @property
    def is_in_person(self) -> bool:
        return bool(self.venue_name or self.address)

    @property
    def is_past(self) -> bool:
        return self.end < timezone.now()

    def places_left(self) -> int:
        """Places a newcomer can take now: none while anyone waits (the first waiting take
        freed places first), counted against the number of places last published in any
        language (``events.registrations.services.places_of``); one query."""
        registrations = Registration.objects.filter(event_key=OuterRef("translation_key"))
        row = (
            EventPage.objects.filter(translation_key=self.translation_key, live=True)
            .order_by(F("last_published_at").desc(nulls_last=True), "-pk")
            .annotate(
                taken=Subquery(
                    registrations.filter(status=Registration.Status.CONFIRMED)
                    .order_by()
                    .values("event_key")
                    .annotate(n=Count("pk"))
                    .values("n")
                ),
                waiting=Exists(registrations.filter(status=Registration.Status.WAITING)),
            )
            .values_list("capacity", "taken", "waiting")
            .first()
        )
        capacity, taken, waiting = row if row else (self.capacity, 0, False)
        if waiting:
            return 0
        return max((capacity or 0) - (taken or 0), 0)

    @property
    def registration_open(self) -> bool:
        return self.takes_registrations and not self.is_past

    def json_ld(self, request) -> str:
        """schema.org Event description for search engines."""
        if self.is_online and self.is_in_person:
            mode = "https://schema.org/MixedEventAttendanceMode"
        elif self.is_online:
            mode = "https://schema.org/OnlineEventAttendanceMode"
        else:
            mode = "https://schema.org/OfflineEventAttendanceMode"
        locations = []
        if self.is_in_person:
            locations.append(
                {
                    "@type": "Place",
                    "name": self.venue_name or self.address,
                    "address": self.address or self.venue_name,
                }
            )
        if self.is_online:
            locations.append({"@type": "VirtualLocation", "url": self.online_url})
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "description": strip_tags(self.summary),
            "startDate": self.local_start.isoformat(),
            "endDate": self.local_end.isoformat(),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": mode,
            "location": locations[0] if len(locations) == 1 else locations,
            "inLanguage": self.locale.language_code,
            "url": request.build_absolute_uri(self.get_url(request)),
            "organizer": {
                "@type": "Organization",
                "name": "DigiVillae",
                "url": request.build_absolute_uri("/"),
            },
        }
        if self.registration_url:
            data["offers"] = {
                "@type": "Offer",
                "url": self.registration_url,
                "price": "0",
                "priceCurrency": "EUR",
            }
        image = self.get_social_image()
        if image:
            data["image"] = request.build_absolute_uri(image.get_rendition("fill-1200x630").url)
        # Escape "<" so the JSON can never close the <script> element it is embedded in.
        return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["territories"] = linked_territories(self)
        context["json_ld"] = self.json_ld(request)
        return context

    @path("")
    def detail(self, request):
        response = self.render(request)
        if self.registration_open:  # the shared cache keeps the form no longer than it is open
            seconds_left = int((self.end - timezone.now()).total_seconds())
            patch_cache_control(response, max_age=max(0, seconds_left))
        return response

    @path("ics/", name="ics")
    def ics(self, request):
        return calendar_response([self], request, filename=f"{self.slug}.ics", name=self.title)


# Sign-ups for an event with limited places (hub workshops, info days): one list per event for
# every language (by the event's translation key), first come first served, then a waiting list
# that a cancellation moves up (events.registrations). One active registration per address and
# event (a constraint): a double click or a second try registers nobody twice.
class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Place confirmed")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    event_key = models.UUIDField(_("event"), db_index=True)
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail address"))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    promoted_at = models.DateTimeField(_("moved up from the waiting list at"), null=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)

    class Meta:
        verbose_name = _("event registration")
        verbose_name_plural = _("event registrations")
        ordering = ["created_at", "pk"]
        # Names and e-mail addresses: only for those who organise (officers, administrators),
        # not for everyone who may edit the event page (translators, editors).
        permissions = [("download_attendee_list", _("Can download the attendee lists of events"))]
        constraints = [
            models.UniqueConstraint(
                fields=["event_key", "email"],
                condition=~models.Q(status="cancelled"),
                name="one_active_registration_per_address",
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.get_status_display()})"
