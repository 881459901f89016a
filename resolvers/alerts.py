from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry
from strawberry import relay

from graphql_api.alerts import service as alerts_service
from graphql_api.alerts.types import (
    AcknowledgeAlertPayload,
    Alert,
    AlertIdInput,
    AlertKind,
    AlertStatus,
    ClearAlertPayload,
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


@strawberry.type
class AlertQueries:
    @strawberry.field(
        description=(
            "Alerts of the viewer's devices, newest first. With `deviceId`, that device's alerts "
            "(staff and admins: any device's)."
        )
    )
    async def alerts(
        self,
        info: strawberry.Info,
        device_id: Annotated[
            relay.GlobalID | None, strawberry.argument(description="Only this device's alerts.")
        ] = None,
        kind: Annotated[
            AlertKind | None, strawberry.argument(description="Only this kind.")
        ] = None,
        status: Annotated[
            AlertStatus | None, strawberry.argument(description="Only alerts in this status.")
        ] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Alert]:
        filters = alerts_service.AlertFilters(
            device_id=decode_id(device_id, Device, "deviceId") if device_id else None,
            kind=kind,
            status=status,
        )
        page, count = await alerts_service.list_for_viewer(
            info.context.session,
            info.context.viewer,
            page_args(info, first, after, last, before),
            filters,
        )
        return build_connection(page, count, Alert.from_model)


@strawberry.type
class AlertMutations:
    @strawberry.mutation(
        description="Acknowledge one of your ACTIVE alerts; it stays open until cleared.",
        extensions=[MutationBoundary()],
    )
    async def acknowledge_alert(
        self, info: strawberry.Info, input: AlertIdInput
    ) -> AcknowledgeAlertPayload:
        alert = await alerts_service.acknowledge(
            info.context.session,
            info.context.viewer,
            decode_id(input.id, Alert, "id"),
            info.context.now(),
        )
        return AcknowledgeAlertPayload(alert=Alert.from_model(alert))

    @strawberry.mutation(
        description="Clear one of your open alerts by hand; a condition that persists raises anew.",
        extensions=[MutationBoundary()],
    )
    async def clear_alert(self, info: strawberry.Info, input: AlertIdInput) -> ClearAlertPayload:
        alert = await alerts_service.clear(
            info.context.session,
            info.context.viewer,
            decode_id(input.id, Alert, "id"),
            info.context.now(),
        )
        return ClearAlertPayload(alert=Alert.from_model(alert))


@strawberry.type
class AlertSubscriptions:
    @strawberry.subscription(
        description="Each new alert on the viewer's devices, as it is raised, from any API process."
    )
    async def alert_raised(self, info: strawberry.Info) -> AsyncGenerator[Alert, None]:
        context = info.context
        channel = alerts_service.live_channel(context.viewer)
        async with context.subscribe(channel) as messages:
            async for message in messages:
                alert = await context.in_short_session(
                    lambda session, message=message: alerts_service.raised(
                        session, context.viewer, message
                    )
                )
                if alert is not None:
                    # Relations load through the connection's loaders: drop what an earlier
                    # event cached so this one is rendered fresh.
                    context.loaders.clear_all()
                    yield Alert.from_model(alert)
