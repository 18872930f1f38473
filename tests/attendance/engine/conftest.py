from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from schakel.attendance.engine.result import EngineResult
from schakel.attendance.engine.run import engine_run
from schakel.attendance.engine.settings import EngineSettings
from tests.attendance.engine.data import Rec, enrolments_table, school_days_table, write_records

Run = Callable[..., EngineResult]


@pytest.fixture
def run(tmp_path: Path) -> Run:
    """Run the engine on hand-made rows: run(calendar_rows, enrolments, records, as_of=...)."""
    counter = iter(range(1_000_000))

    def _run(
        days: Sequence[dict[str, Any]],
        enrolments: Iterable[tuple[int, int, date, date | None]],
        records: Iterable[Rec],
        **settings: object,
    ) -> EngineResult:
        root = write_records(tmp_path / f"records-{next(counter)}", records)
        settings.setdefault("as_of", date(2027, 7, 31))
        return engine_run(
            records_root=root,
            school_days=school_days_table(days),
            enrolments=enrolments_table(enrolments),
            settings=EngineSettings(**settings),  # type: ignore[arg-type]
        )

    return _run
