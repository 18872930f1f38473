"""Server time of the case pages on a region of realistic size.

    python benchmarks/case_pages.py                        # SQLite under var/bench/
    python benchmarks/case_pages.py --database-url postgres://postgres@127.0.0.1:5432/schakel_bench

Builds fresh databases (a small region and a full one: by default 90,000 pupils, 9,000 cases,
1,000,000 access-log rows), migrates, generates the region, signs in a professional involved
in a typical number of cases and times `cases:list`, `cases:detail`, the search box
(`children:search`, by an IB'er of a school for a pupil's name with a typing error) and the
trivial `web:healthz` in-process with Django's test client (DEBUG off, the full middleware stack).
Reports median and p95, the ratio to healthz and the number of queries per request on both
data sets, prints a Markdown table and writes it to `benchmarks/results-<db>.md`.

Each data set is measured in its own process, because Django's database settings are fixed
when it starts. THE DATABASES ARE DROPPED AND RECREATED: point --database-url at a database
that holds nothing you want to keep.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from region import (
    FULL_SIZES,
    ROOT,
    database_env,
    django_start,
    machine_text,
    median_cases,
    open_case_counts,
    region_build,
    sizes_text,
)

RESULTS_DIR = Path(__file__).resolve().parent

SMALL = {"schools": 10, "pupils": 2_000, "professionals": 200, "cases": 200,
         "audit_rows": 20_000, "signals": 400}
TARGET_MEDIAN_MS = 100.0


@dataclass
class PageResult:
    page: str
    url: str
    median_ms: float
    p95_ms: float
    queries: int
    sql_ms: float


@dataclass
class RunResult:
    label: str
    vendor: str
    sizes: dict[str, int]
    generation_s: dict[str, float]
    professional: str
    professional_cases: int
    median_cases: float
    busiest: str
    busiest_cases: int
    pages: list[PageResult] = field(default_factory=list)
    load_average: float = 0.0


# --- the measuring child process ---------------------------------------------------------


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


class _SqlTimer:
    """A database execute wrapper that adds up the time spent in the database driver."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started


def _measure(client: Any, page: str, url: str, requests: int, warmup: int) -> PageResult:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(warmup):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    timings = []
    timer = _SqlTimer()
    with connection.execute_wrapper(timer):
        for _ in range(requests):
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return PageResult(page, url, statistics.median(timings), _percentile(timings, 0.95),
                      len(queries.captured_queries), 1000 * timer.seconds / requests)


def _complete_case(professional: Any) -> Any:
    """One of their open cases about one child that has every kind of content (agreements,
    interventions, advice, a consultation, signals, plan entries, an escalation), that
    someone else coordinates and that another organisation opened (the common role of a care
    professional; the policy asks more for it: involvement, and the consent of the family),
    so that the page runs the same queries on either data set."""
    from django.db.models import Exists, OuterRef

    from schakel.cases import models as m
    from schakel.signals.models import Signal

    kinds = {
        "has_agreements": m.Agreement, "has_interventions": m.Intervention,
        "has_advice": m.ClassroomAdvice, "has_consultation": m.Consultation,
        "has_signal": Signal, "has_plan": m.PlanStepEntry, "has_escalation": m.Escalation,
    }
    annotations = {name: Exists(model._default_manager.filter(case=OuterRef("pk")))
                   for name, model in kinds.items()}
    return (m.Case.objects.filter(involvements__professional=professional,
                                  involvements__end_date__isnull=True, child__isnull=False)
            .exclude(status=m.CaseStatus.CLOSED).exclude(coordinator=professional)
            .exclude(coordinator__isnull=True)
            .exclude(opened_by__organisation=professional.organisation_id)
            .annotate(**annotations)
            .filter(**dict.fromkeys(kinds, True)).order_by("reference").first())


