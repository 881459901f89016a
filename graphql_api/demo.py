"""The sandbox `pawgraph seed-demo` builds, and the file that keeps its device keys.

A demo owner with two pets, a PETio feeder, a collar, a Smart-Outlet hub and its outlet, the
outlet focused (so a simulated hub posts its readings every 2 s from the first cycle, as a
real hub does for the outlet its owner watches). Device keys are stored only as hashes, so the
plain keys are kept in a file in the data folder (mode 600, beside the secret): seeding again
prints the same keys, and only a key that is not on file (or no longer matches) is replaced,
saying why. ``pawgraph simulate --demo`` reads the same file.
"""

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.accounts import service as accounts_service
from graphql_api.accounts.repository import UserRepository
from graphql_api.auth import Viewer
from graphql_api.devices import service as devices_service
from graphql_api.devices.keys import hash_key
from graphql_api.devices.models import Device, DeviceKind
from graphql_api.outlets import service as outlets_service
from graphql_api.pagination import PageArgs
from graphql_api.pets import service as pets_service
from graphql_api.pets.models import ActivityLevel, Species

DEMO_EMAIL = "demo@pawgraph.local"
# A demo account for a local sandbox, printed by seed-demo on purpose; not a secret.
DEMO_PASSWORD = "sandbox-pawgraph-2026"
KEYS_FILE_SUFFIX = ".demo-keys.json"
_OWNER_ONLY = 0o600


@dataclass(frozen=True, slots=True)
class DemoDevice:
    kind: DeviceKind
    hardware_id: str
    name: str
    api_key: str
    # Why this run issued a new key (None: the key on file still works).
    renewed_because: str | None = None


@dataclass(frozen=True, slots=True)
class DemoKeys:
    """What the keys file holds: the base URL the keys were printed for, and the devices."""

    base_url: str
    devices: list[DemoDevice]

    def of_kind(self, kind: DeviceKind) -> list[DemoDevice]:
        return [device for device in self.devices if device.kind is kind]


def _key_name(kind: DeviceKind, hardware_id: str) -> str:
    return f"{kind.value}:{hardware_id}"


def read_keys(path: Path) -> DemoKeys | None:
    """The keys file, or None when there is none (or it is not one of ours)."""
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        devices = [
            DemoDevice(DeviceKind(item["kind"]), item["hardware_id"], item["name"], item["key"])
            for item in stored["devices"]
        ]
        return DemoKeys(base_url=stored["base_url"], devices=devices)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_keys(path: Path, keys: DemoKeys) -> None:
    devices = [
        {"kind": d.kind.value, "hardware_id": d.hardware_id, "name": d.name, "key": d.api_key}
        for d in keys.devices
    ]
    body = json.dumps({"base_url": keys.base_url, "devices": devices}, indent=2) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, _OWNER_ONLY)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(body)
    os.chmod(path, _OWNER_ONLY)


async def seed(
    session: AsyncSession, kept: DemoKeys | None, today: dt.date, now: dt.datetime
) -> list[DemoDevice]:
    """Create the demo owner and devices if missing; the demo devices with their keys."""
    if await UserRepository(session).get_by_email(DEMO_EMAIL) is None:
        registration = accounts_service.Registration(
            DEMO_EMAIL, DEMO_PASSWORD, "Demo Owner", "Asia/Manila"
        )
        await accounts_service.register(session, registration)
    viewer = await _demo_viewer(session)
    page, _ = await devices_service.list_for_viewer(
        session, viewer, PageArgs(limit=100, forward=True, cursor=None)
    )
    if page.items:
        seeded = [await _keep_or_renew(session, viewer, device, kept) for device in page.items]
    else:
        seeded = await _create_devices(session, viewer, today)
    await _focus_the_outlet(session, viewer, page.items or None, now)
    return seeded


async def _demo_viewer(session: AsyncSession) -> Viewer:
    user = await UserRepository(session).get_by_email(DEMO_EMAIL)
    assert user is not None  # created just before
    return Viewer(user_id=user.id, role=user.role)


async def _keep_or_renew(
    session: AsyncSession, viewer: Viewer, device: Device, kept: DemoKeys | None
) -> DemoDevice:
    on_file = {_key_name(d.kind, d.hardware_id): d.api_key for d in kept.devices} if kept else {}
    key = on_file.get(_key_name(device.kind, device.hardware_id))
    if key is not None and hash_key(key) == device.api_key_hash:
        return DemoDevice(device.kind, device.hardware_id, device.name, key)
    reason = "its key was not on file" if key is None else "the key on file was replaced since"
    issued = await devices_service.rotate_key(session, viewer, device.id)
    return DemoDevice(device.kind, device.hardware_id, device.name, issued.api_key, reason)


async def _create_devices(
    session: AsyncSession, viewer: Viewer, today: dt.date
) -> list[DemoDevice]:
    rex = await pets_service.create(
        session,
        viewer,
        pets_service.PetData(
            name="Rex", species=Species.DOG, breed="Beagle", activity_level=ActivityLevel.HIGH
        ),
        today,
    )
    await pets_service.create(
        session, viewer, pets_service.PetData(name="Mochi", species=Species.CAT), today
    )
    register = devices_service.DeviceRegistration
    registrations = [
        register(DeviceKind.FEEDER, "Kitchen feeder", "ESP-0081CA63", pet_id=rex.id),
        register(DeviceKind.COLLAR, "Rex's collar", "SN-12345", pet_id=rex.id),
        register(DeviceKind.HUB, "Garage hub", "02"),
    ]
    issued = [await devices_service.register(session, viewer, r) for r in registrations]
    hub = issued[-1].device
    outlet = register(DeviceKind.OUTLET, "Heater outlet", "FE", parent_id=hub.id)
    issued.append(await devices_service.register(session, viewer, outlet))
    return [
        DemoDevice(i.device.kind, i.device.hardware_id, i.device.name, i.api_key) for i in issued
    ]


async def _focus_the_outlet(
    session: AsyncSession, viewer: Viewer, devices: list[Device] | None, now: dt.datetime
) -> None:
    """The owner's focus choice, unless they made one: the demo hub's first outlet."""
    if devices is None:
        page, _ = await devices_service.list_for_viewer(
            session, viewer, PageArgs(limit=100, forward=True, cursor=None)
        )
        devices = page.items
    hubs = [device.id for device in devices if device.kind is DeviceKind.HUB]
    chosen = await outlets_service.focuses_by_hub_ids(session, hubs)
    for hub_id, focus in zip(hubs, chosen, strict=True):
        outlets = [d for d in devices if d.kind is DeviceKind.OUTLET and d.parent_id == hub_id]
        if focus is None and outlets:
            await outlets_service.focus_outlet(session, viewer, outlets[0].id, now)
