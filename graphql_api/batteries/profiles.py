"""A battery's site profile: its rating, capacity, time zone, fetch time and provider.

Set when a BATTERY is registered or updated (``devices.service`` calls ``set_profile`` once it
has checked the viewer may write the device); kept apart from ``service`` so that devices can
call it without importing the rest of the batteries domain."""

import datetime as dt
import math
import zoneinfo
from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.batteries.errors import InvalidBatteryProfile
from graphql_api.batteries.models import BatteryProfile
from graphql_api.batteries.repository import ProfileRepository
from graphql_api.devices.models import Device, DeviceKind

_MAX_KW = 10_000.0


@dataclass(frozen=True, slots=True)
class BatterySpec:
    """A battery's rating, capacity and site, as registerDevice/updateDevice take them."""

    max_charge_kw: float
    max_discharge_kw: float
    capacity_kwh: float
    time_zone: str
    fetch_local_time: dt.time | None = None
    provider_url: str | None = None


def _positive(value: float, field: str) -> float:
    if not math.isfinite(value) or not 0 < value <= _MAX_KW:
        raise InvalidBatteryProfile(f"Must be above 0 and at most {_MAX_KW:g}.", field=field)
    return float(value)


def zone_of(name: str, field: str = "battery.timeZone") -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
        raise InvalidBatteryProfile(
            f"{name!r} is not an IANA time zone (e.g. Asia/Manila).", field=field
        ) from error


def _clean_url(url: str | None) -> str | None:
    url = (url or "").strip() or None
    if url is not None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname or len(url) > 300:
            raise InvalidBatteryProfile(
                "The provider URL must be an http(s) URL of at most 300 characters.",
                field="battery.providerUrl",
            )
    return url


async def set_profile(
    session: AsyncSession, device: Device, spec: BatterySpec, now: dt.datetime
) -> BatteryProfile:
    """Store a battery's rating, capacity and site; the caller already may write the device."""
    if device.kind is not DeviceKind.BATTERY:
        raise InvalidBatteryProfile("Only a battery has a rating and capacity.", field="battery")
    zone_of(spec.time_zone)
    values = {
        "max_charge_kw": _positive(spec.max_charge_kw, "battery.maxChargeKw"),
        "max_discharge_kw": _positive(spec.max_discharge_kw, "battery.maxDischargeKw"),
        "capacity_kwh": _positive(spec.capacity_kwh, "battery.capacityKwh"),
        "time_zone": spec.time_zone,
        "fetch_local_time": spec.fetch_local_time,
        "provider_url": _clean_url(spec.provider_url),
        "updated_at": now,
    }
    repository = ProfileRepository(session)
    profile = await repository.get(device.id)
    if profile is None:
        profile = repository.add(BatteryProfile(device_id=device.id, **values))
    else:
        for key, value in values.items():
            setattr(profile, key, value)
    await repository.flush()
    return profile
