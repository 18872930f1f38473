"""Helpers shared by the tests."""

from __future__ import annotations

from django.test import Client

from schakel.accounts.models import User


def sign_in(client: Client, user: User) -> Client:
    """Sign a user in the way the application requires of them (all tests use this one)."""
    client.force_login(user)
    return client
