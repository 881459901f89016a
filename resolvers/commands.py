from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry
from strawberry import relay

from graphql_api import events
from graphql_api.commands import service as commands_service
from graphql_api.commands.lifecycle import CommandEvent
from graphql_api.commands.types import (
    CalibrateInput,
    CalibratePayload,
    Command,
    CommandKind,
    CommandStatus,
    CutAllPowerInput,
    CutAllPowerPayload,
    FeedNowInput,
    FeedNowPayload,
    PingInput,
    PingPayload,
    ReadSensorsInput,
    ReadSensorsPayload,
    SetRelayInput,
    SetRelayPayload,
    SetThresholdInput,
    SetThresholdPayload,
    StopFeedingInput,
    StopFeedingPayload,
)
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


async def _issue(
    info: strawberry.Info, device_id: relay.GlobalID, field: str, kind: CommandKind, args: dict
) -> Command:
    command = await commands_service.issue(
        info.context.session,
        info.context.viewer,
        decode_id(device_id, Device, field),
        kind,
        args,
        info.context.now(),
        device_field=field,
    )
    return Command.from_model(command)


@strawberry.type
class CommandQueries:
    @strawberry.field(
        description=(
            "Commands, newest first: to one device the viewer may watch, or to all the viewer's "
            "own devices when deviceId is omitted."
        )
    )
    async def commands(
        self,
        info: strawberry.Info,
        device_id: Annotated[
            relay.GlobalID | None, strawberry.argument(description="Only this device's.")
        ] = None,
        status: Annotated[
            CommandStatus | None, strawberry.argument(description="Only those in this status.")
        ] = None,
        group_id: Annotated[
            str | None,
            strawberry.argument(
                description="Only one operation's (the groupId cutAllPower returned)."
            ),
        ] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Command]:
        page, count = await commands_service.list_for_viewer(
            info.context.session,
            info.context.viewer,
            page_args(info, first, after, last, before),
            device_id=decode_id(device_id, Device, "deviceId") if device_id else None,
            status=status,
            group_id=group_id,
        )
        return build_connection(page, count, Command.from_model)


@strawberry.type
class CommandMutations:
    @strawberry.mutation(
        description="Have one of the viewer's feeders dispense a portion now.",
        extensions=[MutationBoundary()],
    )
    async def feed_now(self, info: strawberry.Info, input: FeedNowInput) -> FeedNowPayload:
        command = await _issue(
            info, input.device_id, "deviceId", CommandKind.FEED_NOW, {"grams": input.grams}
        )
        return FeedNowPayload(command=command)

    @strawberry.mutation(
        description="Stop a feed in progress on one of the viewer's feeders.",
        extensions=[MutationBoundary()],
    )
    async def stop_feeding(
        self, info: strawberry.Info, input: StopFeedingInput
    ) -> StopFeedingPayload:
        return StopFeedingPayload(
            command=await _issue(info, input.device_id, "deviceId", CommandKind.STOP_FEEDING, {})
        )

    @strawberry.mutation(
        description="Run the calibration of one of the viewer's feeders.",
        extensions=[MutationBoundary()],
    )
    async def calibrate(self, info: strawberry.Info, input: CalibrateInput) -> CalibratePayload:
        return CalibratePayload(
            command=await _issue(info, input.device_id, "deviceId", CommandKind.CALIBRATE, {})
        )

    @strawberry.mutation(
        description="Switch a socket of one of the viewer's outlets; done when a reading shows it.",
        extensions=[MutationBoundary()],
    )
    async def set_relay(self, info: strawberry.Info, input: SetRelayInput) -> SetRelayPayload:
        kind = CommandKind.RELAY_ON if input.on else CommandKind.RELAY_OFF
        command = await _issue(
            info, input.outlet_id, "outletId", kind, {"socket": input.socket.value}
        )
        return SetRelayPayload(command=command)

    @strawberry.mutation(
        description="Set the current above which one of the viewer's outlets raises an alert.",
        extensions=[MutationBoundary()],
    )
    async def set_threshold(
        self, info: strawberry.Info, input: SetThresholdInput
    ) -> SetThresholdPayload:
        args = {"milliamps": input.milliamps}
        return SetThresholdPayload(
            command=await _issue(info, input.outlet_id, "outletId", CommandKind.SET_THRESHOLD, args)
        )

    @strawberry.mutation(
        description="Ask one of the viewer's outlets for a fresh reading.",
        extensions=[MutationBoundary()],
    )
    async def read_sensors(
        self, info: strawberry.Info, input: ReadSensorsInput
    ) -> ReadSensorsPayload:
        return ReadSensorsPayload(
            command=await _issue(info, input.outlet_id, "outletId", CommandKind.READ_SENSORS, {})
        )

    @strawberry.mutation(
        description="Check that one of the viewer's devices answers.",
        extensions=[MutationBoundary()],
    )
    async def ping(self, info: strawberry.Info, input: PingInput) -> PingPayload:
        return PingPayload(
            command=await _issue(info, input.device_id, "deviceId", CommandKind.PING, {})
        )

    @strawberry.mutation(
        description="Switch off every socket of every outlet of one of the viewer's hubs, at once.",
        extensions=[MutationBoundary()],
    )
    async def cut_all_power(
        self, info: strawberry.Info, input: CutAllPowerInput
    ) -> CutAllPowerPayload:
        hub_id = decode_id(input.hub_id, Device, "hubId")
        commands = await commands_service.cut_all_power(
            info.context.session, info.context.viewer, hub_id, info.context.now()
        )
        return CutAllPowerPayload(
            group_id=commands[0].group_id,
            commands=[Command.from_model(command) for command in commands],
        )


@strawberry.type
class CommandSubscriptions:
    @strawberry.subscription(
        description=(
            "Every status change of the device's commands, as it happens. Only its owner, staff "
            "and admins may subscribe."
        )
    )
    async def command_updated(
        self,
        info: strawberry.Info,
        device_id: Annotated[
            relay.GlobalID, strawberry.argument(description="The device whose commands to follow.")
        ],
    ) -> AsyncGenerator[Command, None]:
        context = info.context
        device_pk = decode_id(device_id, Device, "deviceId")
        await context.in_short_session(
            lambda session: commands_service.require_watchable(session, context.viewer, device_pk)
        )
        async with context.subscribe(events.device_commands_channel(device_pk)) as messages:
            async for message in messages:
                event = events.decode(CommandEvent, message)
                found = await context.in_short_session(
                    lambda session, event=event: commands_service.get_with_history(
                        session, context.viewer, event.command_id
                    )
                )
                if found is not None:
                    yield Command.as_of(*found, event.status, event.reason, event.at)
