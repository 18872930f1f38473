"""Carry every guardianship's custody over into the dated history, without loss.

A guardianship with `has_custody=True` becomes one open-ended custody period from the
child's date of birth, source "unknown" (recorded before custody had dates): the old field
said "has custody as recorded now" and knew neither when custody began nor why, and the birth
date is the earliest day custody can have begun (BW 1:245). A guardianship with
`has_custody=False` gets no period: a parent without custody stays one. Reversed, a
guardianship has custody when a period is active today or open-ended.
"""

from django.db import migrations
from django.db.models import Q
from django.utils import timezone


def forwards(apps, schema_editor):
    Guardianship = apps.get_model("children", "Guardianship")
    Custody = apps.get_model("children", "Custody")
    rows = Guardianship.objects.filter(has_custody=True).select_related("child")
    Custody.objects.bulk_create(
        [Custody(guardianship=g, start_date=g.child.birth_date, end_date=None, source="unknown")
         for g in rows.iterator()], batch_size=1000)


def backwards(apps, schema_editor):
    Guardianship = apps.get_model("children", "Guardianship")
    Custody = apps.get_model("children", "Custody")
    today = timezone.localdate()
    current = Custody.objects.filter(
        Q(end_date__isnull=True) | Q(start_date__lte=today, end_date__gte=today))
    Guardianship.objects.update(has_custody=False)
    Guardianship.objects.filter(
        pk__in=current.values("guardianship_id")).update(has_custody=True)
    Custody.objects.all().delete()


class Migration(migrations.Migration):

    dependencies = [
        ("children", "0004_custody_dated"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
    ]
