"""Device status in GraphQL: one interface, one type per kind of device.

A feeder shows its hopper and feeds, a collar its battery, heart rate and last position, an
outlet its relays and currents, a hub its breaker load; none carries another kind's fields.
Built from the device's stored ``state`` (what it last reported) or a live status event.
"""

import datetime as dt
from typing import Any

import strawberry
from strawberry import relay

from graphql_api.devices.models import DeviceKind


def _moment(state: dict[str, Any], key: str) -> dt.datetime | None:
    value = state.get(key)
    return dt.datetime.fromisoformat(value) if isinstance(value, str) and value else None


def _whole(value: Any) -> int | None:
    return int(round(value)) if isinstance(value, int | float) else None


@strawberry.interface(
    description="What a device last reported about itself; the type says which kind it is."
)
class DeviceStatus:
    device_id: relay.GlobalID = strawberry.field(description="The device reporting.")
    online: bool = strawberry.field(
        description="Whether it reported recently enough to count as online."
    )
    last_seen_at: dt.datetime | None = strawberry.field(
        description="Server time of its last report."
    )
    device_time: dt.datetime | None = strawberry.field(
        description="The device's own clock at that report; 1970 before it synced NTP."
    )


@strawberry.type(description="A PETio feeder's status: hopper, feeds and health.")
class FeederStatus(DeviceStatus):
    wifi_rssi: int | None = strawberry.field(description="Wi-Fi signal, dBm.")
    uptime_seconds: int | None = strawberry.field(description="Seconds since the device booted.")
    daily_feeds: int | None = strawberry.field(description="Feeds dispensed today.")
    last_feed_at: dt.datetime | None = strawberry.field(description="Last dispense.")
    hopper_mm: int | None = strawberry.field(description="Distance to the food, mm.")
    hopper_percent: int | None = strawberry.field(description="Hopper fill level, percent.")
    tof_ok: bool | None = strawberry.field(description="Whether the hopper sensor works.")
    error_message: str | None = strawberry.field(description="The device's last error, if any.")


@strawberry.type(description="A point on Earth, WGS 84 degrees.")
class GeoPosition:
    latitude: float = strawberry.field(description="Degrees north (negative: south).")
    longitude: float = strawberry.field(description="Degrees east (negative: west).")


@strawberry.type(description="A collar's status: battery, heart rate, last position.")
class CollarStatus(DeviceStatus):
    battery_percent: int | None = strawberry.field(description="Battery charge, percent.")
    heart_rate: int | None = strawberry.field(description="The wearer's heart rate, bpm.")
    last_position: GeoPosition | None = strawberry.field(
        description="Where the collar last reported being, if it reports positions."
    )


@strawberry.type(description="A smart outlet's status: its two relays and their currents.")
class OutletStatus(DeviceStatus):
    relay_a: bool | None = strawberry.field(description="Whether socket A is switched on.")
    relay_b: bool | None = strawberry.field(description="Whether socket B is switched on.")
    current_a_milliamps: int | None = strawberry.field(description="Socket A's current, mA.")
    current_b_milliamps: int | None = strawberry.field(description="Socket B's current, mA.")
    overload: bool | None = strawberry.field(description="Whether the outlet's breaker tripped.")
    threshold_milliamps: int | None = strawberry.field(
        description="The owner's alert threshold, mA."
    )


@strawberry.type(description="A Smart-Outlet hub's status: its main breaker load.")
class HubStatus(DeviceStatus):
    breaker_current_milliamps: int | None = strawberry.field(
        description="Load on the hub's main breaker, mA (sensor noise reads as 0)."
    )


@strawberry.type(description="A battery controller's (MAX300 edge agent's) status.")
class BatteryStatus(DeviceStatus):
    error_message: str | None = strawberry.field(description="The agent's last error, if any.")
    state_of_charge_percent: float | None = strawberry.field(
        description="State of charge at the agent's last heartbeat, percent of capacity."
    )
    state_of_charge_kwh: float | None = strawberry.field(description="State of charge, kWh.")
    mode: str | None = strawberry.field(description="What it does now: charge, discharge, idle.")
    rate_kw: float | None = strawberry.field(description="At what rate, kW.")
    slot: int | None = strawberry.field(description="The schedule slot it is in (0-47).")
    message_id: str | None = strawberry.field(description="The schedule it is running.")


def device_status(
    kind: DeviceKind,
    device_id: int,
    online: bool,
    last_seen_at: dt.datetime | None,
    state: dict[str, Any],
) -> DeviceStatus:
    common = {
        "device_id": relay.GlobalID("Device", str(device_id)),
        "online": online,
        "last_seen_at": last_seen_at,
        "device_time": _moment(state, "device_time"),
    }
    if kind is DeviceKind.FEEDER:
        return FeederStatus(
            **common,
            wifi_rssi=state.get("wifi_rssi"),
            uptime_seconds=state.get("uptime_seconds"),
            daily_feeds=state.get("daily_feeds"),
            last_feed_at=_moment(state, "last_feed_at"),
            hopper_mm=state.get("hopper_mm"),
            hopper_percent=state.get("hopper_percent"),
            tof_ok=state.get("tof_ok"),
            error_message=state.get("error_message"),
        )
    if kind is DeviceKind.COLLAR:
        position = state.get("position")
        return CollarStatus(
            **common,
            battery_percent=_whole(state.get("battery")),
            heart_rate=_whole(state.get("heart_rate")),
            last_position=GeoPosition(**position) if isinstance(position, dict) else None,
        )
    if kind is DeviceKind.OUTLET:
        return OutletStatus(
            **common,
            relay_a=state.get("relay_a"),
            relay_b=state.get("relay_b"),
            current_a_milliamps=_whole(state.get("current_a")),
            current_b_milliamps=_whole(state.get("current_b")),
            overload=state.get("overload"),
            threshold_milliamps=_whole(state.get("threshold_ma")),
        )
    if kind is DeviceKind.HUB:
        return HubStatus(
            **common, breaker_current_milliamps=_whole(state.get("breaker_current_ma"))
        )
    return BatteryStatus(
        **common,
        error_message=state.get("error_message"),
        state_of_charge_percent=state.get("soc_percent"),
        state_of_charge_kwh=state.get("soc_kwh"),
        mode=state.get("mode"),
        rate_kw=state.get("rate_kw"),
        slot=_whole(state.get("slot")),
        message_id=state.get("message_id"),
    )


STATUS_TYPES = (FeederStatus, CollarStatus, OutletStatus, HubStatus, BatteryStatus)
