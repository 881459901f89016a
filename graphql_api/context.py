"""The per-request GraphQL context: viewer, session, loaders and the after-commit events."""

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.fastapi import BaseContext

from graphql_api.auth import TokenClaims, Viewer
from graphql_api.errors import DomainError
from graphql_api.events import Subscription
from graphql_api.events.errors import LAGGING_CLOSE_CODE
from graphql_api.loaders import Loaders
from graphql_api.ratelimit import Attempts
from graphql_api.settings import Settings
from graphql_api.state import AppState
from graphql_api.unit_of_work import commit, rollback, unit_of_work

if TYPE_CHECKING:
    from graphql_api.ws_sessions import SessionWatch

T = TypeVar("T")

logger = logging.getLogger(__name__)


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
        token_claims: TokenClaims | None = None,
        client_ip: str = "",
    ) -> None:
        super().__init__()
        self.app_state = app_state
        self._viewer = viewer
        self.is_websocket = is_websocket
        # Why the request's token was refused (it then runs anonymously); None when it was not.
        self.rejected_token: str | None = None
        # The bearer token the viewer came from (logout revokes it; websockets re-check it).
        self.token_claims = token_claims
        self.client_ip = client_ip
        # Set when the viewer could not be looked up (the database is down): every resolver
        # asking who the viewer is gets this error instead of running as anonymous.
        self.viewer_error: DomainError | None = None
        self.session_watch: SessionWatch | None = None
        # Tests pass a session bound to a rolled-back transaction; requests open their own.
        self._session = session
        self._executing = 0
        # Set when the request's one operation only reads: its session is a reading one.
        self._reads_only = False
        self.loaders = Loaders(self)
        self._closing: asyncio.Task[None] | None = None

    @property
    def viewer(self) -> Viewer | None:
        if self.viewer_error is not None:
            raise self.viewer_error
        return self._viewer

    @viewer.setter
    def viewer(self, viewer: Viewer | None) -> None:
        self._viewer = viewer

    @property
    def known_viewer(self) -> Viewer | None:
        """The viewer if one was established, without raising (for logs and metrics)."""
        return self._viewer

    @property
    def attempts(self) -> Attempts:
        """Where this request comes from, for services that throttle guessing."""
        return Attempts(self.app_state.limiter, self.client_ip)

    @property
    def settings(self) -> Settings:
        return self.app_state.settings

    @property
    def session(self) -> AsyncSession:
        if self._session is None:
            state = self.app_state
            self._session = (state.readers if self._reads_only else state.sessionmaker)()
        return self._session

    @staticmethod
    def now() -> dt.datetime:
        return dt.datetime.now(dt.UTC)

    async def commit_operation(self) -> None:
        """Commit the operation's unit of work, then send the events it buffered."""
        if self._session is not None:
            await commit(self._session, self.app_state.bus)

    async def rollback_operation(self) -> None:
        if self._session is not None:
            await rollback(self._session)
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
    async def executing(self, *, reads_only: bool = False) -> AsyncIterator[None]:
        """Wraps each operation's execution; a websocket returns its session's connection to the
        pool as soon as no query or mutation on it is running.

        ``reads_only`` (a query): over HTTP, where a context serves one operation, its session
        will be a reading one (``AppState.reading_sessionmaker``). A websocket's operations
        share one session and may run side by side, a mutation among them: never there."""
        if reads_only and not self.is_websocket and self._session is None:
            self._reads_only = True
        self._executing += 1
        try:
            yield
        finally:
            self._executing -= 1
            if self.is_websocket and self._executing == 0:
                await self.close()

    def separate_unit_of_work(self) -> AbstractAsyncContextManager[AsyncSession]:
        """A unit of work of its own, committed whatever the operation's fate (a claim attempt
        must count even when the claim fails and is rolled back)."""
        return unit_of_work(self.app_state)

    @asynccontextmanager
    async def subscribe(self, channel: str) -> AsyncIterator[Subscription]:
        """A channel's live events for a subscription resolver; a subscriber that lags behind
        is dropped and, on a websocket, the connection closed with ``LAGGING_CLOSE_CODE``."""
        on_lagging = self._close_lagging_websocket if self.is_websocket else None
        async with self.app_state.bus.subscribe(channel, on_lagging=on_lagging) as messages:
            yield messages

    def _close_lagging_websocket(self) -> None:
        # Called by the bus's listener, which must not wait on this client's socket.
        if self._closing is None and self.request is not None:
            self._closing = asyncio.create_task(self._close_websocket(self.request))

    @staticmethod
    async def _close_websocket(websocket: Any) -> None:
        logger.warning("closing a lagging subscriber's websocket (code %d)", LAGGING_CLOSE_CODE)
        with contextlib.suppress(Exception):  # it may be gone already
            await websocket.close(code=LAGGING_CLOSE_CODE, reason="Subscriber too slow")

    @asynccontextmanager
    async def short_session(self) -> AsyncIterator[AsyncSession]:
        """A session for reads alone (a websocket's loader batches, its subscriptions' checks and
        per-event reads), let go on return: a reading one where there is one, since nothing
        ever commits it."""
        async with self.app_state.readers() as session:
            yield session

    async def in_short_session(self, work: Callable[[AsyncSession], Awaitable[T]]) -> T:
        """``work`` on a short session, closed and let go on return. For subscriptions: a
        generator that bound the session to a local would keep it (closed, with what it
        loaded) for as long as the subscriber lives."""
        async with self.short_session() as session:
            return await work(session)
