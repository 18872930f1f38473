"""Team membership becomes dated, with a substitute; the team gets its charter. Memberships
recorded before this upgrade had no date: they count from the day of the upgrade (their real
start is unknown), and none is lost."""

import django.db.models.deletion
from django.db import migrations, models
from django.utils import timezone


def start_today(apps, schema_editor):
    TeamMembership = apps.get_model("teams", "TeamMembership")
    TeamMembership.objects.filter(start_date__isnull=True).update(start_date=timezone.localdate())


class Migration(migrations.Migration):

    dependencies = [
        ("organisations", "0002_professional_is_functional_administrator"),
        ("teams", "0001_initial"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="teammembership", name="unique_team_member"),
        migrations.AddField(
            model_name="teammembership", name="start_date",
            field=models.DateField(null=True, verbose_name="member from")),
        migrations.RunPython(start_today, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="teammembership", name="start_date",
            field=models.DateField(verbose_name="member from")),
        migrations.AddField(
            model_name="teammembership", name="end_date",
            field=models.DateField(blank=True, null=True, verbose_name="member until")),
        migrations.AddField(
            model_name="teammembership", name="substitute",
            field=models.ForeignKey(
                blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL,
                related_name="substitute_for", to="organisations.professional",
                verbose_name="substitute")),
        migrations.AlterField(
            model_name="teammembership", name="role",
            field=models.CharField(blank=True, max_length=100, verbose_name="function in the team")),
        migrations.AlterModelOptions(
            name="teammembership", options={"ordering": ["team", "start_date", "id"]}),
        migrations.AddConstraint(
            model_name="teammembership",
            constraint=models.UniqueConstraint(
                condition=models.Q(end_date__isnull=True), fields=("team", "professional"),
                name="one_current_membership")),
        migrations.AddConstraint(
            model_name="teammembership",
            constraint=models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="membership_ends_after_start")),
        migrations.AlterField(
            model_name="team", name="members",
            field=models.ManyToManyField(
                related_name="teams", through="teams.TeamMembership",
                through_fields=("team", "professional"), to="organisations.professional")),
        migrations.CreateModel(
            name="TeamCharter",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("frequency", models.CharField(choices=[("weekly", "Every week"), ("fortnightly", "Every two weeks"), ("monthly", "Every month"), ("six_weeks", "Every six weeks"), ("quarterly", "Four times a school year"), ("twice_a_year", "Twice a year")], default="six_weeks", max_length=20, verbose_name="frequency")),
                ("preparation", models.TextField(blank=True, verbose_name="preparation")),
                ("way_of_meeting", models.TextField(blank=True, verbose_name="how we meet")),
                ("fixed_agenda", models.TextField(blank=True, verbose_name="fixed agenda items")),
                ("substitution", models.TextField(blank=True, verbose_name="attendance and substitution")),
                ("minutes", models.TextField(blank=True, verbose_name="how we keep minutes")),
                ("updated_at", models.DateTimeField(auto_now=True)),
                ("chair", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="organisations.professional", verbose_name="chair")),
                ("minute_taker", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="organisations.professional", verbose_name="takes the minutes")),
                ("team", models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name="charter", to="teams.team")),
            ],
        ),
    ]
