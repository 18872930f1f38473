"""Plain words for the rows of the access log, as parents and young people read them. The
words live in `audit.labels`, shared with the privacy officer's viewer."""

from __future__ import annotations

from schakel.audit.labels import (
    GROUND_LABELS as GROUND_LABELS,
    OBJECT_LABELS as OBJECT_LABELS,
    ground_text as ground_text,
    what_text as what_text,
)
