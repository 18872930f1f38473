"""The running application's database role may add and read access-log rows, nothing more
on the log: no UPDATE, DELETE, TRUNCATE, and no dropping its triggers (it does not own it);
every other table it may change. On PostgreSQL against a real role; elsewhere the statements."""

from __future__ import annotations

import os

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from schakel.audit.roles import LOG_TABLE, app_role_grants
from tests.factories import AccessEventFactory

PRIVILEGE_ERRORS = ("permission denied", "must be owner")


def test_the_grants_give_the_log_insert_and_select_only():
    statements = [repr(s) for s in app_role_grants(role="schakel_app",
                                                    tables=[LOG_TABLE, "cases_case"])]
    log_grants = [s for s in statements if LOG_TABLE in s]
    assert len(log_grants) == 1
    assert "SELECT, INSERT" in log_grants[0]
    assert "UPDATE" not in log_grants[0]
    assert "DELETE" not in log_grants[0]
    assert any("cases_case" in s and "DELETE" in s for s in statements)


def test_the_app_role_cannot_touch_the_log(db: None, capsys):
    if connection.vendor != "postgresql":
        with pytest.raises(CommandError, match="PostgreSQL"):
            call_command("audit_db_grants", "--app-role", "schakel_app")
        return
    event = AccessEventFactory()
    role = f"schakel_app_test_{os.getpid()}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE ROLE "{role}" NOLOGIN')
        call_command("audit_db_grants", "--app-role", role, "--apply")
        assert f'GRANT SELECT, INSERT ON TABLE "{LOG_TABLE}"' in capsys.readouterr().out
        cursor.execute(f'SET ROLE "{role}"')
        try:
            AccessEventFactory()  # adding rows works
            cursor.execute("SELECT count(*) FROM audit_accessevent")
            assert cursor.fetchone()[0] == 2
            where = f"WHERE id = {int(event.pk)}"
            for statement in (
                    "UPDATE audit_accessevent SET user_name = 'x' " + where,  # noqa: S608
                    "DELETE FROM audit_accessevent " + where,  # noqa: S608
                    "TRUNCATE audit_accessevent",
                    "ALTER TABLE audit_accessevent DISABLE TRIGGER audit_accessevent_append_only",
                    "DROP TRIGGER audit_accessevent_append_only ON audit_accessevent"):
                with pytest.raises(DatabaseError) as exc, transaction.atomic():
                    cursor.execute(statement)
                assert any(words in str(exc.value) for words in PRIVILEGE_ERRORS), statement
            cursor.execute("SELECT count(*) FROM cases_case")  # the rest works as usual
        finally:
            cursor.execute("RESET ROLE")
