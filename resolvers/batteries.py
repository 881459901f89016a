import datetime as dt
from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry
from strawberry import relay

from graphql_api import events
from graphql_api.batteries import flows as batteries_flows
from graphql_api.batteries import service as batteries_service
from graphql_api.batteries.lifecycle import ScheduleEvent
from graphql_api.batteries.types import (
    BatterySchedule,
    BatteryScheduleEvent,
    BatteryScheduleTimeline,
    BatteryScheduleUpdate,
    FetchBatteryScheduleInput,
    FetchBatterySchedulePayload,
    ScheduleArchiveEntry,
)
from graphql_api.devices.types import Device
from graphql_api.execution import shared_events
from graphql_api.mutation import MutationBoundary
from graphql_api.relay import (
    After,
    Before,
    Connection,
    First,
    Last,
    build_connection,
    decode_id,
    page_args,
)

BatteryId = Annotated[relay.GlobalID, strawberry.argument(description="A BATTERY device.")]


@strawberry.type
class BatteryQueries:
    @strawberry.field(
        description=(
            "The battery's current schedule for a site-local day, with its slots; null if none. "
            "Its owner, staff and admins may read it."
        )
    )
    async def battery_schedule(
        self,
        info: strawberry.Info,
        device_id: BatteryId,
        date: Annotated[dt.date, strawberry.argument(description="The site-local day.")],
    ) -> BatterySchedule | None:
        schedule = await batteries_service.get_schedule(
            info.context.session,
            info.context.viewer,
            decode_id(device_id, Device, "deviceId"),
            date,
        )
        return BatterySchedule.from_model(schedule) if schedule else None

    @strawberry.field(
        description="Every step of the schedule a message_id names, oldest first; null if none."
    )
    async def battery_schedule_timeline(
        self,
        info: strawberry.Info,
        message_id: Annotated[str, strawberry.argument(description="The schedule's message_id.")],
    ) -> BatteryScheduleTimeline | None:
        found = await batteries_service.timeline(
            info.context.session, info.context.viewer, message_id
        )
        if found is None:
            return None
        schedule, events = found
        return BatteryScheduleTimeline(
            schedule=BatterySchedule.from_model(schedule),
            events=[BatteryScheduleEvent.from_model(event) for event in events],
        )

    @strawberry.field(
        description="Raw schedule-provider responses, newest first (staff and admins only)."
    )
    async def schedule_archive(
        self,
        info: strawberry.Info,
        device_id: Annotated[
            relay.GlobalID | None,
            strawberry.argument(description="Only responses fetched for this battery."),
        ] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[ScheduleArchiveEntry]:
        page, count = await batteries_service.list_archive(
            info.context.session,
            info.context.viewer,
            page_args(info, first, after, last, before),
            device_id=decode_id(device_id, Device, "deviceId") if device_id else None,
        )
        return build_connection(page, count, ScheduleArchiveEntry.from_model)


@strawberry.type
class BatteryMutations:
    @strawberry.mutation(
        description=(
            "Fetch the battery's schedule for tomorrow from its provider now: archived, "
            "validated, and sent to the agent if valid (staff and admins only)."
        ),
        extensions=[MutationBoundary()],
    )
    async def fetch_battery_schedule(
        self, info: strawberry.Info, input: FetchBatteryScheduleInput
    ) -> FetchBatterySchedulePayload:
        result = await batteries_flows.fetch_schedule(
            info.context.session,
            info.context.settings,
            info.context.viewer,
            decode_id(input.device_id, Device, "deviceId"),
            info.context.now(),
        )
        return FetchBatterySchedulePayload.of(result)


@strawberry.type
class BatterySubscriptions:
    @strawberry.subscription(
        description=(
            "Every change of the battery's schedules and slots, as it happens. Only its owner, "
            "staff and admins may subscribe."
        )
    )
    async def battery_schedule_updated(
        self, info: strawberry.Info, device_id: BatteryId
    ) -> AsyncGenerator[BatteryScheduleUpdate, None]:
        context = info.context
        device_pk = decode_id(device_id, Device, "deviceId")
        channel = await context.in_short_session(
            lambda session: batteries_service.require_watchable(session, context.viewer, device_pk)
        )
        async with context.subscribe(channel) as messages:
            async for update in shared_events(messages, _schedule_update):
                yield update


def _schedule_update(message: str) -> BatteryScheduleUpdate:
    # One object for every subscriber of the device: they share its execution too.
    return BatteryScheduleUpdate.from_event(events.decode(ScheduleEvent, message))
