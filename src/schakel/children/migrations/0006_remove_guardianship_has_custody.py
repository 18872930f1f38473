from django.db import migrations


class Migration(migrations.Migration):
    """After 0005 carried it over into `Custody`: a separate migration, so that PostgreSQL
    alters the table outside the transaction that wrote the custody rows."""

    dependencies = [
        ("children", "0005_custody_carry_over"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="guardianship",
            name="has_custody",
        ),
    ]
