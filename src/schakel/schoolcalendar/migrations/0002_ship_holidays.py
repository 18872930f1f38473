"""The national school holidays of 2026-2027 and 2027-2028 per region, from
data/holidays.json (source: Rijksoverheid, Schoolvakanties per schooljaar; see the file)."""

import datetime as dt
import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "holidays.json"
REGIONS = ("noord", "midden", "zuid")


def ship(apps, schema_editor):
    SchoolYear = apps.get_model("schoolcalendar", "SchoolYear")
    Holiday = apps.get_model("schoolcalendar", "Holiday")
    data = json.loads(DATA.read_text("utf-8"))
    for year in data["school_years"]:
        school_year, _created = SchoolYear.objects.get_or_create(
            name=year["name"],
            defaults={"start_date": dt.date.fromisoformat(year["start"]),
                      "end_date": dt.date.fromisoformat(year["end"])},
        )
        rows = []
        for holiday in year["holidays"]:
            for region, (start, end) in holiday["regions"].items():
                for one in REGIONS if region == "all" else (region,):
                    rows.append(Holiday(
                        school_year=school_year, region=one, kind=holiday["kind"],
                        name=holiday["name"], start_date=dt.date.fromisoformat(start),
                        end_date=dt.date.fromisoformat(end),
                    ))
        Holiday.objects.bulk_create(rows)


def unship(apps, schema_editor):
    SchoolYear = apps.get_model("schoolcalendar", "SchoolYear")
    data = json.loads(DATA.read_text("utf-8"))
    SchoolYear.objects.filter(name__in=[y["name"] for y in data["school_years"]]).delete()


class Migration(migrations.Migration):
    dependencies = [("schoolcalendar", "0001_initial")]
    operations = [migrations.RunPython(ship, unship)]
