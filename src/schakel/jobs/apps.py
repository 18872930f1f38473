from django.apps import AppConfig


class JobsConfig(AppConfig):
    """Background jobs: the schedule of periodic jobs and its scheduler (docs/jobs.md)."""

    name = "schakel.jobs"
    label = "jobs"
