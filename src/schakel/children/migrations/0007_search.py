from django.conf import settings
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models


class KeepTrigramExtension(TrigramExtension):
    """pg_trgm, created forwards on PostgreSQL and left in place backwards: Django's own
    operation drops it (and on SQLite looks for it in `pg_extension`, which fails), while
    migrating back past the search needs no extension removed."""

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        return


class Migration(migrations.Migration):
    """The search box (`children.selectors.children_search`): pg_trgm for the similarity of
    names on PostgreSQL (nothing on SQLite; creating an extension needs a superuser or the
    database owner on PostgreSQL 13+, as pg_trgm is a trusted extension), and indexes for
    finding a child by date of birth and by pupil number."""

    dependencies = [
        ('children', '0006_remove_guardianship_has_custody'),
        ('organisations', '0003_school_partner'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        KeepTrigramExtension(),
        migrations.AddIndex(
            model_name='child',
            index=models.Index(fields=['birth_date'], name='children_ch_birth_d_301bd0_idx'),
        ),
        migrations.AddIndex(
            model_name='enrolment',
            index=models.Index(fields=['pupil_number'], name='children_en_pupil_n_67b87e_idx'),
        ),
    ]
