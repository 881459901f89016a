import datetime as dt
from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry
from strawberry import relay

from graphql_api import events
from graphql_api.devices import service as devices_service
from graphql_api.devices.types import Device
from graphql_api.execution import shared_event_batches
from graphql_api.relay import After, Before, Connection, First, Last, decode_id
from graphql_api.telemetry import live_watch
from graphql_api.telemetry import service as telemetry_service
from graphql_api.telemetry.service import TelemetryBucket as TelemetryBucketEnum
from graphql_api.telemetry.service import (
    TelemetryPage,
    TelemetryPageArgs,
    TelemetryQuery,
)
from graphql_api.telemetry.types import TelemetryBucket, TelemetryReading, TelemetrySample


def _connection(page: TelemetryPage) -> Connection[TelemetrySample]:
    edges = [
        relay.Edge(cursor=sample.cursor, node=TelemetrySample.from_sample(sample))
        for sample in page.samples
    ]
    page_info = relay.PageInfo(
        has_next_page=page.has_next_page,
        has_previous_page=page.has_previous_page,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )
    return Connection(edges=edges, page_info=page_info, count_total=page.count_total)


@strawberry.type
class TelemetryQueries:
    @strawberry.field(
        description="A device's stored telemetry, oldest first: raw points, or min/max/avg/count "
        "per time bucket. `first`/`after` page forwards from the oldest, `last`/`before` "
        "backwards from the newest (`last: 1` is the newest sample); a page lists its samples "
        "oldest first. Null when the device does not exist or is not yours. Bucketed queries "
        "cover `from` (default: 24 h before `to`) to `to` (default: now), at most 10000 buckets."
    )
    async def telemetry(
        self,
        info: strawberry.Info,
        device_id: Annotated[relay.GlobalID, strawberry.argument(description="The device.")],
        keys: Annotated[
            list[str] | None,
            strawberry.argument(description="Only these keys (at most 10); all keys when omitted."),
        ] = None,
        from_: Annotated[
            dt.datetime | None,
            strawberry.argument(name="from", description="Received at or after this time."),
        ] = None,
        to: Annotated[
            dt.datetime | None, strawberry.argument(description="Received before this time.")
        ] = None,
        bucket: Annotated[
            TelemetryBucket | None,
            strawberry.argument(
                description="Summarise in buckets of this width; raw points when null."
            ),
        ] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[TelemetrySample] | None:
        context = info.context
        query = TelemetryQuery(
            device_id=decode_id(device_id, Device, "deviceId"),
            keys=keys or (),
            start=from_,
            end=to,
            bucket=TelemetryBucketEnum(bucket.value) if bucket is not None else None,
        )
        page = await telemetry_service.query(
            context.session,
            context.viewer,
            query,
            TelemetryPageArgs(first=first, after=after, last=last, before=before),
            max_page_size=context.settings.max_page_size,
            now=context.now(),
        )
        return _connection(page) if page is not None else None


@strawberry.type
class TelemetrySubscriptions:
    @strawberry.subscription(
        description="Every reading the device sends, as it arrives, stored or not. While you "
        "watch an outlet, its hub polls it every 2 s. Only its owner, staff and admins may "
        "subscribe."
    )
    async def telemetry_updated(
        self,
        info: strawberry.Info,
        device_id: Annotated[
            relay.GlobalID, strawberry.argument(description="The device to watch.")
        ],
    ) -> AsyncGenerator[TelemetryReading, None]:
        context = info.context
        device_pk = decode_id(device_id, Device, "deviceId")
        await context.in_short_session(
            lambda session: devices_service.require_readable(session, context.viewer, device_pk)
        )
        channel = events.device_telemetry_channel(device_pk)
        async with (
            context.subscribe(channel) as messages,
            live_watch.watching(context.app_state, device_pk),
        ):
            async for readings in shared_event_batches(messages, _readings):
                for reading in readings:
                    yield reading


def _readings(message: str) -> list[TelemetryReading]:
    # One object per reading for every subscriber of the device: they share its execution too.
    return [TelemetryReading.from_event(event) for event in telemetry_service.readings_of(message)]
