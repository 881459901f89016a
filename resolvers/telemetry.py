import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import AsyncGenerator, AsyncIterator
from typing import Annotated

import strawberry
from strawberry import relay

from graphql_api import events
from graphql_api.context import Context
from graphql_api.devices import service as devices_service
from graphql_api.devices.types import Device
from graphql_api.relay import After, Connection, First, decode_id
from graphql_api.telemetry import service as telemetry_service
from graphql_api.telemetry.service import TelemetryBucket as TelemetryBucketEnum
from graphql_api.telemetry.service import TelemetryEvent, TelemetryPage, TelemetryQuery
from graphql_api.telemetry.types import TelemetryBucket, TelemetryReading, TelemetrySample

logger = logging.getLogger(__name__)


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
        "per time bucket. Null when the device does not exist or is not yours. Bucketed queries "
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
            first=first,
            after=after,
            max_page_size=context.settings.max_page_size,
            now=context.now(),
        )
        return _connection(page) if page is not None else None


async def _keep_watching(context: Context, watcher_id: str) -> None:
    while True:
        await asyncio.sleep(telemetry_service.WATCH_REFRESH.total_seconds())
        try:
            async with context.short_session() as session:
                await telemetry_service.refresh_watch(session, watcher_id, context.now())
                await session.commit()
        except Exception:  # a lost refresh only shortens the watch; keep the stream going
            logger.exception("could not refresh live watcher %s", watcher_id)


async def _end_watch(context: Context, watcher_id: str) -> None:
    async with context.short_session() as session:
        await telemetry_service.end_watch(session, watcher_id)
        await session.commit()


@contextlib.asynccontextmanager
async def _watching(context: Context, device_id: int) -> AsyncIterator[None]:
    """Count this subscription as a live watcher of the device (a hub's focus rule reads it)
    in every API process, for as long as it lasts."""
    async with context.short_session() as session:
        watcher_id = await telemetry_service.start_watch(session, device_id, context.now())
        await session.commit()
    refresher = asyncio.create_task(_keep_watching(context, watcher_id))
    try:
        yield
    finally:
        refresher.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await refresher
        # Shielded: the subscription is usually ending because its task was cancelled.
        await asyncio.shield(_end_watch(context, watcher_id))


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
        async with context.short_session() as session:
            await devices_service.require_readable(session, context.viewer, device_pk)
        channel = events.device_telemetry_channel(device_pk)
        async with (
            context.app_state.bus.subscribe(channel) as messages,
            _watching(context, device_pk),
        ):
            async for message in messages:
                yield TelemetryReading.from_event(TelemetryEvent.model_validate_json(message))
