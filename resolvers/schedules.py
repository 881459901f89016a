from typing import Annotated

import strawberry
from strawberry import relay

from graphql_api.devices.types import Device
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
from graphql_api.schedules import service as schedules_service
from graphql_api.schedules.types import (
    CreateFeedingScheduleInput,
    CreateFeedingSchedulePayload,
    DeleteFeedingScheduleInput,
    DeleteFeedingSchedulePayload,
    FeedingSchedule,
    UpdateFeedingScheduleInput,
    UpdateFeedingSchedulePayload,
)


@strawberry.type
class ScheduleQueries:
    @strawberry.field(
        description="A feeder's schedules, oldest first; the feeder must be the viewer's."
    )
    async def feeding_schedules(
        self,
        info: strawberry.Info,
        device_id: Annotated[
            relay.GlobalID, strawberry.argument(description="One of the viewer's feeders.")
        ],
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[FeedingSchedule]:
        page, count = await schedules_service.list_for_device(
            info.context.session,
            info.context.viewer,
            decode_id(device_id, Device, "deviceId"),
            page_args(info, first, after, last, before),
        )
        return build_connection(page, count, FeedingSchedule.from_model)


@strawberry.type
class ScheduleMutations:
    @strawberry.mutation(
        description="Add a daily feeding at a local time to one of the viewer's feeders.",
        extensions=[MutationBoundary()],
    )
    async def create_feeding_schedule(
        self, info: strawberry.Info, input: CreateFeedingScheduleInput
    ) -> CreateFeedingSchedulePayload:
        schedule = await schedules_service.create(
            info.context.session,
            info.context.viewer,
            input.to_device_id(),
            input.to_data(),
            info.context.now(),
        )
        return CreateFeedingSchedulePayload(feeding_schedule=FeedingSchedule.from_model(schedule))

    @strawberry.mutation(
        description="Change one of the viewer's feeding schedules.", extensions=[MutationBoundary()]
    )
    async def update_feeding_schedule(
        self, info: strawberry.Info, input: UpdateFeedingScheduleInput
    ) -> UpdateFeedingSchedulePayload:
        schedule = await schedules_service.update(
            info.context.session,
            info.context.viewer,
            input.to_schedule_id(),
            input.to_data(),
            info.context.now(),
        )
        return UpdateFeedingSchedulePayload(feeding_schedule=FeedingSchedule.from_model(schedule))

    @strawberry.mutation(
        description="Delete one of the viewer's feeding schedules.", extensions=[MutationBoundary()]
    )
    async def delete_feeding_schedule(
        self, info: strawberry.Info, input: DeleteFeedingScheduleInput
    ) -> DeleteFeedingSchedulePayload:
        schedule = await schedules_service.delete(
            info.context.session, info.context.viewer, input.to_schedule_id()
        )
        return DeleteFeedingSchedulePayload(
            deleted_feeding_schedule_id=relay.GlobalID("FeedingSchedule", str(schedule.id))
        )
