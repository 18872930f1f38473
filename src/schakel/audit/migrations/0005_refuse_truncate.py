"""On PostgreSQL the database also refuses TRUNCATE of the access log. Test databases are
flushed with TRUNCATE between transactional tests; their connections set
`schakel.allow_log_truncate` (test settings only). That setting is no protection against the
application's own role — any session may set it; the protection is that the running
application has INSERT and SELECT on the log only (`manage.py audit_db_grants`,
docs/security.md), and TRUNCATE needs its own privilege."""

from django.db import migrations

FORWARD = [
    """CREATE OR REPLACE FUNCTION audit_accessevent_no_truncate() RETURNS trigger AS $$
    BEGIN
        IF current_setting('schakel.allow_log_truncate', true) = 'on' THEN
            RETURN NULL;
        END IF;
        RAISE EXCEPTION 'The access log (audit_accessevent) is append-only: TRUNCATE refused'
            USING ERRCODE = 'insufficient_privilege';
    END;
    $$ LANGUAGE plpgsql""",
    "DROP TRIGGER IF EXISTS audit_accessevent_no_truncate ON audit_accessevent",
    """CREATE TRIGGER audit_accessevent_no_truncate
        BEFORE TRUNCATE ON audit_accessevent
        FOR EACH STATEMENT EXECUTE FUNCTION audit_accessevent_no_truncate()""",
]

BACKWARD = [
    "DROP TRIGGER IF EXISTS audit_accessevent_no_truncate ON audit_accessevent",
    "DROP FUNCTION IF EXISTS audit_accessevent_no_truncate()",
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
        ('audit', '0004_ground_text'),
    ]

    operations = [
        migrations.RunPython(forward, backward, elidable=False),
    ]
