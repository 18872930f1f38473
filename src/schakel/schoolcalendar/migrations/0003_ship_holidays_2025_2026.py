"""The school year 2025-2026, whose summer holiday runs into August 2026: without it the first
weeks of August 2026 counted as school weeks (and the prior-year rates of the tiers had no
holidays). Source: Rijksoverheid, Schoolvakanties per schooljaar, 2025-2026, as best known
when shipped (December 2026); a school corrects its own days on its calendar page."""

import datetime as dt

from django.db import migrations

REGIONS = ("noord", "midden", "zuid")
YEAR = ("2025-2026", "2025-08-01", "2026-07-31")
HOLIDAYS = [
    ("herfst", "Herfstvakantie", {"noord": ("2025-10-18", "2025-10-26"),
                                  "midden": ("2025-10-18", "2025-10-26"),
                                  "zuid": ("2025-10-11", "2025-10-19")}),
    ("kerst", "Kerstvakantie", {"all": ("2025-12-20", "2026-01-04")}),
    ("voorjaar", "Voorjaarsvakantie", {"noord": ("2026-02-14", "2026-02-22"),
                                       "midden": ("2026-02-14", "2026-02-22"),
                                       "zuid": ("2026-02-14", "2026-02-22")}),
    ("feestdag", "Tweede Paasdag", {"all": ("2026-04-06", "2026-04-06")}),
    ("mei", "Meivakantie", {"all": ("2026-04-25", "2026-05-03")}),
    ("feestdag", "Hemelvaartsdag", {"all": ("2026-05-14", "2026-05-14")}),
    ("feestdag", "Tweede Pinksterdag", {"all": ("2026-05-25", "2026-05-25")}),
    ("zomer", "Zomervakantie", {"noord": ("2026-07-04", "2026-08-16"),
                                "midden": ("2026-07-18", "2026-08-30"),
                                "zuid": ("2026-07-11", "2026-08-23")}),
]


def ship(apps, schema_editor):
    SchoolYear = apps.get_model("schoolcalendar", "SchoolYear")
    Holiday = apps.get_model("schoolcalendar", "Holiday")
    name, start, end = YEAR
    school_year, created = SchoolYear.objects.get_or_create(
        name=name, defaults={"start_date": dt.date.fromisoformat(start),
                             "end_date": dt.date.fromisoformat(end)})
    if not created and school_year.holidays.exists():
        return  # entered by hand already: keep what the operator entered
    Holiday.objects.bulk_create([
        Holiday(school_year=school_year, region=one, kind=kind, name=label,
                start_date=dt.date.fromisoformat(first), end_date=dt.date.fromisoformat(last))
        for kind, label, regions in HOLIDAYS
        for region, (first, last) in regions.items()
        for one in (REGIONS if region == "all" else (region,))])


def unship(apps, schema_editor):
    apps.get_model("schoolcalendar", "SchoolYear").objects.filter(name=YEAR[0]).delete()


class Migration(migrations.Migration):
    dependencies = [("schoolcalendar", "0002_ship_holidays")]
    operations = [migrations.RunPython(ship, unship)]
