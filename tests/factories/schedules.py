"""Feeders, their owners (in a chosen time zone) and feeding schedules, for schedule and pairing
tests: in process through the services, and live through GraphQL and the PETio wire."""

import datetime as dt
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.accounts import service as accounts_service
from graphql_api.accounts.models import User
from graphql_api.devices import service as devices_service
from graphql_api.devices.models import Device, DeviceKind
from graphql_api.schedules import service as schedules_service
from graphql_api.schedules.models import FeedingSchedule
from tests.factories.accounts import PASSWORD, unique_email, viewer_of
from tests.factories.devices import RegisteredDevice, feeder_headers
from tests.factories.devices_db import collar_hardware_id, feeder_hardware_id
from tests.support.graphql_client import GraphQLClient
from tests.support.live_server import LiveServer

CREATED_AT = dt.datetime(2026, 5, 1, tzinfo=dt.UTC)

CREATE_SCHEDULE = """
mutation CreateSchedule($input: CreateFeedingScheduleInput!) {
  createFeedingSchedule(input: $input) {
    feedingSchedule { id time daysOfWeek grams label enabled device { id hardwareId } }
    userErrors { field code message }
  }
}
"""


async def create_owner(session: AsyncSession, time_zone: str = "Asia/Manila") -> User:
    registration = accounts_service.Registration(
        unique_email("feeder-owner"), PASSWORD, "owner", time_zone
    )
    return await accounts_service.register(session, registration)


async def create_feeder(
    session: AsyncSession, owner: User, firmware_version: str | None = None, kind=DeviceKind.FEEDER
) -> Device:
    registration = devices_service.DeviceRegistration(
        kind=kind,
        name="Kitchen feeder",
        hardware_id=feeder_hardware_id() if kind is DeviceKind.FEEDER else collar_hardware_id(),
        firmware_version=firmware_version,
    )
    return (await devices_service.register(session, viewer_of(owner), registration)).device


async def create_schedule(
    session: AsyncSession,
    owner: User,
    device: Device,
    time: str = "08:00",
    grams: int = 30,
    **fields: Any,
) -> FeedingSchedule:
    data = schedules_service.ScheduleData(time=time, grams=grams, **fields)
    return await schedules_service.create(session, viewer_of(owner), device.id, data, CREATED_AT)


async def create_schedule_live(
    owner: GraphQLClient, device_id: str, **fields: Any
) -> dict[str, Any]:
    """A schedule made over GraphQL (asserted accepted), from CreateFeedingScheduleInput fields."""
    result = await owner.execute(CREATE_SCHEDULE, {"input": {"deviceId": device_id, **fields}})
    payload = result["createFeedingSchedule"]
    assert payload["userErrors"] == []
    return payload["feedingSchedule"]


async def device_get(
    server: LiveServer, path: str, device: RegisteredDevice | None, **params: str
) -> httpx.Response:
    """A GET as a PETio unit sends it: its headers, never following a redirect."""
    async with httpx.AsyncClient(
        base_url=server.base_url, timeout=30, follow_redirects=False
    ) as http:
        return await http.get(path, params=params, headers=feeder_headers(device))


async def device_post(
    server: LiveServer, path: str, body: dict[str, Any], headers: dict[str, str]
) -> httpx.Response:
    async with httpx.AsyncClient(
        base_url=server.base_url, timeout=30, follow_redirects=False
    ) as http:
        return await http.post(path, json=body, headers=headers)
