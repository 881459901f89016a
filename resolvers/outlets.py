from typing import Annotated

import strawberry
from strawberry import relay

from graphql_api.devices.types import Device
from graphql_api.mutation import MutationBoundary
from graphql_api.outlets import service as outlets_service
from graphql_api.outlets.types import (
    FocusOutletInput,
    FocusOutletPayload,
    HubSetup,
    HubState,
    IssueHubBaseUrlInput,
    IssueHubBaseUrlPayload,
    OutletState,
)
from graphql_api.relay import decode_id


@strawberry.type
class OutletQueries:
    @strawberry.field(
        description="An outlet's relays, threshold and last currents; null if not yours."
    )
    async def outlet_state(
        self,
        info: strawberry.Info,
        outlet_id: Annotated[relay.GlobalID, strawberry.argument(description="The outlet.")],
    ) -> OutletState | None:
        outlet_pk = decode_id(outlet_id, Device, "outletId")
        outlet = await outlets_service.get_outlet(
            info.context.session, info.context.viewer, outlet_pk
        )
        return OutletState.from_model(outlet) if outlet else None

    @strawberry.field(description="A hub's breaker load, outlets and focus; null if not yours.")
    async def hub_state(
        self,
        info: strawberry.Info,
        hub_id: Annotated[relay.GlobalID, strawberry.argument(description="The hub.")],
    ) -> HubState | None:
        hub = await outlets_service.get_hub(
            info.context.session, info.context.viewer, decode_id(hub_id, Device, "hubId")
        )
        return HubState.from_model(hub) if hub else None

    @strawberry.field(
        description="The base URL to type into the hub's setup portal. Only the key's hash is "
        "stored: pass the key registerDevice gave you to get the full URL, or call "
        "issueHubBaseUrl for a new one. Null if the hub is not yours."
    )
    async def hub_setup(
        self,
        info: strawberry.Info,
        hub_id: Annotated[relay.GlobalID, strawberry.argument(description="The hub.")],
        api_key: Annotated[
            str | None,
            strawberry.argument(description="The hub's current key, to build its full base URL."),
        ] = None,
    ) -> HubSetup | None:
        context = info.context
        setup = await outlets_service.hub_setup(
            context.session,
            context.viewer,
            context.settings,
            decode_id(hub_id, Device, "hubId"),
            api_key,
        )
        return HubSetup.from_data(setup) if setup else None


@strawberry.type
class OutletMutations:
    @strawberry.mutation(
        description="Choose the outlet the hub polls every 2 s when nobody is watching one live.",
        extensions=[MutationBoundary()],
    )
    async def focus_outlet(
        self, info: strawberry.Info, input: FocusOutletInput
    ) -> FocusOutletPayload:
        context = info.context
        outlet_pk = decode_id(input.outlet_id, Device, "outletId")
        outlet = await outlets_service.focus_outlet(
            context.session, context.viewer, outlet_pk, context.now()
        )
        return FocusOutletPayload(outlet_state=OutletState.from_model(outlet))

    @strawberry.mutation(
        description="Replace the hub's key and answer its new base URL (`…/h/<key>`), shown this "
        "once; type it into the hub's setup portal. The old base URL stops working.",
        extensions=[MutationBoundary()],
    )
    async def issue_hub_base_url(
        self, info: strawberry.Info, input: IssueHubBaseUrlInput
    ) -> IssueHubBaseUrlPayload:
        context = info.context
        hub_pk = decode_id(input.hub_id, Device, "hubId")
        setup = await outlets_service.issue_hub_base_url(
            context.session, context.viewer, context.settings, hub_pk
        )
        return IssueHubBaseUrlPayload(hub=Device.from_model(setup.hub), base_url=setup.base_url)
