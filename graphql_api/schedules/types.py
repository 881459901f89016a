import datetime as dt
from typing import Any

import strawberry
from strawberry import relay

from graphql_api.devices.types import Device
from graphql_api.payloads import Payload
from graphql_api.relay import decode_id, load_nodes
from graphql_api.schedules import local_time
from graphql_api.schedules.models import FeedingSchedule as FeedingScheduleModel
from graphql_api.schedules.service import ScheduleData

_DAYS_DESCRIPTION = "Days it runs: Mon, Tue, Wed, Thu, Fri, Sat, Sun (any case)."


@strawberry.type(description="A feeder's daily dispense at a local time of its owner's time zone.")
class FeedingSchedule(relay.Node):
    id: relay.NodeID[int]
    time: str = strawberry.field(
        description="Local time of day, HH:MM (24-hour), in the owner's time zone."
    )
    days_of_week: list[str] = strawberry.field(
        description="Days it runs, Mon first: Mon, Tue, ... Sun."
    )
    grams: int = strawberry.field(description="Portion in grams: 10 to 160, a multiple of 10.")
    label: str = strawberry.field(description="Owner's name for it, e.g. Breakfast; may be empty.")
    enabled: bool = strawberry.field(
        description="Whether it fires; a disabled schedule is kept but skipped."
    )
    created_at: dt.datetime = strawberry.field(description="When it was created.")
    updated_at: dt.datetime = strawberry.field(description="When it was last changed.")
    model: strawberry.Private[FeedingScheduleModel]

    @classmethod
    def from_model(cls, schedule: FeedingScheduleModel) -> "FeedingSchedule":
        return cls(
            id=schedule.id,
            time=local_time.format_hhmm(schedule.time_of_day),
            days_of_week=local_time.day_names(schedule.days_mask),
            grams=schedule.grams,
            label=schedule.label,
            enabled=schedule.enabled,
            created_at=schedule.created_at,
            updated_at=schedule.updated_at,
            model=schedule,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: strawberry.Info, node_ids, required: bool = False):
        return await load_nodes(
            info.context.loaders.feeding_schedule_by_id, node_ids, cls.from_model
        )

    @strawberry.field(description="The feeder it belongs to.")
    async def device(self, info: strawberry.Info) -> Device | None:
        device = await info.context.loaders.device_by_id.load(self.model.device_id)
        return Device.from_model(device) if device else None

    @strawberry.field(description="When the server last told the feeder to run it; null if never.")
    async def last_triggered_at(self, info: strawberry.Info) -> dt.datetime | None:
        firing = await info.context.loaders.last_schedule_firing_by_schedule_id.load(self.model.id)
        return firing.fired_at if firing else None


@strawberry.input(description="A new schedule for one of the viewer's feeders.")
class CreateFeedingScheduleInput:
    device_id: relay.GlobalID = strawberry.field(description="One of the viewer's feeders.")
    time: str = strawberry.field(
        description="Local time of day, HH:MM (24-hour), in the viewer's time zone."
    )
    grams: int = strawberry.field(description="Portion in grams: 10 to 160, a multiple of 10.")
    days_of_week: list[str] | None = strawberry.field(
        default=None, description=f"{_DAYS_DESCRIPTION} Omitted or null: every day."
    )
    label: str | None = strawberry.field(default=None, description="Up to 32 characters.")
    enabled: bool = strawberry.field(default=True, description="Whether it fires.")

    def to_device_id(self) -> int:
        return decode_id(self.device_id, Device, "deviceId")

    def to_data(self) -> ScheduleData:
        return ScheduleData(
            time=self.time,
            days_of_week=self.days_of_week,
            grams=self.grams,
            label=self.label,
            enabled=self.enabled,
        )


@strawberry.input(
    description="Changes to one of the viewer's schedules; omitted fields stay as they are."
)
class UpdateFeedingScheduleInput:
    id: relay.GlobalID = strawberry.field(description="The schedule to change.")
    time: str | None = strawberry.field(
        default=strawberry.UNSET, description="HH:MM (24-hour), local time."
    )
    grams: int | None = strawberry.field(
        default=strawberry.UNSET, description="10 to 160, a multiple of 10."
    )
    days_of_week: list[str] | None = strawberry.field(
        default=strawberry.UNSET, description=f"{_DAYS_DESCRIPTION} Null: every day."
    )
    label: str | None = strawberry.field(
        default=strawberry.UNSET, description="Up to 32 characters; null clears it."
    )
    enabled: bool | None = strawberry.field(
        default=strawberry.UNSET, description="Whether it fires."
    )

    def to_schedule_id(self) -> int:
        return decode_id(self.id, FeedingSchedule, "id")

    def to_data(self) -> ScheduleData:
        given: dict[str, Any] = {
            name: getattr(self, name)
            for name in ("time", "grams", "days_of_week", "label", "enabled")
            if getattr(self, name) is not strawberry.UNSET
        }
        # time, grams and enabled are not nullable columns: null means "no change" for them.
        for name in ("time", "grams", "enabled"):
            if given.get(name, ...) is None:
                del given[name]
        return ScheduleData(**given)


@strawberry.input(description="One of the viewer's feeding schedules.")
class DeleteFeedingScheduleInput:
    id: relay.GlobalID = strawberry.field(description="The schedule to delete.")

    def to_schedule_id(self) -> int:
        return decode_id(self.id, FeedingSchedule, "id")


@strawberry.type(description="Result of createFeedingSchedule.")
class CreateFeedingSchedulePayload(Payload):
    feeding_schedule: FeedingSchedule | None = strawberry.field(
        default=None, description="The new schedule."
    )


@strawberry.type(description="Result of updateFeedingSchedule.")
class UpdateFeedingSchedulePayload(Payload):
    feeding_schedule: FeedingSchedule | None = strawberry.field(
        default=None, description="The schedule as changed."
    )


@strawberry.type(description="Result of deleteFeedingSchedule.")
class DeleteFeedingSchedulePayload(Payload):
    deleted_feeding_schedule_id: relay.GlobalID | None = strawberry.field(
        default=None, description="ID of the deleted schedule."
    )
