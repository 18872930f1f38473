"""The attendance world (tests/attendance/conftest.py) serves the truancy reports too."""

from tests.attendance.conftest import att as att

__all__ = ["att"]
