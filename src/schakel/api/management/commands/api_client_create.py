"""Register a system that calls the API (docs/api.md): prints its client id and secret once."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from schakel.api.models import SCOPES
from schakel.api.services import api_client_create
from schakel.organisations.models import Organisation


class Command(BaseCommand):
    help = ("Create an OAuth 2 client (client credentials) for a system of one organisation, "
            "with its scopes; prints the client id and the secret, which is stored hashed and "
            "cannot be shown again.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--organisation", type=int, required=True,
                            help="id of the organisation the client acts for")
        parser.add_argument("--name", required=True,
                            help="the system's name, as the access log shows it (max. 40)")
        parser.add_argument("--scopes", nargs="+", required=True, choices=sorted(SCOPES),
                            help="the scopes the client may ask for")

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = Organisation.objects.filter(pk=options["organisation"]).first()
        if organisation is None:
            raise CommandError("Unknown organisation.")
        try:
            client, secret = api_client_create(
                organisation=organisation, name=options["name"], scopes=options["scopes"])
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        self.stdout.write(f"client_id: {client.application.client_id}")
        self.stdout.write(f"client_secret: {secret}")
        self.stdout.write("Store the secret now: it is kept hashed and is not shown again.")
