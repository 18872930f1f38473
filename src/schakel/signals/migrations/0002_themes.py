from django.db import migrations

THEMES = [
    ("gedrag", "Gedrag"), ("welbevinden", "Welbevinden"), ("verzuim", "Verzuim"),
    ("thuissituatie", "Thuissituatie"), ("middelengebruik", "Middelengebruik"),
    ("ontwikkeling", "Ontwikkeling"), ("leren", "Leren"), ("veiligheid", "Veiligheid"),
    ("gezondheid", "Gezondheid / overgewicht"), ("sociale-relaties", "Sociale relaties"),
]


def create_themes(apps, schema_editor):
    Theme = apps.get_model("signals", "Theme")
    for code, label in THEMES:
        Theme.objects.get_or_create(code=code, defaults={"label": label})


class Migration(migrations.Migration):
    dependencies = [("signals", "0001_initial")]
    operations = [migrations.RunPython(create_themes, migrations.RunPython.noop)]
