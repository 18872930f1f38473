"""The hand-written EDEXML 2.1 files of tests/children/edexml/, and the world's school as
they name it (BRIN 12AB)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import World

FILES = Path(__file__).parent / "edexml"


def edexml(name: str) -> bytes:
    return (FILES / f"{name}.xml").read_bytes()


def school_of_the_files(world: World) -> None:
    world.school.brin = "12AB"
    world.school.save(update_fields=["brin"])
