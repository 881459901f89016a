import datetime as dt

import strawberry
from strawberry import relay

from graphql_api.accounts.types import User
from graphql_api.alerts.models import Alert as AlertModel
from graphql_api.alerts.models import AlertKind as AlertKindEnum
from graphql_api.alerts.models import AlertStatus as AlertStatusEnum
from graphql_api.devices.types import Device
from graphql_api.payloads import Payload
from graphql_api.relay import load_nodes

AlertKind = strawberry.enum(AlertKindEnum, description="What condition an alert reports.")
AlertStatus = strawberry.enum(
    AlertStatusEnum,
    description="ACTIVE when raised, ACKNOWLEDGED once the owner has seen it, CLEARED when over.",
)


@strawberry.type(description="A condition on a device that its owner should know about.")
class Alert(relay.Node):
    id: relay.NodeID[int]
    kind: AlertKind = strawberry.field(description="What condition it reports.")
    status: AlertStatus = strawberry.field(description="Where it is in its lifecycle.")
    message: str = strawberry.field(description="What happened, in words fit to show.")
    raised_at: dt.datetime = strawberry.field(description="When the condition was detected.")
    acknowledged_at: dt.datetime | None = strawberry.field(
        description="When the owner acknowledged it; null if they have not."
    )
    cleared_at: dt.datetime | None = strawberry.field(
        description="When it was cleared, by the owner or by the condition ending."
    )
    cleared_by_condition: bool = strawberry.field(
        description="True when it cleared because the condition ended, not by hand."
    )
    model: strawberry.Private[AlertModel]

    @classmethod
    def from_model(cls, alert: AlertModel) -> "Alert":
        return cls(
            id=alert.id,
            kind=alert.kind,
            status=alert.status,
            message=alert.message,
            raised_at=alert.raised_at,
            acknowledged_at=alert.acknowledged_at,
            cleared_at=alert.cleared_at,
            cleared_by_condition=alert.cleared_at is not None and alert.cleared_by is None,
            model=alert,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: strawberry.Info, node_ids, required: bool = False):
        return await load_nodes(info.context.loaders.alert_by_id, node_ids, cls.from_model)

    @strawberry.field(description="The device it is about.")
    async def device(self, info: strawberry.Info) -> Device | None:
        device = await info.context.loaders.device_by_id.load(self.model.device_id)
        return Device.from_model(device) if device else None

    @strawberry.field(
        description="Who cleared it by hand; null while open or if it cleared itself."
    )
    async def cleared_by(self, info: strawberry.Info) -> User | None:
        if self.model.cleared_by is None:
            return None
        user = await info.context.loaders.user_by_id.load(self.model.cleared_by)
        return User.from_model(user) if user else None


@strawberry.input(description="One of the viewer's alerts.")
class AlertIdInput:
    id: relay.GlobalID = strawberry.field(description="The alert.")


@strawberry.type(description="Result of acknowledgeAlert.")
class AcknowledgeAlertPayload(Payload):
    alert: Alert | None = strawberry.field(default=None, description="The alert, acknowledged.")


@strawberry.type(description="Result of clearAlert.")
class ClearAlertPayload(Payload):
    alert: Alert | None = strawberry.field(default=None, description="The alert, cleared.")
