"""GraphQL types of the batteries domain: profiles, schedules, slots, their timeline, the raw
provider archive (staff), inputs and payloads."""

import datetime as dt

import strawberry
from strawberry import relay

from graphql_api.batteries.lifecycle import ScheduleEvent
from graphql_api.batteries.models import ArchiveOutcome as ArchiveOutcomeEnum
from graphql_api.batteries.models import BatteryProfile as BatteryProfileModel
from graphql_api.batteries.models import BatterySchedule as BatteryScheduleModel
from graphql_api.batteries.models import BatteryScheduleEvent as BatteryScheduleEventModel
from graphql_api.batteries.models import BatterySlot as BatterySlotModel
from graphql_api.batteries.models import ScheduleArchiveEntry as ScheduleArchiveEntryModel
from graphql_api.batteries.models import ScheduleStatus as ScheduleStatusEnum
from graphql_api.batteries.models import SlotMode as SlotModeEnum
from graphql_api.batteries.models import SlotStatus as SlotStatusEnum
from graphql_api.batteries.pipeline import FetchResult
from graphql_api.batteries.profiles import BatterySpec
from graphql_api.batteries.validation import Reason
from graphql_api.devices.types import Device
from graphql_api.payloads import Payload
from graphql_api.relay import load_nodes

BatteryScheduleStatus = strawberry.enum(
    ScheduleStatusEnum,
    description=(
        "CREATED → SENT → ACKNOWLEDGED → EXECUTED (every slot ran) | PARTIAL (some failed) | "
        "FAILED (all failed, refused by the agent, or never acknowledged); SUPERSEDED by a newer "
        "schedule for the same day."
    ),
)
BatterySlotStatus = strawberry.enum(
    SlotStatusEnum, description="PENDING until the agent reports the slot EXECUTED or FAILED."
)
BatterySlotMode = strawberry.enum(SlotModeEnum, description="What the battery does in a slot.")
ScheduleArchiveOutcome = strawberry.enum(
    ArchiveOutcomeEnum,
    description=(
        "What came of a provider response: ACCEPTED, REJECTED by validation, HTTP_ERROR "
        "(not 200), UNREACHABLE (timeout, refused), or PENDING while it is being read."
    ),
)


@strawberry.type(description="A battery's rating, capacity and site.")
class BatteryProfile:
    max_charge_kw: float = strawberry.field(description="Highest charge rate, kW.")
    max_discharge_kw: float = strawberry.field(description="Highest discharge rate, kW.")
    capacity_kwh: float = strawberry.field(description="Usable capacity, kWh.")
    time_zone: str = strawberry.field(description="The site's IANA time zone.")
    fetch_local_time: dt.time | None = strawberry.field(
        description="Site-local time tomorrow's schedule is fetched; null: the server default."
    )
    provider_url: str | None = strawberry.field(
        description="The site's schedule provider; null: the server's."
    )

    @classmethod
    def from_model(cls, profile: BatteryProfileModel) -> "BatteryProfile":
        return cls(
            max_charge_kw=profile.max_charge_kw,
            max_discharge_kw=profile.max_discharge_kw,
            capacity_kwh=profile.capacity_kwh,
            time_zone=profile.time_zone,
            fetch_local_time=profile.fetch_local_time,
            provider_url=profile.provider_url,
        )


@strawberry.input(description="A battery's rating, capacity and site (BATTERY devices only).")
class BatteryProfileInput:
    max_charge_kw: float = strawberry.field(description="Highest charge rate, kW (> 0).")
    max_discharge_kw: float = strawberry.field(description="Highest discharge rate, kW (> 0).")
    capacity_kwh: float = strawberry.field(description="Usable capacity, kWh (> 0).")
    time_zone: str = strawberry.field(description="The site's IANA time zone, e.g. Asia/Manila.")
    fetch_local_time: dt.time | None = strawberry.field(
        default=None, description="Site-local time to fetch tomorrow's schedule at."
    )
    provider_url: str | None = strawberry.field(
        default=None, description="The site's own schedule provider (http or https)."
    )

    def to_spec(self) -> BatterySpec:
        return BatterySpec(
            max_charge_kw=self.max_charge_kw,
            max_discharge_kw=self.max_discharge_kw,
            capacity_kwh=self.capacity_kwh,
            time_zone=self.time_zone.strip(),
            fetch_local_time=self.fetch_local_time,
            provider_url=self.provider_url,
        )


