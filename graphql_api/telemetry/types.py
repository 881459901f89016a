import datetime as dt

import strawberry
from strawberry import relay

from graphql_api.telemetry.service import TelemetryBucket as TelemetryBucketEnum
from graphql_api.telemetry.service import TelemetryEvent
from graphql_api.telemetry.service import TelemetrySample as Sample

TelemetryBucket = strawberry.enum(
    TelemetryBucketEnum,
    description="Width of the time buckets telemetry is summarised in; buckets start on the "
    "width's boundaries in UTC.",
)


@strawberry.type(
    description="A raw telemetry point (count 1), or the summary of a time bucket of points."
)
class TelemetrySample:
    key: str = strawberry.field(
        description="What was measured: current_a, current_b, breaker_current, ..."
    )
    at: dt.datetime = strawberry.field(
        description="Server receive time of a raw point; the start of a bucket."
    )
    end: dt.datetime | None = strawberry.field(
        description="End of a bucket (exclusive); null for a raw point."
    )
    value: float = strawberry.field(description="The raw value; a bucket's average.")
    min: float = strawberry.field(
        description="Smallest value in the bucket (a raw point: its value)."
    )
    max: float = strawberry.field(
        description="Largest value in the bucket (a raw point: its value)."
    )
    avg: float = strawberry.field(description="Average of the bucket (a raw point: its value).")
    count: int = strawberry.field(description="How many points the bucket holds (a raw point: 1).")
    device_time: dt.datetime | None = strawberry.field(
        description="The device's own clock for a raw point, if it sent one; 1970 before NTP sync."
    )

    @classmethod
    def from_sample(cls, sample: Sample) -> "TelemetrySample":
        return cls(
            key=sample.key,
            at=sample.at,
            end=sample.end,
            value=sample.value,
            min=sample.minimum,
            max=sample.maximum,
            avg=sample.average,
            count=sample.count,
            device_time=sample.device_time,
        )


@strawberry.type(description="One measured value of a live reading.")
class TelemetryValue:
    key: str = strawberry.field(
        description="What was measured: current_a, current_b, breaker_current, ..."
    )
    value: float = strawberry.field(description="The value, in the key's unit (currents in mA).")


@strawberry.type(description="A reading as it arrived, whether or not it was stored.")
class TelemetryReading:
    device_id: relay.GlobalID = strawberry.field(description="The device it is about.")
    received_at: dt.datetime = strawberry.field(description="Server time it arrived.")
    device_time: dt.datetime | None = strawberry.field(
        description="The device's own clock, if it sent one."
    )
    values: list[TelemetryValue] = strawberry.field(
        description="The measurements. An outlet's 0xFFFF overload marker is not a current and "
        "is left out; see `overload`."
    )
    persisted: bool = strawberry.field(
        description="Whether this reading was stored (at most one per persist interval is)."
    )
    relay_a: bool | None = strawberry.field(description="Outlets: socket A's relay is on.")
    relay_b: bool | None = strawberry.field(description="Outlets: socket B's relay is on.")
    overload: bool | None = strawberry.field(
        description="Outlets: the reading reports an overload trip."
    )

    @classmethod
    def from_event(cls, event: TelemetryEvent) -> "TelemetryReading":
        state = event["state"]
        return cls(
            device_id=relay.GlobalID("Device", str(event["device_id"])),
            received_at=event["received_at"],
            device_time=event["device_time"],
            values=[TelemetryValue(key=key, value=value) for key, value in event["values"].items()],
            persisted=event["persisted"],
            relay_a=state.get("relay_a"),
            relay_b=state.get("relay_b"),
            overload=state.get("overload"),
        )
