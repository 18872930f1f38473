"""The retention rules every installation starts with. The values are copied here (not
imported) so that this migration keeps working when the code moves on; the privacy officer
changes them on the retention pages. Sources and choices: see the README, "Retention"."""

from django.db import migrations

DEFAULT_RULES = [
    {
        "category": "case_content",
        "period_years": 20, "period_days": 0,
        "start_event": "last_change", "action": "delete",
        "legal_source": "Jeugdwet art. 7.3.8; BW 7:454 (WGBO): 20 years after the last "
                        "change to the file (since 1 January 2020; before: 15 years).",
        "notes": "Applies to closed cases: plan, consultations, interventions, agreements, "
                 "classroom advice, escalations, involvements. Verify the period with the "
                 "region's privacy officer; files of a GI under an OTS or voogdij have longer "
                 "periods of their own and are not kept in Schakel.",
        "needs_verification": True,
    },
    {
        "category": "school_signal",
        "period_years": 2, "period_days": 0,
        "start_event": "left_school", "action": "anonymise",
        "legal_source": "AVG art. 5(1)(e) (storage limitation); guideline for the pupil file "
                        "in PO/VO: 2 years after the pupil left the school (PO-Raad / "
                        "Kennisnet Aanpak IBP, Bewaartermijnenoverzicht).",
        "notes": "Signals about a child that are not part of a case file. Anonymised rather "
                 "than deleted so that the school's picture by theme and class stays. "
                 "Longer periods apply to other parts of the pupil file (absence and "
                 "enrolment 5 years; referral to special education 3 years) which Schakel "
                 "does not keep. Verify for the school board.",
        "needs_verification": True,
    },
    {
        "category": "notification",
        "period_years": 1, "period_days": 0,
        "start_event": "created", "action": "delete",
        "legal_source": "AVG art. 5(1)(e): no longer than needed; a notification only "
                        "points to a case, which keeps its own history.",
        "notes": "",
        "needs_verification": False,
    },
    {
        "category": "access_log",
        "period_years": 5, "period_days": 0,
        "start_event": "created", "action": "report",
        "legal_source": "NEN 7513: the access log is kept at least 5 years.",
        "notes": "Only reported. The log is append-only and hash-chained; removing old log "
                 "segments is a separate, audited procedure, never a row-by-row deletion.",
        "needs_verification": False,
    },
]


def add_rules(apps, schema_editor):
    RetentionRule = apps.get_model("retention", "RetentionRule")
    for rule in DEFAULT_RULES:
        RetentionRule.objects.update_or_create(
            category=rule["category"],
            defaults={key: value for key, value in rule.items() if key != "category"},
        )


def remove_rules(apps, schema_editor):
    RetentionRule = apps.get_model("retention", "RetentionRule")
    RetentionRule.objects.filter(category__in=[r["category"] for r in DEFAULT_RULES]).delete()


class Migration(migrations.Migration):

    dependencies = [("retention", "0001_initial")]

    operations = [migrations.RunPython(add_rules, remove_rules)]