@strawberry.type(description="One half-hour of a battery schedule.")
class BatterySlot:
    slot: int = strawberry.field(description="0 (00:00) to 47 (23:30).")
    start: str = strawberry.field(description="Site-local start, HH:MM.")
    mode: BatterySlotMode = strawberry.field(description="charge, discharge or idle.")
    rate_kw: float = strawberry.field(description="Rate, kW (0 when idle).")
    status: BatterySlotStatus = strawberry.field(description="What the agent reported.")
    detail: str | None = strawberry.field(description="The agent's detail, e.g. why it failed.")
    reported_at: dt.datetime | None = strawberry.field(description="When the report came in.")

    @classmethod
    def from_model(cls, slot: BatterySlotModel) -> "BatterySlot":
        return cls(
            slot=slot.slot,
            start=slot.start,
            mode=slot.mode,
            rate_kw=slot.rate_kw,
            status=slot.status,
            detail=slot.detail,
            reported_at=slot.reported_at,
        )


@strawberry.type(description="A battery's schedule for one day, as delivered to its agent.")
class BatterySchedule(relay.Node):
    id: relay.NodeID[int]
    date: dt.date = strawberry.field(description="The site-local day it is for.")
    message_id: str = strawberry.field(description="Its id on the wire and in every log line.")
    status: BatteryScheduleStatus = strawberry.field(description="Where it is.")
    time_zone: str = strawberry.field(description="The site's zone the slots are in.")
    send_count: int = strawberry.field(description="How many times it was published.")
    reason: str | None = strawberry.field(description="Why it failed or was superseded.")
    created_at: dt.datetime = strawberry.field(description="When the provider's body passed.")
    last_sent_at: dt.datetime | None = strawberry.field(description="When last published.")
    acknowledged_at: dt.datetime | None = strawberry.field(description="When the agent acked.")
    finished_at: dt.datetime | None = strawberry.field(description="When it reached its end.")
    model: strawberry.Private[BatteryScheduleModel]

    @classmethod
    def from_model(cls, schedule: BatteryScheduleModel) -> "BatterySchedule":
        return cls(
            id=schedule.id,
            date=schedule.for_date,
            message_id=schedule.message_id,
            status=schedule.status,
            time_zone=schedule.time_zone,
            send_count=schedule.send_count,
            reason=schedule.reason,
            created_at=schedule.created_at,
            last_sent_at=schedule.last_sent_at,
            acknowledged_at=schedule.acknowledged_at,
            finished_at=schedule.finished_at,
            model=schedule,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: strawberry.Info, node_ids, required: bool = False):
        return await load_nodes(
            info.context.loaders.battery_schedule_by_id, node_ids, cls.from_model
        )

    @strawberry.field(description="The battery.")
    async def device(self, info: strawberry.Info) -> Device | None:
        device = await info.context.loaders.device_by_id.load(self.model.device_id)
        return Device.from_model(device) if device else None

    @strawberry.field(description="Its 48 slots, in order.")
    async def slots(self, info: strawberry.Info) -> list[BatterySlot]:
        slots = await info.context.loaders.battery_slots_by_schedule_id.load(self.model.id)
        return [BatterySlot.from_model(slot) for slot in slots]


@strawberry.type(description="One step of a schedule: its own status, or one slot's.")
class BatteryScheduleEvent:
    message_id: str = strawberry.field(description="The schedule's message_id.")
    at: dt.datetime = strawberry.field(description="Server time of the step.")
    status: str = strawberry.field(description="The schedule's new status, or the slot's.")
    slot: int | None = strawberry.field(description="The slot, for a slot's step.")
    detail: str | None = strawberry.field(description="Why, or what the agent said.")

    @classmethod
    def from_model(cls, event: BatteryScheduleEventModel) -> "BatteryScheduleEvent":
        return cls(
            message_id=event.message_id,
            at=event.at,
            status=event.status,
            slot=event.slot,
            detail=event.detail,
        )


@strawberry.type(description="A schedule and every step it went through, oldest first.")
class BatteryScheduleTimeline:
    schedule: BatterySchedule = strawberry.field(description="The schedule.")
    events: list[BatteryScheduleEvent] = strawberry.field(description="Its steps, in order.")


@strawberry.type(description="A live change of a battery's schedule or of one of its slots.")
class BatteryScheduleUpdate:
    message_id: str = strawberry.field(description="The schedule's message_id.")
    date: dt.date = strawberry.field(description="The day it is for.")
    status: BatteryScheduleStatus = strawberry.field(description="The schedule's status now.")
    slot: int | None = strawberry.field(description="The slot that changed, if one did.")
    slot_status: BatterySlotStatus | None = strawberry.field(description="That slot's status.")
    detail: str | None = strawberry.field(description="Why, or what the agent said.")
    at: dt.datetime = strawberry.field(description="Server time of the change.")

    @classmethod
    def from_event(cls, event: ScheduleEvent) -> "BatteryScheduleUpdate":
        return cls(
            message_id=event.message_id,
            date=event.for_date,
            status=event.status,
            slot=event.slot,
            slot_status=event.slot_status,
            detail=event.detail,
            at=event.at,
        )


