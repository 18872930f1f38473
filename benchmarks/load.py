"""Load test: Locust against the production configuration on a generated region.

    python benchmarks/load.py                          # PostgreSQL (schakel_load), then SQLite
    python benchmarks/load.py --pupils 3000 --cases 300 --audit-rows 20000 \
        --users 1,4 --api-users 1,4 --ceiling-users 4 --sqlite-users 4 --duration 15

For each database (PostgreSQL at --database-url, then the embedded SQLite default unless
--sqlite-users 0): generate the region (unless --reuse; THE DATABASE IS DROPPED AND
RECREATED), prepare signed-in sessions, API clients and empty schools (`load_world.py`),
start gunicorn with `deploy/gunicorn.conf.py` and the production settings plus a `db_worker`,
and run `locust --headless` (`locustfile.py`) once per step for --duration seconds: the pages
at each of --users with think time and at --ceiling-users without, then the API likewise.
The gunicorn workers' RSS is sampled every second. Writes `benchmarks/results-load.md`.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import secrets
import shlex
import subprocess
import sys
import threading
import time
from http.client import HTTPConnection
from pathlib import Path
from typing import Any

from load_report import Step, report_text
from region import FULL_SIZES, ROOT, database_env, django_start, machine_text, sizes_text

VAR_LOAD = ROOT / "var" / "load"
RESULTS = Path(__file__).resolve().parent / "results-load.md"
BIN = Path(sys.executable).parent
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")

# --- the processes of one database ------------------------------------------------------


def _child(mode: str, args: argparse.Namespace, env: dict[str, str], out: Path,
           extra: list[str] | None = None) -> subprocess.Popen[bytes]:
    """This script in a process of its own (Django's database is fixed at its start)."""
    command = [sys.executable, __file__, "--child", mode, "--out", str(out),
               "--seed", str(args.seed), "--sizes", json.dumps(_sizes(args)), *(extra or [])]
    if args.reuse:
        command.append("--reuse")
    return subprocess.Popen(command, cwd=ROOT, env=env)  # noqa: S603 - our own script


def _finished(process: subprocess.Popen[bytes], out: Path) -> dict[str, Any]:
    if process.wait() != 0:
        raise SystemExit(f"{shlex.join(map(str, process.args))} failed")  # type: ignore[arg-type]
    data: dict[str, Any] = json.loads(out.read_text())
    return data


def _database(database: str, args: argparse.Namespace) -> dict[str, str]:
    url = args.database_url if database == "postgresql" else None
    return database_env(url, "load", fresh=False, suffix=False)


def prepare(databases: list[str], args: argparse.Namespace,
            secret: str) -> dict[str, dict[str, Any]]:
    """Migrate and generate the region of every database, and collect the static files, side
    by side (before anything is measured); returns the seconds per generation phase."""
    running = []
    for database in databases:
        if not args.reuse:
            url = args.database_url if database == "postgresql" else None
            database_env(url, "load", fresh=True, suffix=False)
        db = _database(database, args)
        plain = {**{k: v for k, v in os.environ.items()
                    if k not in ("DATABASE_URL", "SQLITE_PATH")}, **db, "DEBUG": "false"}
        out = VAR_LOAD / f"{database}-region.json"
        running.append((database, out, _child("generate", args, plain, out, ["--label",
                                                                            database])))
    _progress("migrate" + ("" if args.reuse else " and generate the region")
              + f" ({', '.join(databases)}) and collectstatic, side by side")
    static = subprocess.Popen(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT,
        env=production_env(_database(databases[0], args), secret, args.workers))
    regions = {database: _finished(process, out) for database, out, process in running}
    if static.wait() != 0:
        raise SystemExit("collectstatic failed")
    if args.reuse:
        for generation in regions.values():
            generation["reused"] = 1.0
    return regions


def production_env(database: dict[str, str], secret: str, workers: int | None) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("DJANGO_", "SECRET_KEY", "DATABASE_URL", "SQLITE_PATH",
                                  "STATIC_ROOT", "GUNICORN_", "ALLOWED_HOSTS", "EMAIL_"))}
    env = {**clean, **database, "DJANGO_SETTINGS_MODULE": "schakel.settings.production",
           "SECRET_KEY": secret, "ALLOWED_HOSTS": "127.0.0.1,localhost",
           "STATIC_ROOT": str(VAR_LOAD / "static"),
           "SCHAKEL_AUDIT_ANCHOR_FILE": str(VAR_LOAD / "audit-anchors.log"),
           "EMAIL_URL": f"filemail://{VAR_LOAD / 'mail'}",
           "PYTHONPATH": str(ROOT / "src")}
    if workers:
        env["GUNICORN_WORKERS"] = str(workers)
    return env


def _healthy(port: int) -> bool:
    connection = HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", "/healthz")
        return connection.getresponse().status == 200
    except OSError:
        return False
    finally:
        connection.close()


