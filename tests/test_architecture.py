"""The layers of docs/architecture.md hold: import-linter's contracts (pyproject.toml) pass,
they do catch an import against the order, and production installs no demo code."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.access.matrix_urls import project_patterns

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
CONTRACTS = ["domain-order", "module-kinds", "no-demo", "selectors-read-only"]


def _lint(source_root: Path, contract: str, config: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(source_root)}
    return subprocess.run(  # noqa: S603 - our own tool, fixed arguments
        [str(LINT_IMPORTS), "--no-logo", "--no-cache", "--config", str(config),
         "--contract", contract],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )


@pytest.mark.parametrize("contract", CONTRACTS)
def test_the_code_keeps_the_contract(contract: str):
    result = _lint(ROOT / "src", contract, ROOT / "pyproject.toml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(("contract", "module", "line"), [
    # a lower app reaching up to a higher app's selectors
    ("domain-order", "children/selectors.py", "from schakel.cases.selectors import case_get"),
    # selectors calling services
    ("module-kinds", "cases/selectors.py", "from schakel.cases import services"),
    # production code importing the demo
    ("no-demo", "web/views.py", "from schakel.demo import people"),
    # a selector of a higher app calling a lower app's service
    ("selectors-read-only", "portal/selectors/family.py",
     "from schakel.cases.services.lifecycle import case_open"),
])
def test_an_import_against_the_order_breaks_the_contract(
        tmp_path: Path, contract: str, module: str, line: str):
    copy = tmp_path / "src"
    shutil.copytree(ROOT / "src" / "schakel", copy / "schakel",
                    ignore=shutil.ignore_patterns("__pycache__", "locale", "static", "templates"))
    target = copy / "schakel" / module
    target.write_text(f"{target.read_text()}\n{line}  # noqa\n")
    result = _lint(copy, contract, ROOT / "pyproject.toml")
    assert result.returncode != 0
    assert "BROKEN" in result.stdout


def test_production_installs_no_demo_code(tmp_path: Path):
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("DJANGO_", "SECRET_KEY", "DATABASE_URL"))}
    env = {**clean, "DJANGO_SETTINGS_MODULE": "schakel.settings.production",
           "SECRET_KEY": "p" * 20 + "x7#Kq2!vL9@pR4$wZ1^mN8&bT5*cY3(hJ6)",
           "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}"}
    code = ("import django; django.setup(); from django.conf import settings; "
            "import sys; print(sorted(settings.INSTALLED_APPS)); "
            "print(sorted(m for m in sys.modules if m.startswith('schakel.demo')))")
    result = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    apps, demo_modules = result.stdout.strip().splitlines()
    assert "schakel.cases" in apps
    assert "schakel.demo" not in apps
    assert demo_modules == "[]"
    commands = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, str(ROOT / "manage.py"), "help", "--commands"], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=120, check=False)
    assert commands.returncode == 0, commands.stderr
    assert "retention_run" in commands.stdout
    for demo_command in ("demo_load", "demo_portal", "demo_totp", "generate_region"):
        assert demo_command not in commands.stdout


def test_no_two_url_patterns_share_a_name():
    patterns = project_patterns()
    assert len({p.view_name for p in patterns}) == len(patterns)
    assert "cases:open_from_signal" in {p.view_name for p in patterns}


def _service_modules() -> list[Path]:
    root = ROOT / "src" / "schakel"
    return sorted([*root.glob("*/services.py"), *root.glob("*/services/*.py")])


def test_services_open_only_outermost_transactions():
    """A service's transaction is `service_transaction()` (durable) or, where it composes other
    services on purpose, `composed_services()`; never a plain `transaction.atomic()`."""
    modules = _service_modules()
    assert len(modules) >= 10
    plain = [f"{path.relative_to(ROOT)}:{number}"
             for path in modules
             for number, line in enumerate(path.read_text().splitlines(), start=1)
             if "transaction.atomic(" in line]
    assert plain == []
    assert any("service_transaction()" in path.read_text() for path in modules)
