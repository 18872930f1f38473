"""The API's views: thin, as the pages' views are. They read the request, call the selectors
and services of the apps that own the data (which ask the access policy and write the access
log), and show the result. The actor is the system client (`authentication.system_actor_of`)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from schakel.access.actor import Actor
from schakel.api.authentication import system_actor_of
from schakel.api.schema import with_problems
from schakel.api.serializers import (
    NotificationFilterSerializer,
    NotificationSerializer,
    OrganisationFilterSerializer,
    OrganisationSerializer,
    PupilSyncResultSerializer,
    PupilSyncSerializer,
    SchoolFilterSerializer,
    SchoolSerializer,
    SignalCreateSerializer,
    SignalStatusSerializer,
)
from schakel.api.services import client_signal_raise
from schakel.children.selectors import pupil_at_school
from schakel.children.services.pupil_sync import PupilRecord, pupils_sync
from schakel.http.requests import pick_or_404
from schakel.notifications.models import Notification
from schakel.notifications.selectors import notifications_for_system
from schakel.organisations.models import Organisation, School
from schakel.organisations.selectors import (
    organisation_for_system_get,
    organisations_for_system,
    professional_for_system_get,
    school_classes,
    school_for_system_get,
    schools_for_system,
)
from schakel.signals.models import SignalLevel
from schakel.signals.selectors import active_themes, schools_for_raising, signal_get

# The service's field names, as the API names them.
SIGNAL_FIELDS = {"description": "omschrijving", "theme": "thema", "child": "leerling",
                 "school_class": "klas", "school": "school"}
READ_ORGANISATIONS = ["organisaties:lezen"]
WRITE_PUPILS = ["leerlingen:schrijven"]
WRITE_SIGNALS = ["signalen:schrijven"]
READ_NOTIFICATIONS = ["meldingen:lezen"]


def _filters(serializer: type[serializers.Serializer[Any]], request: Request) -> dict[str, Any]:
    """The list's filters from the query string; an invalid one is a 400."""
    names: list[str] = list(serializer().fields.keys())
    data = serializer(data={name: request.query_params[name]
                            for name in names if name in request.query_params})
    data.is_valid(raise_exception=True)
    return dict(data.validated_data)


@extend_schema(tags=["organisaties"], parameters=[OrganisationFilterSerializer],
               responses=with_problems({200: OrganisationSerializer(many=True)}, 400, 404))
class OrganisationList(generics.ListAPIView[Organisation]):
    """The organisation the client is bound to (a list, to page and filter like the rest)."""

    serializer_class = OrganisationSerializer
    required_scopes = READ_ORGANISATIONS

    def get_queryset(self) -> Any:
        filters = _filters(OrganisationFilterSerializer, self.request)
        return organisations_for_system(actor=system_actor_of(self.request),
                                        sector=filters.get("sector", ""))


@extend_schema(tags=["organisaties"],
               responses=with_problems({200: OrganisationSerializer}, 404))
class OrganisationDetail(generics.RetrieveAPIView[Organisation]):
    serializer_class = OrganisationSerializer
    required_scopes = READ_ORGANISATIONS

    def get_object(self) -> Organisation:
        return organisation_for_system_get(actor=system_actor_of(self.request),
                                           organisation_id=self.kwargs["organisation_id"])


@extend_schema(tags=["scholen"], parameters=[SchoolFilterSerializer],
               responses=with_problems({200: SchoolSerializer(many=True)}, 400, 404))
class SchoolList(generics.ListAPIView[School]):
    """The schools (locations) of the client's organisation, with their classes."""

    serializer_class = SchoolSerializer
    required_scopes = READ_ORGANISATIONS

    def get_queryset(self) -> Any:
        filters = _filters(SchoolFilterSerializer, self.request)
        return schools_for_system(actor=system_actor_of(self.request),
                                  school_type=filters.get("soort", ""),
                                  brin=filters.get("brin", ""))


@extend_schema(tags=["scholen"], responses=with_problems({200: SchoolSerializer}, 404))
class SchoolDetail(generics.RetrieveAPIView[School]):
    serializer_class = SchoolSerializer
    required_scopes = READ_ORGANISATIONS

    def get_object(self) -> School:
        return school_for_system_get(actor=system_actor_of(self.request),
                                     school_id=self.kwargs["school_id"])


