from django.db import models


class ScheduledRun(models.Model):
    """That the scheduler enqueued a periodic job for one period (`schakel.jobs.schedule`).

    The unique pair (job, period) makes the scheduler idempotent: a second run in the same
    period, or two schedulers at once, enqueue nothing new."""

    job_name = models.CharField(max_length=100)
    period_key = models.CharField(max_length=40)
    enqueued_at = models.DateTimeField()
    task_result_id = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-enqueued_at", "job_name"]
        constraints = [
            models.UniqueConstraint(fields=["job_name", "period_key"],
                                    name="jobs_scheduledrun_once_per_period"),
        ]

    def __str__(self) -> str:
        return f"{self.job_name} {self.period_key}"


class CacheEntry(models.Model):
    """The table of Django's database cache (`CACHES`, production's default): what the web
    processes of every machine must count together, such as the API's rate limit per client.

    The columns are those `manage.py createcachetable` makes; as a model, `migrate` creates
    the table and `audit_db_grants` grants it, with no extra release step."""

    cache_key = models.CharField(max_length=255, primary_key=True)
    value = models.TextField()
    expires = models.DateTimeField(db_index=True)

    class Meta:
        db_table = "schakel_cache"

    def __str__(self) -> str:
        return self.cache_key
