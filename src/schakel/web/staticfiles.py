"""The front-end files the pages link, from the npm packages in `node_modules/`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal, overload

from django.conf import settings
from django.contrib.staticfiles.finders import BaseFinder
from django.contrib.staticfiles.utils import matches_patterns
from django.core.checks import CheckMessage, Warning
from django.core.files.storage import FileSystemStorage

PREFIX = "vendor"


class VendorFilesFinder(BaseFinder):
    """Finds the files named in `settings.SCHAKEL_VENDOR_FILES` (paths inside
    `SCHAKEL_NODE_MODULES`, installed by `npm ci` from package-lock.json) as
    `vendor/<path>`, and no other file of the packages.

    The packages ship far more than the pages use: sources, other builds, and CSS that refers
    to files the package does not contain. The manifest storage of production rewrites every
    collected CSS file and refuses such a reference, so `collectstatic` takes only these."""

    def __init__(self, app_names: Sequence[str] | None = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.storage = FileSystemStorage(location=settings.SCHAKEL_NODE_MODULES)
        self.storage.prefix = PREFIX  # type: ignore[attr-defined]  # collectstatic reads it
        self.names: tuple[str, ...] = tuple(settings.SCHAKEL_VENDOR_FILES)

    def _path(self, name: str) -> str | None:
        path = Path(self.storage.path(name))
        return str(path) if path.is_file() else None

    def check(self, **kwargs: Any) -> list[CheckMessage]:
        return [
            Warning(f"{name} is missing from {settings.SCHAKEL_NODE_MODULES}.",
                    hint="Install the front-end packages: `make setup` (npm ci).",
                    id="schakel.W001")
            for name in self.names if self._path(name) is None
        ]

    @overload
    def find(self, path: str, find_all: Literal[False] = False) -> str | None: ...

    @overload
    def find(self, path: str, find_all: Literal[True]) -> list[str]: ...

    def find(self, path: str, find_all: bool = False) -> str | list[str] | None:
        name = path.removeprefix(f"{PREFIX}/")
        found = self._path(name) if name != path and name in self.names else None
        if find_all:
            return [found] if found else []
        return found

    def list(self, ignore_patterns: Iterable[str] | None) -> Iterator[tuple[str, Any]]:
        patterns = list(ignore_patterns or [])
        for name in self.names:
            if self._path(name) is not None and not matches_patterns(name, patterns):
                yield name, self.storage
