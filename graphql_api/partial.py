"""Partial updates: ``UNSET`` marks a field the caller did not give, so ``None`` can still mean
"clear it". Domain input dataclasses default their fields to it."""

from dataclasses import fields
from typing import Any

UNSET: Any = object()


def given_fields(data: Any) -> dict[str, Any]:
    """The fields of the dataclass ``data`` that were given (not ``UNSET``), by name."""
    return {
        field.name: getattr(data, field.name)
        for field in fields(data)
        if getattr(data, field.name) is not UNSET
    }