class Servers:
    """gunicorn and one db_worker, started with the production environment; stopped with
    SIGTERM (gunicorn's graceful shutdown) when leaving."""

    def __init__(self, env: dict[str, str], port: int, label: str) -> None:
        self.env, self.port = env, port
        self.log = VAR_LOAD / f"{label}-gunicorn.log"
        self.worker_log = VAR_LOAD / f"{label}-db_worker.log"
        self.processes: list[subprocess.Popen[bytes]] = []

    def __enter__(self) -> Servers:
        with self.log.open("wb") as out:
            self.gunicorn = subprocess.Popen(  # noqa: S603 - our own configuration
                [sys.executable, "-m", "gunicorn", "--config", "deploy/gunicorn.conf.py",
                 "--bind", f"127.0.0.1:{self.port}", "schakel.wsgi"],
                cwd=ROOT, env=self.env, stdout=out, stderr=subprocess.STDOUT)
        self.processes.append(self.gunicorn)
        with self.worker_log.open("wb") as out:
            self.processes.append(subprocess.Popen(
                [sys.executable, "manage.py", "db_worker", "--queue-name", "*"],
                cwd=ROOT, env=self.env, stdout=out, stderr=subprocess.STDOUT))
        deadline = time.monotonic() + 60
        while not _healthy(self.port):
            if self.gunicorn.poll() is not None or time.monotonic() > deadline:
                self.__exit__()
                raise SystemExit(f"gunicorn did not start:\n{self.log.read_text()[-3000:]}")
            time.sleep(0.3)
        return self

    def __exit__(self, *_exc: object) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    def worker_rss(self) -> list[int]:
        """The resident memory (bytes) of each gunicorn worker (the master's children)."""
        sizes = []
        for proc in Path("/proc").iterdir():
            if not proc.name.isdigit():
                continue
            try:
                stat = (proc / "stat").read_text()
                if int(stat.rsplit(")", 1)[1].split()[1]) != self.gunicorn.pid:
                    continue
                sizes.append(int((proc / "statm").read_text().split()[1]) * PAGE_SIZE)
            except (OSError, IndexError, ValueError):
                continue
        return sizes


