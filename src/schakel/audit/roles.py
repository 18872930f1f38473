"""The two PostgreSQL roles of a production installation (docs/security.md): an owner role
that runs the migrations and owns every table, and a least-privilege role for the running
application, which may change every table except the access log, where it may only add and
read rows. Not owning the log, it cannot drop or disable its triggers either."""

from __future__ import annotations

from collections.abc import Iterable

from psycopg import sql

from schakel.audit.models import AccessEvent

LOG_TABLE = AccessEvent._meta.db_table


def app_role_grants(*, role: str, tables: Iterable[str]) -> list[sql.Composed]:
    """GRANT statements for the application's role on `tables` (the project's tables)."""
    who = sql.Identifier(role)
    statements = [sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(who)]
    for table in sorted(set(tables)):
        privileges = ("SELECT, INSERT" if table == LOG_TABLE
                      else "SELECT, INSERT, UPDATE, DELETE")
        statements.append(sql.SQL("GRANT {} ON TABLE {} TO {}").format(
            sql.SQL(privileges), sql.Identifier(table), who))
    statements.append(sql.SQL(
        "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {}").format(who))
    return statements