def _typical_professional() -> tuple[Any, int, float, Any, Any, int]:
    """The generated professional whose number of open cases is closest to the median over
    everyone with at least one (and who has a case with every kind of content), that case,
    and the busiest professional."""
    from schakel.organisations.models import Professional

    counts = open_case_counts()
    median = median_cases(counts)
    get = Professional.objects.select_related("user").get
    for pk, n in sorted(counts, key=lambda pn: (abs(pn[1] - median), pn[0]))[:500]:
        professional, cases = get(pk=pk), n
        case = _complete_case(professional)
        if case is not None:
            break
    else:
        raise SystemExit("No professional near the median has a case with every kind of "
                         "content; generate a larger region.")
    busiest_id, busiest_n = max(counts, key=lambda pn: (pn[1], -pn[0]))
    return professional, cases, float(median), case, get(pk=busiest_id), busiest_n


def _search_by_core_team() -> tuple[Any, str]:
    """A generated IB'er (in a school's core team) and what she types in the search box: the
    name of a current pupil of her school with one letter typed twice, so that the search is
    the fuzzy one (trigrams), among the children she may see."""
    from django.utils import timezone

    from schakel.children.models import Enrolment
    from schakel.teams.models import TeamLayer, TeamMembership

    today = timezone.localdate()
    membership = (TeamMembership.objects.active_on(today)
                  .filter(team__layer=TeamLayer.CORE,
                          professional__user__username__startswith="gen-")
                  .select_related("professional__user", "team").order_by("pk").first())
    if membership is None:
        raise SystemExit("No generated core-team member; generate a larger region.")
    pupil = (Enrolment.objects.active_on(today).filter(school_id=membership.team.school_id)
             .select_related("child").order_by("pk").first())
    if pupil is None:
        raise SystemExit("The core team's school has no pupils; generate a larger region.")
    last = pupil.child.last_name
    return membership.professional, f"{pupil.child.first_name} {last[:2]}{last[1:]}"


def run_child(args: argparse.Namespace) -> None:
    os.environ["DEBUG"] = "false"
    os.environ["ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    django_start("schakel.settings.test",
                 database_env(args.database_url, args.label, fresh=not args.reuse))
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.urls import reverse
    from tests.support import sign_in

    assert not settings.DEBUG

    def progress(phase: str, seconds: float) -> None:
        print(f"    [{args.label}] {phase}: {seconds:.1f} s", file=sys.stderr, flush=True)

    counts, generation = region_build(json.loads(args.sizes), seed=args.seed,
                                      reuse=args.reuse, progress=progress)
    typical, typical_n, median, case, busiest, busiest_n = _typical_professional()
    result = RunResult(args.label, connection.vendor, counts,
                       {k: round(v, 1) for k, v in generation.items()},
                       typical.user.username, typical_n, median, busiest.user.username,
                       busiest_n)
    client = sign_in(Client(), typical.user)
    for page, url in (("cases:list", reverse("cases:list")),
                      ("cases:detail", reverse("cases:detail", kwargs={"case_id": case.pk})),
                      ("web:healthz", reverse("web:healthz"))):
        result.pages.append(_measure(client, page, url, args.requests, args.warmup))
    searcher, search_text = _search_by_core_team()
    search = _measure(sign_in(Client(), searcher.user), "children:search",
                      f"{reverse('children:search')}?{urlencode({'q': search_text})}",
                      args.requests, args.warmup)
    search.page = "children:search (core team)"
    result.pages.append(search)
    busy_client = sign_in(Client(), busiest.user)
    busy = _measure(busy_client, "cases:list", reverse("cases:list"), args.requests, args.warmup)
    busy.page = "cases:list (busiest)"
    result.pages.append(busy)
    result.load_average = os.getloadavg()[0]
    Path(args.out).write_text(json.dumps(asdict(result)))


# --- the parent: two data sets, one report -----------------------------------------------


