"""Loaders: the per-request registry of DataLoaders, one attribute per relation.

Built in the context getter, never at module level, so nothing is cached across requests or
viewers. Each batch function runs one ``IN (...)`` query through its domain's repository and
answers in key order (``None`` or ``[]`` for keys the viewer cannot see).
"""

from typing import TYPE_CHECKING

from strawberry.dataloader import DataLoader

from graphql_api.accounts import loaders as accounts_loaders
from graphql_api.devices import loaders as devices_loaders
from graphql_api.pets import loaders as pets_loaders

if TYPE_CHECKING:
    from graphql_api.context import Context


class Loaders:
    def __init__(self, context: "Context") -> None:
        def bind(batch):
            # Session and viewer are read when the batch runs: a websocket sets its viewer
            # after the context is built.
            return lambda keys: batch(context.session, context.viewer, list(keys))

        self.user_by_id = DataLoader(load_fn=bind(accounts_loaders.users_by_id))
        self.pet_by_id = DataLoader(load_fn=bind(pets_loaders.pets_by_id))
        self.device_by_id = DataLoader(load_fn=bind(devices_loaders.devices_by_id))
        self.devices_by_pet_id = DataLoader(load_fn=bind(devices_loaders.devices_by_pet_id))
        self.devices_by_parent_id = DataLoader(load_fn=bind(devices_loaders.devices_by_parent_id))

    def clear_all(self) -> None:
        for loader in vars(self).values():
            if isinstance(loader, DataLoader):
                loader.clear_all()
