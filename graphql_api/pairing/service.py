"""Pairing a PETio unit with its owner (WIRE.md section 1).

1. The unit, in pairing mode, registers its hardware id and the PIN on its screen
   (:func:`register`). It has no key of its own yet, so it is authenticated by nothing but the
   fleet's ``X-API-Key`` (:func:`check_fleet_key`): pairing is the moment its key is issued.
   Nothing it is told concerns any other unit.
2. The owner types the PIN into the app (:func:`claim`): rate-limited per user, single-use.
   It creates the FEEDER device through the devices service, or re-pairs the owner's own unit
   when that unit lost its key.
3. The unit polls for its key (:func:`fetch_key`). The key is minted at that moment and served
   once; only its hash is kept, on the device row.
4. Unpairing (:func:`unpair`) deletes the device: ``devices.owner_id`` is required, and a unit
   without an owner is a unit to pair again, which re-creates its row.

Two refusals must keep what the request wrote, so they are returned as ``refusal`` instead of
raised (raising rolls the unit of work back): a 409 to an already-paired unit still records its
request (the owner may re-pair it), and a wrong PIN on a key fetch still counts.
"""

import datetime as dt
import hashlib
import hmac
import re
import secrets
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer, require_writer
from graphql_api.devices import service as devices_service
from graphql_api.devices.errors import DeviceKeyInvalid, HardwareIdTaken, InvalidHardwareId
from graphql_api.devices.keys import generate_key, hash_key
from graphql_api.devices.models import Device, DeviceKind
from graphql_api.devices.repository import DeviceRepository
from graphql_api.errors import DomainError
from graphql_api.pairing.errors import (
    DeviceAlreadyPaired,
    InvalidPairingPin,
    InvalidPairingRequest,
    PairingKeyDelivered,
    PairingNotClaimed,
    PairingNotFound,
    PairingRateLimited,
)
from graphql_api.pairing.models import PairingClaimAttempt, PairingRequest
from graphql_api.pairing.repository import ClaimAttemptRepository, PairingRepository
from graphql_api.settings import Settings

TTL_DEFAULT, TTL_MIN, TTL_MAX = 300, 60, 600
REGISTRATIONS_PER_MINUTE = 5
CLAIM_ATTEMPTS, CLAIM_WINDOW = 10, dt.timedelta(minutes=10)
# The unit always sends its own PIN; a run of wrong ones is someone guessing for its key.
MAX_PIN_FAILURES = 10
_KEEP_EXPIRED = dt.timedelta(days=1)
_PIN = re.compile(r"^[0-9]{6}$")

SessionFactory = Callable[[], AbstractAsyncContextManager[AsyncSession]]


@dataclass(frozen=True, slots=True)
class DeviceClaim:
    hardware_id: str
    pin: str
    name: str
    pet_id: int | None = None


@dataclass(frozen=True, slots=True)
class Registration:
    request: PairingRequest
    refusal: DomainError | None = None


@dataclass(frozen=True, slots=True)
class KeyFetch:
    device: Device | None = None
    api_key: str | None = None
    refusal: DomainError | None = None


def check_fleet_key(settings: Settings, api_key: str | None) -> None:
    """Pairing requests carry only the fleet constant; when one is configured it must match.

    The constant ships in every unit's firmware, so it proves little; pairing is safe because
    a key goes only to whoever knows the PIN on the unit's screen, after its owner claimed it.
    """
    fleet = settings.petio_fleet_api_key or settings.legacy_fleet_api_key
    if fleet is None:
        return
    if not api_key or not secrets.compare_digest(api_key, fleet.get_secret_value()):
        raise DeviceKeyInvalid("Invalid or missing X-API-Key.")


def _pin_hash(settings: Settings, hardware_id: str, pin: str) -> str:
    secret = settings.secret_key.get_secret_value().encode()
    return hmac.new(secret, f"{hardware_id}:{pin}".encode(), hashlib.sha256).hexdigest()


def _clean_pin(pin: str, field: str = "pin") -> str:
    if not _PIN.match(pin or ""):
        raise InvalidPairingPin(field=field)
    return pin


def _unit_hardware_id(hardware_id: str) -> str:
    try:
        return devices_service.normalize_hardware_id(DeviceKind.FEEDER, hardware_id or "")
    except InvalidHardwareId as error:
        raise InvalidPairingRequest(f"device_id: {error.message}", field="device_id") from error


async def register(
    session: AsyncSession,
    settings: Settings,
    hardware_id: str,
    pin: str,
    ttl_seconds: int | None,
    now: dt.datetime,
) -> Registration:
    """Record a unit in pairing mode; ``refusal`` is DeviceAlreadyPaired for a paired unit."""
    hardware_id = _unit_hardware_id(hardware_id)
    pin = _clean_pin(pin)
    ttl = min(max(ttl_seconds or TTL_DEFAULT, TTL_MIN), TTL_MAX)
    repository = PairingRepository(session)
    if (
        await repository.count_since(hardware_id, now - dt.timedelta(minutes=1))
        >= REGISTRATIONS_PER_MINUTE
    ):
        raise PairingRateLimited(
            f"At most {REGISTRATIONS_PER_MINUTE} pairing requests a minute per unit."
        )
    await repository.prune(hardware_id, now - _KEEP_EXPIRED)
    request = repository.add(
        PairingRequest(
            hardware_id=hardware_id,
            pin_hash=_pin_hash(settings, hardware_id, pin),
            expires_at=now + dt.timedelta(seconds=ttl),
            created_at=now,
            pin_failures=0,
        )
    )
    await repository.flush()
    paired = await DeviceRepository(session).get_unparented(DeviceKind.FEEDER, hardware_id)
    return Registration(request, DeviceAlreadyPaired() if paired else None)