def _run(label: str, sizes: dict[str, int], args: argparse.Namespace, *,
         reuse: bool = False) -> RunResult:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        out = handle.name
    command = [sys.executable, __file__, "--child", "--label", label, "--out", out,
               "--sizes", json.dumps(sizes), "--seed", str(args.seed),
               "--requests", str(args.requests), "--warmup", str(args.warmup)]
    if args.database_url:
        command += ["--database-url", args.database_url]
    if reuse:
        command.append("--reuse")
    print(f"== {label}{' (again)' if reuse else ''}: {sizes}", file=sys.stderr, flush=True)
    subprocess.run(command, check=True, cwd=ROOT)  # noqa: S603 - our own script
    data = json.loads(Path(out).read_text())
    Path(out).unlink()
    pages = [PageResult(**p) for p in data.pop("pages")]
    return RunResult(**data, pages=pages)


def report(small: RunResult, full: RunResult, args: argparse.Namespace) -> str:
    health = next(p for p in full.pages if p.page == "web:healthz").median_ms
    small_queries = {p.page: p.queries for p in small.pages}
    lines = [
        f"# Case pages benchmark ({full.vendor})",
        "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M')} with `python benchmarks/case_pages.py"
        + (" --database-url ..." if args.database_url else "") + "`: Django test client "
        f"in-process, DEBUG off, full middleware, {args.requests} requests per page after "
        f"{args.warmup} warm-up requests. {machine_text(full.load_average)}.",
        "",
        f"Full data set: {sizes_text(full.sizes)}. Small data set: {sizes_text(small.sizes)} "
        "(measured right after the full one).",
        f"Signed in as `{full.professional}`, involved in {full.professional_cases} open "
        f"cases (median over professionals with an open case: {full.median_cases:g}; the "
        f"detail page shows one of their cases with every kind of content). The busiest "
        f"professional, `{full.busiest}`, has {full.busiest_cases}. Generating the full "
        "region took "
        f"{sum(v for k, v in full.generation_s.items() if k != 'migrate'):.0f} s.",
        "",
        "| page | median (ms) | p95 (ms) | median / healthz | queries (small) | "
        "queries (full) | SQL time, mean (ms) |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for page in full.pages:
        lines.append(
            f"| `{page.page}` | {page.median_ms:.1f} | {page.p95_ms:.1f} | "
            f"{page.median_ms / health:.1f} | {small_queries.get(page.page, '-')} | "
            f"{page.queries} | {page.sql_ms:.1f} |")
    slow = [p.page for p in full.pages if p.median_ms >= TARGET_MEDIAN_MS]
    growing = [p.page for p in full.pages if small_queries.get(p.page) != p.queries]
    lines += [
        "",
        "See `benchmarks/README.md` for what the figures mean and the analysis of the queries.",
        "",
        f"Target: median below {TARGET_MEDIAN_MS:.0f} ms — "
        + ("met." if not slow else f"NOT met by {', '.join(slow)}.")
        + " Query count independent of the data size — "
        + ("met." if not growing else f"NOT met by {', '.join(growing)}."),
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", help="PostgreSQL URL (default: SQLite files)")
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    for key, default in FULL_SIZES.items():
        name = key.replace("_", "-")
        parser.add_argument(f"--{name}", type=int, default=default,
                            help=f"full data set (default {default})")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--label", default="full", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--sizes", help=argparse.SUPPRESS)
    parser.add_argument("--reuse", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_child(args)
        return
    full_sizes = {"schools": args.schools, "pupils": args.pupils,
                  "professionals": args.professionals, "cases": args.cases,
                  "audit_rows": args.audit_rows, "signals": args.signals}
    small = _run("small", SMALL, args)
    full = _run("full", full_sizes, args)
    # Other work may change the code while the full region is generated; the small data set
    # is measured again right after the full one, so that the counts compare the same code.
    again = _run("small", SMALL, args, reuse=True)
    again.sizes = small.sizes
    text = report(again, full, args)
    print(text)
    vendor = "postgresql" if args.database_url else "sqlite"
    (RESULTS_DIR / f"results-{vendor}.md").write_text(text)


if __name__ == "__main__":
    main()
