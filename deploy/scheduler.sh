#!/bin/sh
# The scheduler as a long-running process (compose.yaml's `scheduler`): `manage.py
# jobs_schedule` every SCHEDULE_INTERVAL seconds (default 300). Each periodic job is enqueued
# once per period however often this runs (docs/jobs.md), so a missed or doubled run is
# harmless; a failed run is logged and retried at the next interval. Where cron, a systemd
# timer or a Kubernetes CronJob is at hand, run `python manage.py jobs_schedule` from there
# instead. SIGTERM (container stop) ends the loop at once.
set -u
interval="${SCHEDULE_INTERVAL:-300}"
trap 'exit 0' TERM INT
while :; do
  python /app/manage.py jobs_schedule || echo "jobs_schedule failed (status $?); next try in ${interval}s" >&2
  sleep "$interval" &
  wait $!
done
