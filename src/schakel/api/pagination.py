"""Cursor pagination (stable under inserts; the cursor is opaque and holds no data)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import CursorPagination
from rest_framework.request import Request


class Cursor(CursorPagination):
    ordering = "pk"
    page_size = 50
    page_size_query_param = "aantal"
    max_page_size = 200
    cursor_query_param = "cursor"

    def get_page_size(self, request: Request) -> int:
        """`aantal`, a whole number from 1 to `max_page_size`; anything else is a 400."""
        values = request.query_params.getlist(self.page_size_query_param)
        if not values:
            return self.page_size
        if len(values) > 1 or not values[0].isdigit() or not (
                1 <= int(values[0]) <= self.max_page_size):
            raise ValidationError({self.page_size_query_param: [_(
                "Give a whole number from 1 to %(max)s.") % {"max": self.max_page_size}]})
        return int(values[0])

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        parameters: list[dict[str, Any]] = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"] = {"type": "integer", "minimum": 1,
                                       "maximum": self.max_page_size}
        return parameters