@strawberry.type(description="A broken rule of a provider's schedule.")
class ScheduleRejectionReason:
    slot: int | None = strawberry.field(description="The slot at fault; null for the whole body.")
    reason: str = strawberry.field(description="What is wrong.")

    @classmethod
    def of(cls, reason: Reason | dict) -> "ScheduleRejectionReason":
        if isinstance(reason, Reason):
            return cls(slot=reason.slot, reason=reason.reason)
        return cls(slot=reason.get("slot"), reason=str(reason.get("reason")))


@strawberry.type(description="An HTTP header of a provider response.")
class ArchivedHeader:
    name: str = strawberry.field(description="Header name.")
    value: str = strawberry.field(description="Header value.")


@strawberry.type(description="A raw provider response, archived before it was read (staff).")
class ScheduleArchiveEntry(relay.Node):
    id: relay.NodeID[int]
    date: dt.date = strawberry.field(description="The day asked for.")
    url: str = strawberry.field(description="The URL fetched.")
    status_code: int | None = strawberry.field(description="HTTP status; null if none came.")
    headers: list[ArchivedHeader] = strawberry.field(description="Response headers.")
    body_sha256: str | None = strawberry.field(description="SHA-256 of the raw body, hex.")
    body_size: int | None = strawberry.field(description="Body size in bytes.")
    body: str | None = strawberry.field(description="The raw body (UTF-8, bad bytes replaced).")
    error: str | None = strawberry.field(description="Why no response came, if none did.")
    received_at: dt.datetime = strawberry.field(description="When it was received.")
    storage: str = strawberry.field(description="Where the body is kept (database, ...).")
    outcome: ScheduleArchiveOutcome = strawberry.field(description="What came of it.")
    reasons: list[ScheduleRejectionReason] = strawberry.field(
        description="Every reason it was rejected, with its slot."
    )
    device_id: strawberry.Private[int | None]

    @classmethod
    def from_model(cls, entry: ScheduleArchiveEntryModel) -> "ScheduleArchiveEntry":
        return cls(
            id=entry.id,
            date=entry.for_date,
            url=entry.url,
            status_code=entry.status_code,
            headers=[ArchivedHeader(name=k, value=v) for k, v in (entry.headers or {}).items()],
            body_sha256=entry.body_sha256,
            body_size=entry.body_size,
            body=entry.body.decode("utf-8", "replace") if entry.body is not None else None,
            error=entry.error,
            received_at=entry.received_at,
            storage=entry.storage,
            outcome=entry.outcome,
            reasons=[ScheduleRejectionReason.of(reason) for reason in entry.reasons or []],
            device_id=entry.device_id,
        )

    @strawberry.field(description="The battery it was fetched for.")
    async def device(self, info: strawberry.Info) -> Device | None:
        if self.device_id is None:
            return None
        device = await info.context.loaders.device_by_id.load(self.device_id)
        return Device.from_model(device) if device else None


@strawberry.input(description="The battery whose schedule for tomorrow to fetch now.")
class FetchBatteryScheduleInput:
    device_id: relay.GlobalID = strawberry.field(description="A BATTERY device.")


@strawberry.type(description="Result of fetchBatterySchedule.")
class FetchBatterySchedulePayload(Payload):
    outcome: ScheduleArchiveOutcome | None = strawberry.field(
        default=None, description="What came of the provider's last response."
    )
    schedule: BatterySchedule | None = strawberry.field(
        default=None, description="The new schedule, when the response was accepted."
    )
    archived: list[ScheduleArchiveEntry] | None = strawberry.field(
        default=None, description="Every response archived by this fetch (retries included)."
    )
    reasons: list[ScheduleRejectionReason] | None = strawberry.field(
        default=None, description="Why nothing was scheduled, with slot numbers."
    )

    @classmethod
    def of(cls, result: FetchResult) -> "FetchBatterySchedulePayload":
        return cls(
            outcome=result.outcome,
            schedule=BatterySchedule.from_model(result.schedule) if result.schedule else None,
            archived=[ScheduleArchiveEntry.from_model(entry) for entry in result.archived],
            reasons=[ScheduleRejectionReason.of(reason) for reason in result.reasons],
        )
