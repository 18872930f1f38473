"""The partners each demo school lists on its route page (sociale kaart) besides the people in
its teams: whom to go to for what, and how to reach them. Fictional, except Veilig Thuis's
national number. Idempotent, like the rest of the demo world."""

from __future__ import annotations

from dataclasses import dataclass

from schakel.organisations.models import School, SchoolPartner


@dataclass(frozen=True)
class PartnerSpec:
    name: str
    what_for: str
    phone: str = ""
    email: str = ""
    website: str = ""
    how_to_reach: str = ""


VEILIG_THUIS = PartnerSpec(
    "Veilig Thuis Twente",
    "Advies of een melding bij zorgen over huiselijk geweld of kindermishandeling "
    "(meldcode)", phone="0800-2000", website="https://www.veiligthuis.nl",
    how_to_reach="Dag en nacht bereikbaar, ook anoniem voor advies.")
WIJKTEAM = PartnerSpec(
    "Sociaal wijkteam Hengeloo", "Vragen van gezinnen over opvoeden, geld, wonen en zorg; "
    "toegang tot lichte jeugdhulp", phone="074 555 0900", email="wijkteam@hengeloo.example",
    how_to_reach="Werkdagen 9.00-17.00 uur; inloopspreekuur op dinsdagochtend op school.")

PARTNERS: dict[str, list[PartnerSpec]] = {
    "po": [
        WIJKTEAM,
        PartnerSpec("Samenwerkingsverband PO Hengeloo e.o.",
                    "Passend onderwijs: arrangementen en toelaatbaarheid SBO/SO",
                    phone="074 555 0950", email="loket@swv-po-hengeloo.example",
                    website="https://swv-po-hengeloo.example"),
        VEILIG_THUIS,
    ],
    "vo": [
        WIJKTEAM,
        PartnerSpec("Samenwerkingsverband VO Twente-Noord",
                    "Passend onderwijs: plaatsing, OPP-advies en thuiszitters",
                    phone="074 555 0960", email="loket@swv-vo-twente.example",
                    website="https://swv-vo-twente.example"),
        VEILIG_THUIS,
    ],
    "mbo": [
        PartnerSpec("Jongerenloket Hengeloo (RMC)",
                    "Jongeren tot 23 jaar zonder startkwalificatie: terug naar school of werk",
                    phone="074 555 0970", email="jongerenloket@hengeloo.example",
                    how_to_reach="Maandag tot en met vrijdag, ook via WhatsApp op hetzelfde "
                                 "nummer."),
        WIJKTEAM,
        VEILIG_THUIS,
    ],
}


def partners_load(schools: dict[str, School]) -> None:
    for key, specs in PARTNERS.items():
        for position, spec in enumerate(specs):
            SchoolPartner.objects.update_or_create(
                school=schools[key], name=spec.name,
                defaults={"what_for": spec.what_for, "phone": spec.phone, "email": spec.email,
                          "website": spec.website, "how_to_reach": spec.how_to_reach,
                          "position": position},
            )
