"""JSON log lines (python-json-logger): one object per line, with the request id of the
request being handled. The request line (`middleware`) carries only ids, the route's name,
the status and the duration; no log line of ours carries a name, a path with query string or
text a user wrote."""

from __future__ import annotations

import logging

from pythonjsonlogger.json import JsonFormatter as _JsonFormatter

from schakel.observability.requestid import current_request_id

FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"


class JsonFormatter(_JsonFormatter):
    def __init__(self) -> None:
        super().__init__(FORMAT, rename_fields={"levelname": "level", "name": "logger",
                                                "asctime": "time"})


class RequestIdFilter(logging.Filter):
    """Adds `request_id` (None outside a request) to every record the handler writes."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = current_request_id.get()
        return True
