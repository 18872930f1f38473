"""Cursor pagination (stable under inserts; the cursor is opaque and holds no data)."""

from __future__ import annotations

from rest_framework.pagination import CursorPagination


class Cursor(CursorPagination):
    ordering = "pk"
    page_size = 50
    page_size_query_param = "aantal"
    max_page_size = 200
    cursor_query_param = "cursor"
