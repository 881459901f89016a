"""Devices registered straight through the service on the test's rolled-back session."""

import itertools
import random
import secrets

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.accounts.models import User
from graphql_api.devices import service as devices_service
from graphql_api.devices.models import Device, DeviceKind
from graphql_api.devices.service import IssuedKey
from tests.factories.accounts import viewer_of


def feeder_hardware_id() -> str:
    """A fresh ``ESP-XXXXXXXX`` id (4 random bytes: collisions within a test are negligible)."""
    return f"ESP-{secrets.token_hex(4).upper()}"


def outlet_hardware_id() -> str:
    """Outlet ids are 2 hex digits, unique within their hub only."""
    return secrets.token_hex(1).upper()


_HUB_IDS = itertools.cycle(f"{number:02X}" for number in random.sample(range(256), 256))


def hub_hardware_id() -> str:
    """A CCU id; unique per owner only, and successive calls never repeat within 256."""
    return next(_HUB_IDS)


def collar_hardware_id() -> str:
    return f"collar-{secrets.token_hex(6)}"


async def register_device(
    session: AsyncSession,
    owner: User,
    kind: DeviceKind = DeviceKind.FEEDER,
    *,
    hardware_id: str | None = None,
    name: str = "Kitchen feeder",
    pet_id: int | None = None,
    parent_id: int | None = None,
) -> IssuedKey:
    """A device and its one-time API key."""
    registration = devices_service.DeviceRegistration(
        kind=kind,
        name=name,
        hardware_id=hardware_id or _default_hardware_id(kind),
        pet_id=pet_id,
        parent_id=parent_id,
    )
    return await devices_service.register(session, viewer_of(owner), registration)


async def create_device(session: AsyncSession, owner: User, **options) -> Device:
    return (await register_device(session, owner, **options)).device


def _default_hardware_id(kind: DeviceKind) -> str:
    if kind is DeviceKind.FEEDER:
        return feeder_hardware_id()
    if kind is DeviceKind.OUTLET:
        return outlet_hardware_id()
    if kind is DeviceKind.HUB:
        return hub_hardware_id()
    return collar_hardware_id()
