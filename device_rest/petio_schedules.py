"""PETio feeder schedule routes (WIRE.md section 1): the server-side firing decision polled
every 45 s, and the config a unit reads at boot. Auth and envelope as in ``petio.py``."""

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel

from device_rest.dependencies import AppStateDep, UnitOfWork
from device_rest.petio import TAG, Feeder, ok, require_same_device
from device_rest.responses import PETIO_ERRORS, LegacyJSONResponse
from graphql_api.schedules import local_time
from graphql_api.schedules import service as schedules_service

router = APIRouter(tags=[TAG], default_response_class=LegacyJSONResponse, responses=PETIO_ERRORS)

# Every PETio route, as the boot config tells the unit where to find them.
ENDPOINTS: dict[str, str] = {
    "config": "/api/device/config/",
    "command": "/api/device/command/",
    "command_fallback": "/api/device/feed-command/",
    "command_ack": "/api/device/command/ack/",
    "command_ack_fallback": "/api/device/acknowledge/",
    "check_schedule": "/api/check-schedule/",
    "status": "/api/device/status/",
    "logs": "/api/device/logs/",
    "pair_register": "/api/device/pair/register/",
    "pair_claimed": "/api/device/pair/claimed/",
    "unpair": "/api/device/unpair/",
}

DeviceIdQuery = Annotated[str, Query(min_length=1, max_length=32, description="ESP-XXXXXXXX")]


class WireSchedule(BaseModel):
    """One entry of the ``schedules`` array, times in the owner's local time zone."""

    id: int
    time: str
    portion_size: float
    enabled: bool
    days_of_week: list[str]
    label: str

    @classmethod
    def of(cls, schedule: schedules_service.FeederSchedule) -> "WireSchedule":
        return cls(
            id=schedule.id,
            time=local_time.format_hhmm(schedule.time_of_day),
            portion_size=float(schedule.grams),
            enabled=schedule.enabled,
            days_of_week=local_time.day_names(schedule.days_mask),
            label=schedule.label,
        )


class CheckScheduleResponse(BaseModel):
    """``GET /api/check-schedule/``, exactly; the triggered fields only when should_feed."""

    should_feed: bool
    portion_size: float
    current_time: str
    schedules: list[WireSchedule]
    count: int
    triggered_schedule_id: int | None = None
    triggered_schedule_time: str | None = None


@router.get(
    "/check-schedule/",
    summary="Should the feeder run a schedule now? (every 45 s)",
    response_model=CheckScheduleResponse,
    response_model_exclude_none=True,
)
async def get_check_schedule(
    device_id: DeviceIdQuery, feeder: Feeder, session: UnitOfWork, state: AppStateDep
) -> CheckScheduleResponse:
    require_same_device(feeder, device_id)
    now = dt.datetime.now(dt.UTC)
    decision = await schedules_service.check(session, state.settings, feeder, now)
    schedules = [WireSchedule.of(schedule) for schedule in decision.schedules]
    triggered = decision.triggered
    return CheckScheduleResponse(
        should_feed=decision.should_feed,
        portion_size=decision.grams,
        current_time=local_time.format_clock_12h(decision.local_now),
        schedules=schedules,
        count=len(schedules),
        triggered_schedule_id=decision.firing_id,
        triggered_schedule_time=local_time.format_hhmm(triggered.time_of_day)
        if triggered
        else None,
    )


@router.get("/device/config/", summary="Feeder configuration at boot (403: erase key, re-pair)")
async def get_device_config(
    device_id: DeviceIdQuery, feeder: Feeder, session: UnitOfWork, state: AppStateDep
) -> dict[str, Any]:
    require_same_device(feeder, device_id)
    schedules = await schedules_service.feeder_schedules(session, state.settings, feeder)
    return ok(
        "config",
        device_id=feeder.hardware_id,
        poll_interval_sec=state.settings.petio_poll_interval_sec,
        endpoints=ENDPOINTS,
        schedules=[WireSchedule.of(schedule).model_dump() for schedule in schedules],
    )
