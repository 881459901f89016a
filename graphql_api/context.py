"""The per-request GraphQL context: viewer, session, loaders and the after-commit events."""

import datetime as dt
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.fastapi import BaseContext

from graphql_api import events
from graphql_api.auth import Viewer
from graphql_api.loaders import Loaders
from graphql_api.settings import Settings
from graphql_api.state import AppState

T = TypeVar("T")


class Context(BaseContext):
    """Built once per HTTP request, or once per websocket connection.

    The session is opened lazily, so a request that touches no table (or a websocket that only
    subscribes) holds no database connection. Subscriptions use :meth:`short_session` instead,
    because a websocket connection can live for hours.
    """

    def __init__(
        self,
        app_state: AppState,
        viewer: Viewer | None,
        session: AsyncSession | None = None,
        *,
        is_websocket: bool = False,
    ) -> None:
        super().__init__()
        self.app_state = app_state
        self.viewer = viewer
        self.is_websocket = is_websocket
        # Tests pass a session bound to a rolled-back transaction; requests open their own.
        self._session = session
        self._executing = 0
        self.loaders = Loaders(self)

    @property
    def settings(self) -> Settings:
        return self.app_state.settings

    @property
    def session(self) -> AsyncSession:
        if self._session is None:
            self._session = self.app_state.sessionmaker()
        return self._session

    @staticmethod
    def now() -> dt.datetime:
        return dt.datetime.now(dt.UTC)

    async def commit(self) -> None:
        """Commit the unit of work, then send the events it buffered."""
        if self._session is None:
            return
        await self._session.commit()
        await events.dispatch_committed(self._session, self.app_state.bus)

    async def rollback(self) -> None:
        if self._session is not None:
            await self._session.rollback()
        self.loaders.clear_all()

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def run_batch(self, batch: Callable[..., Awaitable[T]], keys: list[Any]) -> T:
        """Run a DataLoader batch function with this context's viewer.

        Over HTTP it shares the request's session, so a mutation's payload sees its own writes.
        On a websocket each batch gets a short session: subscription events are resolved long
        after any operation's unit of work, and must not pin a pooled connection for hours.
        """
        if self.is_websocket and self._session is None:
            async with self.short_session() as session:
                return await batch(session, self.viewer, keys)
        return await batch(self.session, self.viewer, keys)

    @asynccontextmanager
    async def executing(self) -> AsyncIterator[None]:
        """Wraps each operation's execution; a websocket returns its session's connection to the
        pool as soon as no query or mutation on it is running."""
        self._executing += 1
        try:
            yield
        finally:
            self._executing -= 1
            if self.is_websocket and self._executing == 0:
                await self.close()

    @asynccontextmanager
    async def short_session(self) -> AsyncIterator[AsyncSession]:
        async with self.app_state.sessionmaker() as session:
            yield session
