"""The container files as files (CI builds no image; README "Containers" says what was built
where): compose.yaml has PostgreSQL, the release step, web, worker and scheduler from one
image, with what more than one process must share on shared volumes; the Containerfile is
multi-stage and runs as a user that is not root."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def _compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "compose.yaml").read_text())
    return loaded


def test_compose_has_postgresql_web_worker_and_scheduler() -> None:
    services = _compose()["services"]
    assert services["db"]["image"].startswith("docker.io/library/postgres:")
    schakel = {name: services[name] for name in ("migrate", "web", "worker", "scheduler")}
    assert {service["image"] for service in schakel.values()} == {"localhost/schakel:latest"}
    assert "migrate" in " ".join(schakel["migrate"]["command"])
    assert "command" not in schakel["web"]  # the image's gunicorn
    assert schakel["worker"]["command"][:3] == ["python", "manage.py", "db_worker"]
    assert "scheduler.sh" in " ".join(schakel["scheduler"]["command"])
    for name in ("web", "worker", "scheduler"):
        depends = schakel[name]["depends_on"]
        assert depends["migrate"]["condition"] == "service_completed_successfully", name
        assert "schakel_app:" in schakel[name]["environment"]["DATABASE_URL"], name


def test_web_and_worker_share_what_they_both_use() -> None:
    services = _compose()["services"]
    for name in ("web", "worker"):
        volumes = set(services[name]["volumes"])
        assert {"attachments:/app/var/attachments", "attendance:/app/var/attendance",
                "anchors:/app/var/anchors"} <= volumes, name
        assert services[name]["environment"]["CACHE_URL"].endswith("dbcache://schakel_cache}")


def test_the_containerfile_is_multi_stage_and_not_root() -> None:
    text = (ROOT / "Containerfile").read_text()
    stages = re.findall(r"^FROM \S+ AS (\w+)$", text, flags=re.MULTILINE)
    assert stages == ["assets", "build", "runtime"]
    runtime = text.split("AS runtime", 1)[1]
    assert re.search(r"^USER 10001:10001$", runtime, flags=re.MULTILINE)
    assert "HEALTHCHECK" in runtime
    assert "npm" not in runtime
    assert "/app/var/attachments" in runtime
