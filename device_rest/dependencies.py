"""Shared dependencies of the device routes: the unit of work and the app's state."""

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api import ratelimit
from graphql_api.state import AppState
from graphql_api.unit_of_work import unit_of_work


# async: FastAPI runs a plain `def` dependency in its thread pool, on every device request.
async def get_app_state(request: Request) -> AppState:
    return request.app.state.pawgraph


AppStateDep = Annotated[AppState, Depends(get_app_state)]


async def get_unit_of_work(state: AppStateDep) -> AsyncIterator[AsyncSession]:
    """One transaction per device request: committed when the route returns (then its events
    are sent), rolled back on any error so nothing is half-written."""
    async with unit_of_work(state) as session:
        yield session


async def device_key_guard(request: Request, state: AppStateDep) -> None:
    """An address that sent too many unknown device or hub keys is refused (429) before any
    lookup, until its window ends (counted in device_rest.errors)."""
    client = request.client.host if request.client else ""
    state.limiter.blocked(ratelimit.BAD_DEVICE_KEYS_PER_IP, client)


# scope="function": commit before the response is sent, so a 2xx means the write is durable.
UnitOfWork = Annotated[AsyncSession, Depends(get_unit_of_work, scope="function")]
