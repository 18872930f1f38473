"""What the benchmarks share: the database of a data set, the generated region in it, the
professionals with open cases, and the description of the machine.

Django is set up by each benchmark's measuring process after it has chosen its database
(`database_env`), so the functions that need Django import it when they are called.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
VAR_BENCH = ROOT / "var" / "bench"

FULL_SIZES = {"schools": 300, "pupils": 90_000, "professionals": 3_000, "cases": 9_000,
              "audit_rows": 1_000_000, "signals": 20_000}


def database_env(database_url: str | None, label: str, *, fresh: bool,
                 suffix: bool = True) -> dict[str, str]:
    """The environment for Django to use one data set's database; when `fresh`, the
    database is dropped and created first. PostgreSQL: the database of the URL, with
    `_<label>` appended unless the label is "full" (or `suffix` is off); SQLite: a file
    `var/bench/<label>.sqlite3`."""
    if database_url:
        parts = urlsplit(database_url)
        name = parts.path.lstrip("/") + ("" if label == "full" or not suffix else f"_{label}")
        if fresh:
            import psycopg

            admin = urlunsplit(parts._replace(path="/postgres"))
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                conn.execute(f'CREATE DATABASE "{name}"')
        return {"DATABASE_URL": urlunsplit(parts._replace(path=f"/{name}"))}
    VAR_BENCH.mkdir(parents=True, exist_ok=True)
    path = VAR_BENCH / f"{label}.sqlite3"
    if fresh:
        for end in ("", "-wal", "-shm"):
            Path(f"{path}{end}").unlink(missing_ok=True)
    return {"SQLITE_PATH": str(path)}


def region_build(sizes: dict[str, int], *, seed: int, reuse: bool,
                 progress: Callable[[str, float], None]) -> tuple[dict[str, int],
                                                                   dict[str, float]]:
    """Migrate the (set up) database and, unless `reuse`, generate the region in it; then
    refresh PostgreSQL's statistics. Returns the counts written and the seconds per phase."""
    from django.core.management import call_command
    from django.db import connection

    from schakel.demo.generator import RegionSize, region_generate

    started = time.monotonic()
    call_command("migrate", verbosity=0)
    generation = {"migrate": time.monotonic() - started}

    def phase(name: str, seconds: float) -> None:
        generation[name] = seconds
        progress(name, seconds)

    counts = {} if reuse else region_generate(
        RegionSize(seed=seed, **sizes),  # type: ignore[arg-type]
        progress=phase)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return counts, generation


def open_case_counts() -> list[tuple[int, int]]:
    """(professional id, number of open cases they are actively involved in) for every
    generated professional with at least one, ordered by that number."""
    from django.db.models import Count, Q
    from django.utils import timezone

    from schakel.cases.models import CaseStatus, Involvement

    today = timezone.localdate()
    return list(
        Involvement.objects.filter(professional__user__username__startswith="gen-")
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
        .exclude(case__status=CaseStatus.CLOSED)
        .values("professional").annotate(n=Count("case", distinct=True))
        .order_by("n", "professional").values_list("professional", "n"))


def median_cases(counts: list[tuple[int, int]]) -> float:
    return float(statistics.median(n for _p, n in counts))


def sizes_text(sizes: dict[str, int]) -> str:
    return ", ".join(f"{v:,} {k.replace('_', ' ')}" for k, v in sizes.items())


def machine_text(load_average: float) -> str:
    return (f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} "
            f"CPU(s) shared with other work (load average {load_average:.1f} at the end of "
            "the measurement)")


def django_start(settings_module: str, env: dict[str, str]) -> None:
    """Set up Django in this process on the database of `env`."""
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = settings_module
    sys.path[:0] = [str(ROOT), str(ROOT / "src")]
    import django

    django.setup()