def _locust(step: Step, servers: Servers, world: Path, prefix: Path, duration: int) -> None:
    classes = ["PageUser"] if step.kind == "pages" else ["ApiSyncUser", "ApiSignalUser"]
    # At the end of a step each user may finish its request (a synchronisation may take up
    # to gunicorn's time-out of 30 s).
    stop = 10 if step.kind == "pages" else 35
    command = [str(BIN / "locust"), "-f", str(Path(__file__).with_name("locustfile.py")),
               "--headless", "-u", str(step.users), "-r", str(max(1, step.users // 4)),
               "-t", f"{duration}s", "--stop-timeout", str(stop),
               "--host", f"http://127.0.0.1:{servers.port}",
               "--csv", str(prefix), "--only-summary", "--loglevel", "WARNING", *classes]
    env = {**os.environ, "SCHAKEL_LOAD_WORLD": str(world), "SCHAKEL_LOAD_THINK": step.think,
           "SCHAKEL_LOAD_STEP": str(step.sync_index)}
    with Path(f"{prefix}.log").open("wb") as log:
        subprocess.run(command, cwd=ROOT, env=env, check=False,  # noqa: S603 - our locustfile
                       stdout=log, stderr=subprocess.STDOUT)


def warm_up(servers: Servers, world: Path, users: int) -> None:
    """Ten seconds of pages without think time, not counted: every worker has loaded its
    templates and translations before the first measured request."""
    _locust(Step("warm-up", "pages", users, "0"), servers, world, VAR_LOAD / "warm-up", 10)


def run_step(step: Step, servers: Servers, world: Path, args: argparse.Namespace) -> None:
    prefix = VAR_LOAD / f"{step.database}-{step.kind}-{step.users}-{step.think.replace(',', '_')}"
    _progress(f"{step.database}, {step.kind}, {step.users} users, think time "
              f"{step.think_text}")
    samples: list[list[int]] = []
    done = threading.Event()

    def sample() -> None:
        while not done.wait(1.0):
            samples.append(servers.worker_rss())

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _locust(step, servers, world, prefix, args.duration)
    done.set()
    sampler.join()
    with Path(f"{prefix}_stats.csv").open() as handle:
        step.rows = list(csv.DictReader(handle))
    with Path(f"{prefix}_failures.csv").open() as handle:
        step.failures = list(csv.DictReader(handle))
    mb = 1024 * 1024
    step.workers = max((len(s) for s in samples), default=0)
    step.rss_max_mb = max((max(s) for s in samples if s), default=0) / mb
    step.rss_total_max_mb = max((sum(s) for s in samples), default=0) / mb


def steps_for(database: str, args: argparse.Namespace) -> list[Step]:
    if database == "sqlite":
        return [Step(database, "pages", args.sqlite_users, args.think),
                Step(database, "api", args.sqlite_users, args.think)]
    users = [int(u) for u in args.users.split(",")]
    api_users = [int(u) for u in args.api_users.split(",")]
    steps = [Step(database, "pages", n, args.think) for n in users]
    steps.append(Step(database, "pages", args.ceiling_users, "0"))
    steps += [Step(database, "api", n, args.think) for n in api_users]
    steps.append(Step(database, "api", args.ceiling_users, "0"))
    return steps


_STARTED = time.monotonic()


def _progress(text: str) -> None:
    print(f"[{(time.monotonic() - _STARTED) / 60:4.1f} min] {text}", flush=True)


def measure(database: str, args: argparse.Namespace, secret: str,
            generation: dict[str, Any]) -> dict[str, Any]:
    steps = steps_for(database, args)
    api_steps = [s for s in steps if s.kind == "api"]
    for index, step in enumerate(api_steps):
        step.sync_index = index
    env = production_env(_database(database, args), secret, args.workers)
    world_file = VAR_LOAD / f"{database}-world.json"
    _progress(f"{database}: sessions, API clients and schools")
    most = max(s.users for s in steps)
    world = _finished(_child("world", args, env, world_file, [
        "--pages", str(most), "--signal-clients", str(most),
        "--sync-runs", str(len(api_steps))]), world_file)
    _progress(f"{database}: gunicorn and db_worker, warm-up")
    # A port per database: a worker of the first gunicorn may still finish a request.
    port = args.port + (database == "sqlite")
    with Servers(env, port, database) as servers:
        warm_up(servers, world_file, args.ceiling_users)
        for step in steps:
            run_step(step, servers, world_file, args)
    log = servers.log.read_text(errors="replace")
    return {"database": database, "generation": generation, "steps": steps,
            "locked": log.count("database is locked"), "timeouts": log.count("WORKER TIMEOUT"),
            "median_cases": world["median_cases"], "pages": world["pages"]}


# --- the report ---------------------------------------------------------------------------


def _sizes(args: argparse.Namespace) -> dict[str, int]:
    return {key: getattr(args, key) for key in FULL_SIZES}


def report(runs: list[dict[str, Any]], args: argparse.Namespace, total_s: float,
           command: str) -> str:
    return report_text(runs, total_s=total_s, command=command, duration=args.duration,
                       sizes=sizes_text(_sizes(args)),
                       machine=machine_text(os.getloadavg()[0]))


# --- the child processes --------------------------------------------------------------------


def run_child(args: argparse.Namespace) -> None:
    out = Path(args.out)
    if args.child == "generate":
        django_start("schakel.settings.test", {})
        from region import region_build

        def progress(phase: str, seconds: float) -> None:
            print(f"    [{args.label}] {phase}: {seconds:.1f} s", file=sys.stderr, flush=True)

        _counts, generation = region_build(json.loads(args.sizes), seed=args.seed,
                                           reuse=args.reuse, progress=progress)
        out.write_text(json.dumps({k: round(v, 1) for k, v in generation.items()}))
        return
    django_start(os.environ["DJANGO_SETTINGS_MODULE"], {})
    from load_world import api_world, page_users

    pages, median = page_users(args.pages)
    out.write_text(json.dumps({"pages": pages, "median_cases": median,
                               "api": api_world(args.signal_clients, args.sync_runs)}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/schakel_load",
                        help="PostgreSQL database (dropped and recreated unless --reuse)")
    parser.add_argument("--users", default="1,16,64", help="page users per step")
    parser.add_argument("--api-users", default="1,16,64", help="API users per step")
    parser.add_argument("--ceiling-users", type=int, default=16,
                        help="users of the runs without think time")
    parser.add_argument("--sqlite-users", type=int, default=16, help="0: no SQLite run")
    parser.add_argument("--think", default="1,3", help="seconds between steps: min,max")
    parser.add_argument("--duration", type=int, default=60, help="seconds per step")
    parser.add_argument("--workers", type=int, help="gunicorn workers (default: its config)")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--reuse", action="store_true",
                        help="keep the generated region of an earlier run")
    parser.add_argument("--seed", type=int, default=1)
    for key, default in FULL_SIZES.items():
        parser.add_argument(f"--{key.replace('_', '-')}", type=int, default=default,
                            help=f"region (default {default})")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--sizes", help=argparse.SUPPRESS)
    parser.add_argument("--label", help=argparse.SUPPRESS)
    parser.add_argument("--pages", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--signal-clients", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--sync-runs", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_child(args)
        return
    started = time.monotonic()
    VAR_LOAD.mkdir(parents=True, exist_ok=True)
    secret = secrets.token_urlsafe(50)
    databases = ["postgresql"] + (["sqlite"] if args.sqlite_users else [])
    regions = prepare(databases, args, secret)
    runs = [measure(database, args, secret, regions[database]) for database in databases]
    total = time.monotonic() - started
    command = shlex.join(["python", "benchmarks/load.py", *sys.argv[1:]])
    text = report(runs, args, total, command)
    RESULTS.write_text(text)
    print(text)
    print(f"Total time: {total / 60:.1f} min ({total:.0f} s); written to {RESULTS}")


if __name__ == "__main__":
    main()
