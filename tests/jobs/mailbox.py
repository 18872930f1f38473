"""Test-only e-mail backends and a reader for Django's file backend."""

from __future__ import annotations

import email
import os
import smtplib
import time
from collections.abc import Sequence
from email.message import Message
from pathlib import Path
from typing import Any

from django.core.mail import EmailMessage
from django.core.mail.backends import filebased, locmem

SEPARATOR = b"-" * 79 + b"\n"
GATE_ENV = "SCHAKEL_TEST_MAIL_GATE"


def waiting_marker(gate: Path) -> Path:
    return gate.with_name(gate.name + ".waiting")


class GatedFileBackend(filebased.EmailBackend):
    """Django's file backend (one file per connection, flushed after each message). When the
    environment names a gate file that does not exist, every message after a connection's
    first waits, before it is written, until the gate appears: the job stands still halfway,
    and `<gate>.waiting` says so."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._written = 0

    def write_message(self, message: EmailMessage) -> None:
        gate = os.environ.get(GATE_ENV)
        if gate and self._written and not Path(gate).exists():
            waiting_marker(Path(gate)).touch()
            while not Path(gate).exists():
                time.sleep(0.05)
        super().write_message(message)
        self._written += 1


class RefusingBackend(locmem.EmailBackend):
    """The locmem outbox, but the SMTP server refuses addresses that start with "refused"."""

    def send_messages(self, messages: Sequence[EmailMessage]) -> int:
        for message in messages:
            refused = [to for to in message.to if to.startswith("refused")]
            if refused:
                raise smtplib.SMTPRecipientsRefused(
                    dict.fromkeys(refused, (550, b"mailbox unavailable")))
        return super().send_messages(messages)


def read_mailbox(directory: Path) -> list[Message]:
    """Every message that Django's file backend wrote into `directory`."""
    messages = []
    for path in sorted(directory.glob("*.log")):
        for chunk in path.read_bytes().split(SEPARATOR):
            if chunk.strip():
                messages.append(email.message_from_bytes(chunk.strip()))
    return messages
