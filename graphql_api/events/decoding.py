"""An event decoded once per process, however many subscribers of its channel receive it."""

import functools
from typing import TypeVar

from pydantic import BaseModel

EventModel = TypeVar("EventModel", bound=BaseModel)


@functools.lru_cache(maxsize=1024)
def _decode(model: type[BaseModel], message: str) -> BaseModel:
    return model.model_validate_json(message)


def decode(model: type[EventModel], message: str) -> EventModel:
    """``model`` parsed from ``message``, shared: the bus hands every subscriber of a channel
    the same string, and each would otherwise parse it again. Subscribers only read it."""
    return _decode(model, message)  # type: ignore[return-value]