class PupilSync(APIView):
    """Create, update or leave each pupil of one school as its pupil administration has
    them; with `volledig`, pupils missing from the batch leave the school today."""

    required_scopes = WRITE_PUPILS

    @extend_schema(tags=["leerlingen"], request=PupilSyncSerializer,
                   responses=with_problems({200: PupilSyncResultSerializer}, 400, 404))
    def post(self, request: Request) -> Response:
        data = PupilSyncSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        actor = system_actor_of(request)
        school = school_for_system_get(actor=actor, school_id=data.validated_data["school"])
        records = [PupilRecord(
            pupil_number=row["leerlingnummer"], education_number=row["onderwijsnummer"],
            first_name=row["voornaam"], last_name=row["achternaam"],
            birth_date=row["geboortedatum"], class_name=row["klas"],
            start_date=row["startdatum"]) for row in data.validated_data["leerlingen"]]
        result = pupils_sync(actor=actor, school=school, pupils=records,
                             full=data.validated_data["volledig"])
        return Response(PupilSyncResultSerializer(result).data)


def acting_for(actor: Actor, professional_id: int, field: str = "melder") -> Actor:
    """The professional of the client's organisation who did the work in that system (raised
    the signal, imports the attendance), as the actor (the access log names the client as the
    source system)."""
    try:
        professional = professional_for_system_get(actor=actor, professional_id=professional_id)
    except Http404:
        raise serializers.ValidationError(
            {field: [_not_found()]}) from None
    return Actor(user=professional.user, professional=professional,
                 ip_address=actor.ip_address, system=actor.system)


def _not_found() -> str:
    return _("Unknown, or not for this client to use.")


def pick_or_invalid(items: list[Any], pk: int | None, field: str) -> Any:
    try:
        return pick_or_404(items, pk)
    except Http404:
        raise serializers.ValidationError({field: [_not_found()]}) from None


class SignalCreate(APIView):
    """Raise a signal about a pupil, a class or a school, as a professional of the client's
    organisation who noticed it (`melder`); the same rules as the page *Signaal melden*."""

    required_scopes = WRITE_SIGNALS

    @extend_schema(tags=["signalen"], request=SignalCreateSerializer,
                   responses=with_problems({201: SignalStatusSerializer}, 400))
    def post(self, request: Request) -> Response:
        data = SignalCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        actor = acting_for(system_actor_of(request), values["melder"])
        school = pick_or_invalid(list(schools_for_raising(actor=actor)), values["school"], "school")
        themes = [t for t in active_themes() if t.code == values["thema"]]
        theme = pick_or_invalid(themes, themes[0].pk if themes else None, "thema")
        school_class = (pick_or_invalid(list(school_classes(school_id=school.pk)),
                                        values["klas"], "klas")
                        if values["klas"] is not None else None)
        child = None
        if values["leerling"] is not None:
            enrolment = pupil_at_school(actor=actor, school_id=school.pk,
                                        child_id=values["leerling"])
            if enrolment is None:
                raise serializers.ValidationError({"leerling": [_not_found()]})
            child = enrolment.child
        try:
            signal = client_signal_raise(
                actor=actor, level=SignalLevel(values["niveau"]), school=school, theme=theme,
                description=values["omschrijving"], child=child, school_class=school_class,
                observed_outside_school=values["buiten_school"])
        except DjangoValidationError as error:
            raise serializers.ValidationError({
                SIGNAL_FIELDS.get(field, field): messages
                for field, messages in error.message_dict.items()}) from None
        return Response(SignalStatusSerializer(signal).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=["signalen"], responses=with_problems({200: SignalStatusSerializer}, 404))
class SignalDetail(generics.RetrieveAPIView[Any]):
    """The status of a signal this client raised."""

    serializer_class = SignalStatusSerializer
    required_scopes = WRITE_SIGNALS

    def get_object(self) -> Any:
        signal, _decision = signal_get(actor=system_actor_of(self.request),
                                       signal_id=self.kwargs["signal_id"])
        return signal


@extend_schema(tags=["meldingen"], parameters=[NotificationFilterSerializer],
               responses=with_problems({200: NotificationSerializer(many=True)}, 400, 404))
class NotificationList(generics.ListAPIView[Notification]):
    """The notifications of the professionals of the client's organisation (filter by
    `professional`, `ongelezen`), without their text: that something waits, of which kind,
    and the page in Schakel."""

    serializer_class = NotificationSerializer
    required_scopes = READ_NOTIFICATIONS

    def get_queryset(self) -> Any:
        filters = _filters(NotificationFilterSerializer, self.request)
        return notifications_for_system(actor=system_actor_of(self.request),
                                        professional_id=filters.get("professional"),
                                        unread_only=bool(filters.get("ongelezen", False)))


@extend_schema(exclude=True)
class NotFound(APIView):
    """What no resource of the API answers: 404 as a problem document, to anyone."""

    authentication_classes: list[Any] = []
    permission_classes: list[Any] = []
    throttle_classes: list[Any] = []

    def get(self, request: Request) -> Response:
        raise Http404

    post = put = patch = delete = get
