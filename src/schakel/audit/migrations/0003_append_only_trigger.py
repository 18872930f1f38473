"""On PostgreSQL the database itself refuses UPDATE and DELETE of access-log rows. (Not on
SQLite, the embedded demo database, whose table rebuilds and flushes a trigger would break;
there the hash chain shows tampering.) TRUNCATE stays possible for test-database flushes;
removing the log that way also leaves `audit_verify`'s report empty."""

from django.db import migrations

FORWARD = [
    """CREATE OR REPLACE FUNCTION audit_accessevent_append_only() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION 'The access log (audit_accessevent) is append-only: % refused', TG_OP
            USING ERRCODE = 'insufficient_privilege';
    END;
    $$ LANGUAGE plpgsql""",
    "DROP TRIGGER IF EXISTS audit_accessevent_append_only ON audit_accessevent",
    """CREATE TRIGGER audit_accessevent_append_only
        BEFORE UPDATE OR DELETE ON audit_accessevent
        FOR EACH ROW EXECUTE FUNCTION audit_accessevent_append_only()""",
]

BACKWARD = [
    "DROP TRIGGER IF EXISTS audit_accessevent_append_only ON audit_accessevent",
    "DROP FUNCTION IF EXISTS audit_accessevent_append_only()",
]


def _run(schema_editor, statements):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def forward(apps, schema_editor):
    _run(schema_editor, FORWARD)


def backward(apps, schema_editor):
    _run(schema_editor, BACKWARD)


class Migration(migrations.Migration):

    dependencies = [
        ('audit', '0002_hash_chain'),
    ]

    operations = [
        migrations.RunPython(forward, backward, elidable=False),
    ]
