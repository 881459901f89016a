"""Pairing a PETio unit with its owner (WIRE.md section 1).

1. The unit, in pairing mode, registers its hardware id and the PIN on its screen
   (:func:`register`). It has no key of its own yet, so it is authenticated by nothing but the
   fleet's ``X-API-Key`` (:func:`check_fleet_key`): pairing is the moment its key is issued.
2. The owner types the PIN into the app (:func:`claim`). It creates the FEEDER device through
   the devices service, or re-pairs the owner's own unit when that unit lost its key.
3. The unit polls for its key with its PIN every 4 s (:func:`fetch_key`). The key is minted
   at that moment and served once; only its hash is kept, on the device row.
4. Unpairing (:func:`unpair`) deletes the device.

**Who wins a unit.** Anyone who knows a chip id can register PINs for it, so a registration
never replaces another: every PIN is kept, and the unit's *slot* belongs to the oldest
registration that is still live (polled, or made, within :data:`POLL_FRESH`). The real unit
registers when its owner starts pairing and then polls every 4 s, so a stranger's later
registration never takes the slot, its claim is refused like a wrong PIN, and its polls never
see a key. A claim must name the slot holder's PIN, and every wrong claim (any account, any
address) brings the unit's waiting PINs closer to being used up (:data:`MAX_PIN_FAILURES`);
a used-up PIN keeps holding the slot while the unit still polls with it. Claims are also
limited per user, per address and per unit, and registrations per unit *and address*, so a
stranger cannot use up the unit's own 5-a-minute budget. What no server can tell apart without
a per-unit secret (which the firmware does not have): a stranger who registers and polls a
chip id *before* its unit ever pairs holds the slot like a unit would.

Two refusals must keep what the request wrote, so they are returned as ``refusal`` instead of
raised (raising rolls the unit of work back): a 409 to an already-paired unit still records its
request (the owner may re-pair it), and a poll that finds nothing claimed still marks its PIN
as polled.
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

from graphql_api import ratelimit
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
)
from graphql_api.pairing.models import PairingRequest
from graphql_api.pairing.repository import PairingRepository
from graphql_api.ratelimit import Attempts
from graphql_api.settings import Settings

TTL_DEFAULT, TTL_MIN, TTL_MAX = 300, 60, 600
# Wrong claims for a unit (from anyone) after which its waiting PINs are used up.
MAX_PIN_FAILURES = 5
# The unit polls every 4 s; a registration neither made nor polled for this long has no unit
# behind it any more and holds nothing.
POLL_FRESH = dt.timedelta(seconds=15)
_KEEP_EXPIRED = dt.timedelta(days=1)
_PIN = re.compile(r"^[0-9]{6}$")

# Opens a separate unit of work that commits when its block ends normally.
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
    secret = settings.signing_secret.encode()
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
    attempts: Attempts | None = None,
) -> Registration:
    """Record a unit in pairing mode; ``refusal`` is DeviceAlreadyPaired for a paired unit.
    The same PIN again (a retry) renews its request instead of adding one."""
    hardware_id = _unit_hardware_id(hardware_id)
    pin = _clean_pin(pin)
    ttl = min(max(ttl_seconds or TTL_DEFAULT, TTL_MIN), TTL_MAX)
    if attempts is not None:
        limiter, client = attempts.limiter, attempts.client_ip
        await limiter.hit(ratelimit.PAIR_REGISTER_PER_UNIT_IP, f"{hardware_id}|{client}")
        await limiter.hit(ratelimit.PAIR_REGISTER_PER_IP, client)
    repository = PairingRepository(session)
    await repository.prune(hardware_id, now - _KEEP_EXPIRED)
    pin_hash = _pin_hash(settings, hardware_id, pin)
    waiting = await repository.waiting_for(hardware_id, now)
    request = next(
        (
            r
            for r in waiting
            if r.key_delivered_at is None and hmac.compare_digest(r.pin_hash, pin_hash)
        ),
        None,
    )
    if request is not None:
        request.expires_at = max(request.expires_at, now + dt.timedelta(seconds=ttl))
    else:
        request = repository.add(
            PairingRequest(
                hardware_id=hardware_id,
                pin_hash=pin_hash,
                expires_at=now + dt.timedelta(seconds=ttl),
                created_at=now,
                pin_failures=0,
            )
        )
    await repository.flush()
    paired = await DeviceRepository(session).get_unparented(DeviceKind.FEEDER, hardware_id)
    return Registration(request, DeviceAlreadyPaired() if paired else None)


def _slot_holder(waiting: list[PairingRequest], now: dt.datetime) -> PairingRequest | None:
    """The request holding the unit's slot: a claimed one, else the oldest live one."""
    open_ = [request for request in waiting if request.key_delivered_at is None]
    claimed = [request for request in open_ if request.claimed_at is not None]
    if claimed:
        return claimed[0]
    live = [r for r in open_ if (r.last_polled_at or r.created_at) >= now - POLL_FRESH]
    return live[0] if live else None


