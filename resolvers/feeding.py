import datetime as dt
from typing import Annotated

import strawberry
from strawberry import relay

from graphql_api.devices.types import Device
from graphql_api.feeding import service as feeding_service
from graphql_api.feeding.types import FeedingDailyTotal, FeedingLog, FeedingSource
from graphql_api.pets.types import Pet
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


@strawberry.type
class FeedingQueries:
    @strawberry.field(
        description=(
            "Feeding logs, newest first: of one feeder or pet the viewer may watch, or of all the "
            "viewer's own feeders."
        )
    )
    async def feeding_history(
        self,
        info: strawberry.Info,
        device_id: Annotated[
            relay.GlobalID | None, strawberry.argument(description="Only this feeder's.")
        ] = None,
        pet_id: Annotated[
            relay.GlobalID | None, strawberry.argument(description="Only this pet's.")
        ] = None,
        source: Annotated[
            FeedingSource | None, strawberry.argument(description="Only from this source.")
        ] = None,
        from_: Annotated[
            dt.datetime | None,
            strawberry.argument(
                name="from", description="Fed at or after this time (UTC if no offset)."
            ),
        ] = None,
        to: Annotated[
            dt.datetime | None,
            strawberry.argument(description="Fed before this time (UTC if no offset)."),
        ] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[FeedingLog]:
        filters = feeding_service.FeedingFilters(
            device_id=decode_id(device_id, Device, "deviceId") if device_id else None,
            pet_id=decode_id(pet_id, Pet, "petId") if pet_id else None,
            source=source,
            since=from_,
            until=to,
        )
        page, count = await feeding_service.history(
            info.context.session,
            info.context.viewer,
            page_args(info, first, after, last, before),
            filters,
        )
        return build_connection(page, count, FeedingLog.from_model)

    @strawberry.field(
        description="Grams a feeder dispensed per day of its owner's calendar, for every day asked."
    )
    async def feeding_daily_totals(
        self,
        info: strawberry.Info,
        device_id: Annotated[
            relay.GlobalID, strawberry.argument(description="One feeder the viewer may watch.")
        ],
        from_: Annotated[
            dt.date, strawberry.argument(name="from", description="First day, inclusive.")
        ],
        to: Annotated[
            dt.date,
            strawberry.argument(description="Last day, inclusive; at most 366 days in all."),
        ],
    ) -> list[FeedingDailyTotal]:
        totals = await feeding_service.daily_totals(
            info.context.session,
            info.context.viewer,
            decode_id(device_id, Device, "deviceId"),
            from_,
            to,
        )
        return [FeedingDailyTotal.from_total(total) for total in totals]
