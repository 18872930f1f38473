"""gunicorn configuration of Schakel's web processes (README "Production", docs/production.md).

    gunicorn -c deploy/gunicorn.conf.py schakel.wsgi

Every value can be overridden from the environment (`GUNICORN_*` below), or on the command line
(a command-line flag wins over this file).

Workers and threads: Schakel's pages are CPU-bound in Python (template rendering and the ORM:
about 65 ms of CPU per case page, a few ms waiting for PostgreSQL), so what limits throughput
is the number of cores, and Python's GIL lets only one thread per process run Python code at a
time. Hence **sync workers, one thread each**, and

    workers = 2 x cores + 1

the formula gunicorn's documentation gives: one worker per core is busy with the CPU while about
one more per core waits for the database or the client, and the +1 covers a worker that is
being recycled (`max_requests`). Threads were measured to make it worse (issue 11: more
contention on the GIL for no extra CPU). The cores are those this process may use
(`os.sched_getaffinity`, which honours a container's cpuset), not the host's. Each sync worker
holds one database connection (CONN_MAX_AGE), so size PostgreSQL's `max_connections` for
workers x machines + the job workers + a margin.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

# --- metrics of all workers (docs/production.md "Observability") -----------------------------
# prometheus-client counts each worker's requests in files in this folder, and /metrics adds
# them up, whichever worker answers the scrape. It must be set before prometheus-client is
# imported (here, before the application is loaded) and be empty at start: a folder of our own
# by default (in GUNICORN_WORKER_TMP_DIR when set: the image's /dev/shm); an operator's
# PROMETHEUS_MULTIPROC_DIR is emptied of an earlier run's files once (not again on a reload,
# SIGHUP, which executes this file again in the same master).
if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(
        prefix="schakel-metrics-", dir=os.environ.get("GUNICORN_WORKER_TMP_DIR") or None)
elif not os.environ.get("SCHAKEL_METRICS_DIR_EMPTIED"):
    for stale in Path(os.environ["PROMETHEUS_MULTIPROC_DIR"]).glob("*.db"):
        stale.unlink()
os.environ["SCHAKEL_METRICS_DIR_EMPTIED"] = "1"

# Imported after PROMETHEUS_MULTIPROC_DIR is set (above).
from prometheus_client import multiprocess


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


# --- where to listen ---------------------------------------------------------------------------
bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000").split(",")

# --- processes ---------------------------------------------------------------------------------
worker_class = "sync"
workers = _int("GUNICORN_WORKERS", 2 * _cores() + 1)
threads = _int("GUNICORN_THREADS", 1)
# Import the application once in the master and fork: less memory, faster (re)starts, and a
# broken release fails at start instead of in every worker.
preload_app = True

# --- timeouts ----------------------------------------------------------------------------------
# A worker silent for this long is killed and replaced (a page is expected in well under a
# second; exports of a child's log are the slowest requests).
timeout = _int("GUNICORN_TIMEOUT", 30)
# On SIGTERM (a rolling deploy, `podman stop`) or SIGHUP (graceful reload of the
# configuration and the code without `preload_app`), workers finish their request within this.
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
# Keep-alive with the reverse proxy on the same network; a bit longer than nothing.
keepalive = _int("GUNICORN_KEEPALIVE", 5)

# --- recycling ---------------------------------------------------------------------------------
# Each worker is replaced after about this many requests (a slow leak never grows without
# bound); the jitter keeps the workers from being recycled all at the same moment.
max_requests = _int("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 100)

# --- limits (the reverse proxy should refuse earlier) ---------------------------------------
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190

# --- the reverse proxy -------------------------------------------------------------------------
# The addresses whose X-Forwarded-* headers gunicorn trusts (comma-separated; the proxy's
# address, never "*" unless only the proxy can reach gunicorn). Django itself trusts
# X-Forwarded-Proto through SECURE_PROXY_SSL_HEADER, so gunicorn must only be reachable
# through the proxy, which sets that header on every request.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# --- logs --------------------------------------------------------------------------------------
# Access log and error log to stdout/stderr (the container runtime or journald collects them).
# The access log has the path without the query string (%(U)s, not %(r)s): no URL carries
# personal data by design, and a search term is still better kept out of the logs.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# No referrer (it may hold another page's query string) and no user agent either.
access_log_format = '%(h)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
# Where the workers' heartbeat files go; the image sets /dev/shm (memory), since a container's
# /tmp on an overlay file system can stall the heartbeat. Default: the system's temp folder.
worker_tmp_dir = os.environ.get("GUNICORN_WORKER_TMP_DIR") or None


def child_exit(server: Any, worker: Any) -> None:
    """A worker that ended keeps its counts in the metrics; its live gauges go."""
    multiprocess.mark_process_dead(worker.pid)  # type: ignore[no-untyped-call]