async def _take_claim_attempt(
    attempt_session: SessionFactory, viewer: Viewer, now: dt.datetime
) -> None:
    # Its own short transaction, committed before the claim runs: a failed claim rolls its unit
    # of work back, and a rolled-back attempt would not count against a PIN guesser.
    async with attempt_session() as session:
        attempts = ClaimAttemptRepository(session)
        await attempts.lock_user(viewer.user_id)
        await attempts.prune(viewer.user_id, now - CLAIM_WINDOW)
        if await attempts.count_since(viewer.user_id, now - CLAIM_WINDOW) >= CLAIM_ATTEMPTS:
            raise PairingRateLimited(
                f"At most {CLAIM_ATTEMPTS} claims per {CLAIM_WINDOW.seconds // 60} minutes; "
                "try again later."
            )
        attempts.add(PairingClaimAttempt(user_id=viewer.user_id, attempted_at=now))
        await attempts.commit()


def _claimable(
    settings: Settings, request: PairingRequest | None, pin: str, now: dt.datetime
) -> bool:
    return (
        request is not None
        and request.claimed_at is None
        and request.expires_at >= now
        and request.pin_failures < MAX_PIN_FAILURES
        and hmac.compare_digest(request.pin_hash, _pin_hash(settings, request.hardware_id, pin))
    )


async def _bind_device(
    session: AsyncSession, viewer: Viewer, hardware_id: str, claim: DeviceClaim
) -> Device:
    existing = await DeviceRepository(session).get_unparented(DeviceKind.FEEDER, hardware_id)
    if existing is None:
        registration = devices_service.DeviceRegistration(
            kind=DeviceKind.FEEDER, name=claim.name, hardware_id=hardware_id, pet_id=claim.pet_id
        )
        # The key register() issues is discarded: the unit gets a fresh one when it fetches.
        return (await devices_service.register(session, viewer, registration)).device
    if existing.owner_id != viewer.user_id:
        raise HardwareIdTaken("This unit is paired to another account.", field="hardwareId")
    # The viewer's own unit lost its key (e.g. after rotateDeviceKey) and is pairing again.
    changes = devices_service.DeviceChanges(name=claim.name, pet_id=claim.pet_id)
    return await devices_service.update(session, viewer, existing.id, changes)


async def claim(
    session: AsyncSession,
    viewer: Viewer | None,
    claim: DeviceClaim,
    *,
    settings: Settings,
    now: dt.datetime,
    attempt_session: SessionFactory,
) -> Device:
    """Bind the unit waiting with this hardware id and PIN to the viewer, as a FEEDER."""
    viewer = require_writer(viewer)
    await _take_claim_attempt(attempt_session, viewer, now)
    hardware_id = devices_service.normalize_hardware_id(DeviceKind.FEEDER, claim.hardware_id)
    pin = _clean_pin(claim.pin)
    repository = PairingRepository(session)
    request = await repository.latest_for(hardware_id)
    if not _claimable(settings, request, pin, now):
        raise PairingNotFound(field="pin")
    # Conditional update first: of two concurrent claims of one PIN exactly one gets here.
    if not await repository.mark_claimed(request.id, viewer.user_id, now):
        raise PairingNotFound(field="pin")
    device = await _bind_device(session, viewer, hardware_id, claim)
    request.device_id = device.id
    await repository.flush()
    return device


async def _refuse_wrong_pin(repository: PairingRepository, request: PairingRequest) -> KeyFetch:
    request.pin_failures += 1
    await repository.flush()
    return KeyFetch(refusal=PairingNotClaimed())


async def fetch_key(
    session: AsyncSession, settings: Settings, hardware_id: str, pin: str, now: dt.datetime
) -> KeyFetch:
    """The unit's key, once its owner claimed it: minted now, served once, stored as a hash.

    Unknown unit, wrong PIN and not-yet-claimed all answer "not claimed yet", so the route
    tells a stranger nothing about any unit.
    """
    hardware_id = _unit_hardware_id(hardware_id)
    repository = PairingRepository(session)
    request = await repository.latest_for(hardware_id)
    if request is None or request.pin_failures >= MAX_PIN_FAILURES:
        return KeyFetch(refusal=PairingNotClaimed())
    if not hmac.compare_digest(request.pin_hash, _pin_hash(settings, hardware_id, pin or "")):
        return await _refuse_wrong_pin(repository, request)
    if request.claimed_at is None or request.device_id is None:
        return KeyFetch(refusal=PairingNotClaimed())
    if request.key_delivered_at is not None or not await repository.mark_delivered(request.id, now):
        return KeyFetch(refusal=PairingKeyDelivered())
    device = await DeviceRepository(session).get_unparented(DeviceKind.FEEDER, hardware_id)
    if device is None or device.id != request.device_id:
        return KeyFetch(refusal=PairingNotClaimed())
    api_key = generate_key()
    device.api_key_hash = hash_key(api_key)
    await repository.flush()
    return KeyFetch(device=device, api_key=api_key)


async def unpair(session: AsyncSession, device: Device) -> Device:
    """The unit left its owner: delete the device (its key, schedules and pending pairing go
    with it); pairing it again creates a new device."""
    await DeviceRepository(session).delete(device)
    return device
