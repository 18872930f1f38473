"""The scheduled tasks' own outcomes: a failed retention category or a broken access-log
chain fails the job (the worker records it FAILED), with ids only in the message; run in a
real worker loop, the retention job's second run deletes nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult

from schakel.audit.models import AccessEvent
from schakel.audit.tasks import AccessLogChainBroken, access_log_verify_job
from schakel.dates import add_years
from schakel.retention.models import RetentionCategory, RetentionRule, StartEvent
from schakel.retention.tasks import RetentionRunFailed, retention_run_job
from tests.factories import AccessEventFactory
from tests.jobs.processes import run_worker_in_process
from tests.retention.fixtures import CLOSED_ON, build_world

CASE_EXPIRES_ON = add_years(CLOSED_ON, 20)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_retention_job_run_twice_deletes_only_the_first_time() -> None:
    build_world()
    retention_run_job.enqueue(today=CASE_EXPIRES_ON.isoformat())
    retention_run_job.enqueue(today=CASE_EXPIRES_ON.isoformat())
    run_worker_in_process()
    first, second = DBTaskResult.objects.order_by("enqueued_at")
    assert (first.status, second.status) == ("SUCCESSFUL", "SUCCESSFUL")

    def deleted(job: DBTaskResult[..., Any]) -> dict[str, int]:
        return {category: result["count"] for category, result in
                job.return_value["results"].items() if result["action"] != "report"}

    assert deleted(first)["case_content"] == 2
    assert sum(deleted(second).values()) == 0
    assert deleted(second).keys() == deleted(first).keys()


@pytest.mark.django_db
def test_a_failed_category_fails_the_retention_job() -> None:
    build_world()
    RetentionRule.objects.filter(category=RetentionCategory.NOTIFICATION).update(
        start_event=StartEvent.LEFT_SCHOOL)
    with pytest.raises(RetentionRunFailed, match=r"retention run #\d+: failed: notification"):
        retention_run_job.call(today=CASE_EXPIRES_ON.isoformat())


@pytest.mark.django_db
def test_the_access_log_job_passes_an_intact_chain_and_fails_a_broken_one() -> None:
    events = [AccessEventFactory() for _ in range(3)]
    before = AccessEvent.objects.count()
    assert access_log_verify_job.call()["rows"] == before
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_accessevent DISABLE TRIGGER "
                           "audit_accessevent_append_only")
        cursor.execute("UPDATE audit_accessevent SET user_name = %s WHERE id = %s",
                       ["someone else", events[1].pk])
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_accessevent ENABLE TRIGGER "
                           "audit_accessevent_append_only")
    with pytest.raises(AccessLogChainBroken, match=f"row id {events[1].pk}"):
        access_log_verify_job.call()
