"""Shared dependencies of the device routes: the unit of work and the app's state."""

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api import events
from graphql_api.state import AppState


# async: FastAPI runs a plain `def` dependency in its thread pool, on every device request.
async def get_app_state(request: Request) -> AppState:
    return request.app.state.pawgraph


AppStateDep = Annotated[AppState, Depends(get_app_state)]


async def get_unit_of_work(state: AppStateDep) -> AsyncIterator[AsyncSession]:
    """One transaction per device request: committed when the route returns (then its events
    are sent), rolled back on any error so nothing is half-written."""
    async with state.sessionmaker() as session:
        try:
            yield session
        except BaseException:
            await session.rollback()
            raise
        await session.commit()
        await events.dispatch_committed(session, state.bus)


# scope="function": commit before the response is sent, so a 2xx means the write is durable.
UnitOfWork = Annotated[AsyncSession, Depends(get_unit_of_work, scope="function")]
