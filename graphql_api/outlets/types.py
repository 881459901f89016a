import datetime as dt

import strawberry
from strawberry import relay

from graphql_api.devices import service as devices_service
from graphql_api.devices.models import Device as DeviceModel
from graphql_api.devices.types import Device
from graphql_api.outlets import service as outlets_service
from graphql_api.outlets.service import HubSetup as HubSetupData
from graphql_api.outlets.service import OutletState as OutletStateData
from graphql_api.payloads import Payload


def _moment(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


@strawberry.type(
    description="An outlet's relays, threshold and last currents, as the server knows them."
)
class OutletState:
    outlet: Device = strawberry.field(description="The outlet.")
    relay_a: bool | None = strawberry.field(
        description="Socket A's relay is on; null until the outlet reports."
    )
    relay_b: bool | None = strawberry.field(
        description="Socket B's relay is on; null until the outlet reports."
    )
    threshold_milliamps: int | None = strawberry.field(
        description="The owner's threshold; a current above it raises a THRESHOLD alert."
    )
    current_a_milliamps: int | None = strawberry.field(
        description="Socket A's last current, mA (65535: trip)."
    )
    current_b_milliamps: int | None = strawberry.field(
        description="Socket B's last current, mA (65535: trip)."
    )
    overload: bool = strawberry.field(description="The last reading reported an overload trip.")
    last_reading_at: dt.datetime | None = strawberry.field(
        description="Server time of the last reading."
    )
    model: strawberry.Private[DeviceModel]

    @classmethod
    def from_model(cls, outlet: DeviceModel) -> "OutletState":
        state = OutletStateData.of(outlet)
        return cls(
            outlet=Device.from_model(outlet),
            relay_a=state.relay_a,
            relay_b=state.relay_b,
            threshold_milliamps=state.threshold_ma,
            current_a_milliamps=state.current_a,
            current_b_milliamps=state.current_b,
            overload=state.overload,
            last_reading_at=state.last_reading_at,
            model=outlet,
        )

    @strawberry.field(description="Whether it reported within the offline threshold.")
    def online(self, info: strawberry.Info) -> bool:
        return devices_service.is_online(info.context.settings, self.model, info.context.now())

    @strawberry.field(description="Whether someone is watching its telemetry live right now.")
    async def watched(self, info: strawberry.Info) -> bool:
        return await info.context.loaders.watched_since_by_device_id.load(self.model.id) is not None

    @strawberry.field(description="The hub it is on.")
    async def hub(self, info: strawberry.Info) -> Device | None:
        if self.model.parent_id is None:
            return None
        hub = await info.context.loaders.device_by_id.load(self.model.parent_id)
        return Device.from_model(hub) if hub else None


@strawberry.type(
    description="A Smart-Outlet hub: its breaker load, its outlets and which one it polls."
)
class HubState:
    hub: Device = strawberry.field(description="The hub.")
    breaker_current_milliamps: int | None = strawberry.field(
        description="Main breaker load, mA, from the last reading (1-280 mA of noise read as 0)."
    )
    breaker_reading_at: dt.datetime | None = strawberry.field(
        description="Server time of that reading."
    )
    model: strawberry.Private[DeviceModel]

    @classmethod
    def from_model(cls, hub: DeviceModel) -> "HubState":
        state = hub.state or {}
        return cls(
            hub=Device.from_model(hub),
            breaker_current_milliamps=state.get("breaker_current_ma"),
            breaker_reading_at=_moment(state.get("breaker_reading_at")),
            model=hub,
        )

    @strawberry.field(description="Whether it reported within the offline threshold.")
    def online(self, info: strawberry.Info) -> bool:
        return devices_service.is_online(info.context.settings, self.model, info.context.now())

    @strawberry.field(description="Its outlets, oldest first.")
    async def outlets(self, info: strawberry.Info) -> list[OutletState]:
        children = await info.context.loaders.devices_by_parent_id.load(self.model.id)
        return [OutletState.from_model(child) for child in children]

    @strawberry.field(description="The outlet the owner last chose with focusOutlet, if any.")
    async def chosen_outlet(self, info: strawberry.Info) -> OutletState | None:
        focus = await info.context.loaders.hub_focus_by_hub_id.load(self.model.id)
        if focus is None:
            return None
        outlet = await info.context.loaders.device_by_id.load(focus.outlet_id)
        return OutletState.from_model(outlet) if outlet else None

    @strawberry.field(
        description="The outlet the hub polls every 2 s now: one someone watches live, else the "
        "owner's choice, else null."
    )
    async def focused_outlet(self, info: strawberry.Info) -> OutletState | None:
        loaders = info.context.loaders
        children = await loaders.devices_by_parent_id.load(self.model.id)
        watched = await loaders.watched_since_by_device_id.load_many(
            [child.id for child in children]
        )
        focus = await loaders.hub_focus_by_hub_id.load(self.model.id)
        watched_since = {
            child.id: since for child, since in zip(children, watched, strict=True) if since
        }
        chosen = outlets_service.choose_focus(
            children, watched_since, focus.outlet_id if focus else None
        )
        return OutletState.from_model(chosen) if chosen else None


@strawberry.type(description="What the owner types into the hub's setup portal.")
class HubSetup:
    hub: Device = strawberry.field(description="The hub.")
    base_url_prefix: str = strawberry.field(
        description="The base URL without the key: the hub's base URL is this followed by its key."
    )
    base_url: str | None = strawberry.field(
        description="The full base URL (`…/h/<hub key>`), only when the hub's current key "
        "was given."
    )

    @classmethod
    def from_data(cls, setup: HubSetupData) -> "HubSetup":
        return cls(
            hub=Device.from_model(setup.hub),
            base_url_prefix=setup.base_url_prefix,
            base_url=setup.base_url,
        )


@strawberry.input(description="The outlet a hub should poll when nobody is watching one live.")
class FocusOutletInput:
    outlet_id: relay.GlobalID = strawberry.field(description="One of the viewer's outlets.")


@strawberry.input(description="One of the viewer's hubs.")
class IssueHubBaseUrlInput:
    hub_id: relay.GlobalID = strawberry.field(description="The hub whose key is replaced.")


@strawberry.type(description="Result of focusOutlet.")
class FocusOutletPayload(Payload):
    outlet_state: OutletState | None = strawberry.field(
        default=None, description="The chosen outlet."
    )


@strawberry.type(description="Result of issueHubBaseUrl.")
class IssueHubBaseUrlPayload(Payload):
    hub: Device | None = strawberry.field(default=None, description="The hub.")
    base_url: str | None = strawberry.field(
        default=None,
        description="Type this into the hub's setup portal. Shown this once only; the hub's "
        "previous base URL (and key) stop working.",
    )
