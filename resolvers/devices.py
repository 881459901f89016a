from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry
from strawberry import relay

from graphql_api import events
from graphql_api.accounts.types import User
from graphql_api.devices import service as devices_service
from graphql_api.devices.status_types import DeviceStatus, device_status
from graphql_api.devices.types import (
    DeleteDevicePayload,
    Device,
    DeviceIdInput,
    DeviceKind,
    RegisterDeviceInput,
    RegisterDevicePayload,
    RotateDeviceKeyPayload,
    UpdateDeviceInput,
    UpdateDevicePayload,
    device_connection,
)
from graphql_api.execution import shared_events
from graphql_api.mutation import MutationBoundary
from graphql_api.relay import (
    After,
    Before,
    Connection,
    First,
    Last,
    decode_id,
    page_args,
)


@strawberry.type
class DeviceQueries:
    @strawberry.field(
        description=(
            "Devices, oldest first: an owner's own; for staff and admins, the whole fleet "
            "(narrowed with ownerId)."
        )
    )
    async def devices(
        self,
        info: strawberry.Info,
        kind: Annotated[
            DeviceKind | None, strawberry.argument(description="Only devices of this kind.")
        ] = None,
        online: Annotated[
            bool | None,
            strawberry.argument(
                description="Only devices online now (true) or offline now (false), as `online`."
            ),
        ] = None,
        owner_id: Annotated[
            relay.GlobalID | None,
            strawberry.argument(
                description=(
                    "Only this user's devices (staff and admins). An owner naming another user "
                    "gets none."
                )
            ),
        ] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Device]:
        filters = devices_service.DeviceFilter(
            kind=kind,
            online=online,
            owner_id=decode_id(owner_id, User, "ownerId") if owner_id else None,
        )
        page, count = await devices_service.list_for_viewer(
            info.context.session,
            info.context.viewer,
            page_args(info, first, after, last, before),
            filters,
            settings=info.context.settings,
            now=info.context.now(),
        )
        return await device_connection(info, page, count)


@strawberry.type
class DeviceMutations:
    @strawberry.mutation(
        description=(
            "Register a device to the viewer. The payload holds its API key, shown only this once."
        ),
        extensions=[MutationBoundary()],
    )
    async def register_device(
        self, info: strawberry.Info, input: RegisterDeviceInput
    ) -> RegisterDevicePayload:
        issued = await devices_service.register(
            info.context.session,
            info.context.viewer,
            input.to_registration(),
            info.context.app_state.broker,
        )
        return RegisterDevicePayload.of(issued)

    @strawberry.mutation(
        description=(
            "Issue a new API key for one of the viewer's devices; the old key stops working."
        ),
        extensions=[MutationBoundary()],
    )
    async def rotate_device_key(
        self, info: strawberry.Info, input: DeviceIdInput
    ) -> RotateDeviceKeyPayload:
        device_id = decode_id(input.id, Device, "id")
        issued = await devices_service.rotate_key(
            info.context.session, info.context.viewer, device_id, info.context.app_state.broker
        )
        return RotateDeviceKeyPayload.of(issued)

    @strawberry.mutation(
        description="Rename, move or (un)assign one of the viewer's devices.",
        extensions=[MutationBoundary()],
    )
    async def update_device(
        self, info: strawberry.Info, input: UpdateDeviceInput
    ) -> UpdateDevicePayload:
        device_id = decode_id(input.id, Device, "id")
        device = await devices_service.update(
            info.context.session, info.context.viewer, device_id, input.to_changes()
        )
        return UpdateDevicePayload(device=Device.from_model(device))

    @strawberry.mutation(
        description="Delete one of the viewer's devices; its key stops working.",
        extensions=[MutationBoundary()],
    )
    async def delete_device(
        self, info: strawberry.Info, input: DeviceIdInput
    ) -> DeleteDevicePayload:
        device = await devices_service.delete(
            info.context.session,
            info.context.viewer,
            decode_id(input.id, Device, "id"),
            info.context.app_state.broker,
        )
        return DeleteDevicePayload(deleted_device_id=relay.GlobalID("Device", str(device.id)))


@strawberry.type
class DeviceSubscriptions:
    @strawberry.subscription(
        description=(
            "The device's status now, then every report it sends. Only its owner, staff and "
            "admins may subscribe."
        )
    )
    async def device_status(
        self,
        info: strawberry.Info,
        device_id: Annotated[
            relay.GlobalID, strawberry.argument(description="The device to watch.")
        ],
    ) -> AsyncGenerator[DeviceStatus, None]:
        context = info.context
        device_pk = decode_id(device_id, Device, "deviceId")
        await _current_status(info, device_pk)  # refused before subscribing if not readable
        # Subscribe before reading the snapshot, so no report falls between the two.
        async with context.subscribe(events.device_status_channel(device_pk)) as messages:
            kind, snapshot = await _current_status(info, device_pk)
            yield snapshot
            del snapshot  # sent: not kept for as long as the subscription lives
            async for status in shared_events(messages, _status, kind):
                yield status


async def _current_status(info: strawberry.Info, device_pk: int) -> tuple[DeviceKind, DeviceStatus]:
    """The device's kind and status now, if the viewer may watch it (else DeviceNotFound).
    A function of its own so that the session and the row it read are freed on return: the
    subscription's generator, and its locals, live as long as the subscriber (~4 KB each)."""
    context = info.context
    async with context.short_session() as session:
        device = await devices_service.require_readable(session, context.viewer, device_pk)
        online = devices_service.is_online(context.settings, device, context.now())
        status = device_status(
            device.kind, device.id, online, device.last_seen_at, device.state or {}
        )
        return device.kind, status


def _status(message: str, kind: DeviceKind) -> DeviceStatus:
    # One object for every subscriber of the device: they share its execution too.
    event = events.decode(devices_service.DeviceStatusEvent, message)
    return device_status(kind, event.device_id, event.online, event.last_seen_at, event.state)
