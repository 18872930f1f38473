"""Add the hash chain to the access log and link the rows already there, in id order."""

from django.db import migrations, models

from schakel.audit.chain import GENESIS, row_digest, values_of

BATCH = 2000


def link_existing_rows(apps, schema_editor):
    AccessEvent = apps.get_model("audit", "AccessEvent")
    db = schema_editor.connection.alias
    previous = GENESIS
    last_pk = 0
    while True:
        batch = list(AccessEvent._base_manager.using(db).filter(pk__gt=last_pk).order_by("pk")[:BATCH])
        if not batch:
            break
        updates = []
        for event in batch:
            row_hash = row_digest(values_of(event), previous)
            updates.append((previous, row_hash, event.pk))
            previous = row_hash
        with schema_editor.connection.cursor() as cursor:
            cursor.executemany(
                "UPDATE audit_accessevent SET previous_hash = %s, row_hash = %s WHERE id = %s",
                updates)
        last_pk = batch[-1].pk


class Migration(migrations.Migration):

    dependencies = [
        ('audit', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='accessevent',
            name='previous_hash',
            field=models.CharField(blank=True, editable=False, max_length=64),
        ),
        migrations.AddField(
            model_name='accessevent',
            name='row_hash',
            field=models.CharField(blank=True, editable=False, max_length=64),
        ),
        migrations.RunPython(link_existing_rows, migrations.RunPython.noop, elidable=False),
    ]
