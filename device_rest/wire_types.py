"""Field types shared by the device lines' wire models."""

from typing import Annotated, Any

from pydantic import BeforeValidator


def _not_a_bool(value: Any) -> Any:
    # JSON `true` is not 1 mA or 1 g (pydantic's lax mode would read it as 1).
    if isinstance(value, bool):
        raise ValueError("a number is required, not a boolean")
    return value


def _without_nul(value: Any) -> Any:
    # Firmware free text may carry a stray NUL from a C string; it is dropped, not refused
    # (everywhere else graphql_api.db refuses NULs).
    return value.replace("\x00", "") if isinstance(value, str) else value


Amount = BeforeValidator(_not_a_bool)
DeviceText = BeforeValidator(_without_nul)
MilliampInt = Annotated[int, Amount]
