from __future__ import annotations

from importlib import import_module

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.sessions.backends.base import SessionBase
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models


class User(AbstractUser):
    """A person who signs in: a professional (see `organisations.Professional`) or, later,
    a parent or young person through the portal."""

    class Meta:
        db_table = "accounts_user"


class UserSession(AbstractBaseSession):
    """A session row that knows its user, so that all sessions of a user can be ended at once
    (deactivation, reset of the second factor; ASVS 7.4.2). Written by
    `schakel.accounts.sessions.SessionStore`, the configured session engine."""

    user_id = models.BigIntegerField(null=True, db_index=True)

    class Meta:
        db_table = "accounts_usersession"
        verbose_name = "session"

    @classmethod
    def get_session_store_class(cls) -> type[SessionBase]:
        store: type[SessionBase] = import_module(settings.SESSION_ENGINE).SessionStore
        return store