def _pin_matches(settings: Settings, request: PairingRequest, pin: str) -> bool:
    return hmac.compare_digest(request.pin_hash, _pin_hash(settings, request.hardware_id, pin))


async def _count_wrong_claim(
    attempt_session: SessionFactory, hardware_id: str, now: dt.datetime
) -> None:
    # Its own unit of work (``attempt_session`` commits it): the claim's unit of work rolls
    # back when it is refused, and a rolled-back failure would not count against a guesser.
    async with attempt_session() as session:
        await PairingRepository(session).count_wrong_claim(hardware_id, now)


async def _limit_claims(attempts: Attempts, viewer: Viewer, hardware_id: str) -> None:
    limiter = attempts.limiter
    await limiter.hit(ratelimit.PIN_CLAIMS_PER_USER, str(viewer.user_id))
    await limiter.hit(ratelimit.PIN_CLAIMS_PER_IP, attempts.client_ip)
    await limiter.hit(ratelimit.PIN_CLAIMS_PER_UNIT, hardware_id)


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
    attempts: Attempts,
) -> Device:
    """Bind the unit whose slot holder shows this PIN to the viewer, as a FEEDER."""
    viewer = require_writer(viewer)
    hardware_id = devices_service.normalize_hardware_id(DeviceKind.FEEDER, claim.hardware_id)
    pin = _clean_pin(claim.pin)
    await _limit_claims(attempts, viewer, hardware_id)
    repository = PairingRepository(session)
    holder = _slot_holder(await repository.waiting_for(hardware_id, now), now)
    if (
        holder is None
        or holder.claimed_at is not None
        or holder.pin_failures >= MAX_PIN_FAILURES
        or not _pin_matches(settings, holder, pin)
    ):
        await _count_wrong_claim(attempt_session, hardware_id, now)
        raise PairingNotFound(field="pin")
    # Conditional update first: of two concurrent claims of one PIN exactly one gets here.
    if not await repository.mark_claimed(holder.id, viewer.user_id, now):
        raise PairingNotFound(field="pin")
    device = await _bind_device(session, viewer, hardware_id, claim)
    holder.device_id = device.id
    await repository.flush()
    return device


async def _wrong_poll(attempts: Attempts | None) -> KeyFetch:
    if attempts is not None:
        await attempts.limiter.record(ratelimit.PAIR_POLLS_WRONG_PIN_PER_IP, attempts.client_ip)
    return KeyFetch(refusal=PairingNotClaimed())


async def fetch_key(
    session: AsyncSession,
    settings: Settings,
    hardware_id: str,
    pin: str,
    now: dt.datetime,
    attempts: Attempts | None = None,
) -> KeyFetch:
    """The unit's key, once its owner claimed its PIN: minted now, served once, stored as a
    hash. Only a poll with the claimed PIN gets it.

    Unknown unit, wrong PIN and not-yet-claimed all answer "not claimed yet", so the route
    tells a stranger nothing about any unit; wrong PINs are limited per address.
    """
    hardware_id = _unit_hardware_id(hardware_id)
    if attempts is not None:
        await attempts.limiter.check(ratelimit.PAIR_POLLS_WRONG_PIN_PER_IP, attempts.client_ip)
    repository = PairingRepository(session)
    waiting = await repository.waiting_for(hardware_id, now)
    request = next((r for r in waiting if _pin_matches(settings, r, pin or "")), None)
    if request is None:
        return await _wrong_poll(attempts)
    request.last_polled_at = now
    await repository.flush()
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
