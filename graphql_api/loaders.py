"""Loaders: the per-request registry of DataLoaders, one attribute per relation.

Built in the context getter, never at module level, so nothing is cached across requests or
viewers. Each batch function runs one ``IN (...)`` query through its domain's repository and
answers in key order (``None`` or ``[]`` for keys the viewer cannot see).
"""

from typing import TYPE_CHECKING, Any

from strawberry.dataloader import DataLoader as _DataLoader

from graphql_api.domains import domain_modules

if TYPE_CHECKING:
    from graphql_api.context import Context

# Every domain's relations (its loaders module's ``LOADERS``): attribute name -> batch function.
BATCH_FUNCTIONS: dict[str, Any] = {
    name: batch for module in domain_modules("loaders") for name, batch in module.LOADERS.items()
}


class Loaders:
    """One DataLoader per relation, as an attribute named in its domain's ``LOADERS``
    (``info.context.loaders.pet_by_id``).

    On a websocket the context lives as long as the connection, so its loaders batch but do not
    cache: every subscription event sees fresh rows.
    """

    def __init__(self, context: "Context") -> None:
        self._context = context
        self._loaders: dict[str, _DataLoader] = {}

    def __getattr__(self, name: str) -> _DataLoader:
        # Built on first use: most operations touch a few of the relations.
        batch = BATCH_FUNCTIONS.get(name)
        if batch is None:
            raise AttributeError(f"no loader {name!r}: add it to its domain's LOADERS")
        context = self._context
        loader = _DataLoader(
            # Session and viewer are read when the batch runs: a websocket sets its viewer
            # after the context is built.
            load_fn=lambda keys: context.run_batch(batch, list(keys)),
            cache=not context.is_websocket,
        )
        self._loaders[name] = loader
        setattr(self, name, loader)
        return loader

    def clear_all(self) -> None:
        for loader in self._loaders.values():
            loader.clear_all()
