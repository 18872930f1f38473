"""`absence_reports_draft_job`, from the schedule after the attendance figures: a draft
verzuimmelding for each new reporting event and long-term absence. Run twice, it drafts
nothing new."""

from __future__ import annotations

from django_tasks import task

from schakel.absencereports.services import absence_reports_draft


@task(queue_name="default")
def absence_reports_draft_job() -> int:
    return absence_reports_draft()
