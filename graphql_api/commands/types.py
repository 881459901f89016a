"""GraphQL types of the commands domain: the Command node, its history, inputs and payloads."""

import datetime as dt
import enum

import strawberry
from strawberry import relay
from strawberry.scalars import JSON

from graphql_api.accounts.types import User
from graphql_api.commands.models import Command as CommandModel
from graphql_api.commands.models import CommandKind as CommandKindEnum
from graphql_api.commands.models import CommandStatus as CommandStatusEnum
from graphql_api.commands.models import CommandTransition as CommandTransitionModel
from graphql_api.devices.types import Device
from graphql_api.payloads import Payload
from graphql_api.relay import load_nodes

CommandKind = strawberry.enum(CommandKindEnum, description="What a command tells a device to do.")
CommandStatus = strawberry.enum(
    CommandStatusEnum,
    description=(
        "Where a command is: QUEUED → SENT (the device fetched it) → ACKNOWLEDGED / SUCCEEDED / "
        "FAILED, or EXPIRED when not fetched or not acknowledged in time. A command nothing can "
        "confirm (see CommandConfirmation.DELIVERY) ends DELIVERED when the device fetches it. "
        "SUCCEEDED, FAILED, EXPIRED and DELIVERED are final."
    ),
)


@strawberry.enum(description="What settles a command once its device fetched it.")
class CommandConfirmation(enum.Enum):
    OBSERVED_STATE = strawberry.enum_value(
        "OBSERVED_STATE",
        description=(
            "Confirmed by what the device later reports: a relay command SUCCEEDS when a reading "
            "shows the socket in the commanded state, and FAILS when none does in time."
        ),
    )
    DEVICE_ACK = strawberry.enum_value(
        "DEVICE_ACK",
        description=(
            "Confirmed by the device's acknowledgement (feeders, MQTT devices): SUCCEEDED or "
            "FAILED with the device's reason, EXPIRED when no ack comes in time."
        ),
    )
    DELIVERY = strawberry.enum_value(
        "DELIVERY",
        description=(
            "Nothing the device sends can confirm it (an outlet's threshold, read-sensors, "
            "ping: the hub never acks). It ends DELIVERED when the hub fetches it: the hub has "
            "it, not necessarily the outlet."
        ),
    )


@strawberry.enum(description="One of an outlet's two sockets.")
class Socket(enum.Enum):
    A = "a"
    B = "b"


@strawberry.type(description="A status a command entered.")
class CommandTransition:
    status: CommandStatus = strawberry.field(description="The status entered.")
    at: dt.datetime = strawberry.field(description="Server time it was entered.")
    reason: str | None = strawberry.field(
        description=(
            "Why, when that needs saying: the device's refusal (busy, cooldown, ...) or a timeout."
        )
    )

    @classmethod
    def from_model(cls, transition: CommandTransitionModel) -> "CommandTransition":
        return cls(status=transition.status, at=transition.at, reason=transition.reason)


@strawberry.type(description="An instruction to a device, and how it went.")
class Command(relay.Node):
    id: relay.NodeID[int]
    kind: CommandKind = strawberry.field(description="What the device is told to do.")
    args: JSON = strawberry.field(
        description=(
            "Its arguments: {grams} for FEED_NOW, {socket} for relays, "
            "{milliamps} for SET_THRESHOLD."
        )
    )
    status: CommandStatus = strawberry.field(description="Where it is in its lifecycle.")
    confirmation: CommandConfirmation = strawberry.field(
        description="What settles it once fetched: an observed state, an ack, or delivery alone."
    )
    reason: str | None = strawberry.field(
        description="Why it is in its status, if that needs saying."
    )
    group_id: str | None = strawberry.field(
        description="Shared by the commands of one operation (cutAllPower); null otherwise."
    )
    created_at: dt.datetime = strawberry.field(description="When it was issued.")
    expires_at: dt.datetime = strawberry.field(description="When it expires unless settled before.")
    sent_at: dt.datetime | None = strawberry.field(description="When the device fetched it.")
    finished_at: dt.datetime | None = strawberry.field(
        description="When it succeeded, failed or expired."
    )
    model: strawberry.Private[CommandModel]
    # Read with the command when a live update needs a fresh history (loaders cache per request).
    preloaded_transitions: strawberry.Private[list[CommandTransitionModel] | None] = None

    @classmethod
    def from_model(
        cls, command: CommandModel, transitions: list[CommandTransitionModel] | None = None
    ) -> "Command":
        return cls(
            id=command.id,
            kind=command.kind,
            args=command.args,
            status=command.status,
            confirmation=CommandConfirmation(command.confirmation.value),
            reason=command.reason,
            group_id=command.group_id,
            created_at=command.created_at,
            expires_at=command.expires_at,
            sent_at=command.sent_at,
            finished_at=command.finished_at,
            model=command,
            preloaded_transitions=transitions,
        )

    @classmethod
    def as_of(
        cls,
        command: CommandModel,
        transitions: list[CommandTransitionModel],
        status: CommandStatus,
        reason: str | None,
        at: dt.datetime,
    ) -> "Command":
        """The command as it stood when it entered ``status`` at ``at``. A live update is read
        after its transition committed, and later ones may have committed meanwhile (a hub
        fetching a command at once): each update still shows its own step."""
        node = cls.from_model(command, [row for row in transitions if row.at <= at])
        node.status = status
        node.reason = reason
        node.sent_at = _until(command.sent_at, at)
        node.finished_at = _until(command.finished_at, at)
        return node

    @classmethod
    async def resolve_nodes(cls, *, info: strawberry.Info, node_ids, required: bool = False):
        return await load_nodes(info.context.loaders.command_by_id, node_ids, cls.from_model)

    @strawberry.field(description="The device it is for.")
    async def device(self, info: strawberry.Info) -> Device | None:
        device = await info.context.loaders.device_by_id.load(self.model.device_id)
        return Device.from_model(device) if device else None

    @strawberry.field(description="Who issued it; null if the issuer's account is gone.")
    async def issued_by(self, info: strawberry.Info) -> User | None:
        if self.model.issued_by_id is None:
            return None
        user = await info.context.loaders.user_by_id.load(self.model.issued_by_id)
        return User.from_model(user) if user else None

    @strawberry.field(description="Every status it entered, oldest first.")
    async def transitions(self, info: strawberry.Info) -> list[CommandTransition]:
        rows = self.preloaded_transitions
        if rows is None:
            rows = await info.context.loaders.command_transitions_by_command_id.load(self.model.id)
        return [CommandTransition.from_model(row) for row in rows]


def _until(moment: dt.datetime | None, at: dt.datetime) -> dt.datetime | None:
    return moment if moment is not None and moment <= at else None


# ---- inputs ------------------------------------------------------------------------------------


@strawberry.input(description="Dispense a portion now.")
class FeedNowInput:
    device_id: relay.GlobalID = strawberry.field(description="One of the viewer's feeders.")
    grams: int = strawberry.field(description="10 to 160 grams, in steps of 10.")


@strawberry.input(description="Stop a feed in progress.")
class StopFeedingInput:
    device_id: relay.GlobalID = strawberry.field(description="One of the viewer's feeders.")


@strawberry.input(description="Run the feeder's calibration.")
class CalibrateInput:
    device_id: relay.GlobalID = strawberry.field(description="One of the viewer's feeders.")


@strawberry.input(description="Switch one socket of an outlet on or off.")
class SetRelayInput:
    outlet_id: relay.GlobalID = strawberry.field(description="One of the viewer's outlets.")
    socket: Socket = strawberry.field(description="Which socket.")
    on: bool = strawberry.field(description="True to switch it on, false to switch it off.")


@strawberry.input(description="Set the current above which an outlet raises a THRESHOLD alert.")
class SetThresholdInput:
    outlet_id: relay.GlobalID = strawberry.field(description="One of the viewer's outlets.")
    milliamps: int = strawberry.field(description="Above 0, below 65535 (the overload marker).")


@strawberry.input(description="Ask an outlet for a fresh reading.")
class ReadSensorsInput:
    outlet_id: relay.GlobalID = strawberry.field(description="One of the viewer's outlets.")


@strawberry.input(description="Check that a device answers.")
class PingInput:
    device_id: relay.GlobalID = strawberry.field(
        description="One of the viewer's outlets, collars or battery agents."
    )


@strawberry.input(description="Switch off every socket of every outlet of a hub.")
class CutAllPowerInput:
    hub_id: relay.GlobalID = strawberry.field(description="One of the viewer's hubs.")


# ---- payloads ----------------------------------------------------------------------------------


@strawberry.type(description="Result of feedNow.")
class FeedNowPayload(Payload):
    command: Command | None = strawberry.field(default=None, description="The queued command.")


@strawberry.type(description="Result of stopFeeding.")
class StopFeedingPayload(Payload):
    command: Command | None = strawberry.field(default=None, description="The queued command.")


@strawberry.type(description="Result of calibrate.")
class CalibratePayload(Payload):
    command: Command | None = strawberry.field(default=None, description="The queued command.")


@strawberry.type(description="Result of setRelay.")
class SetRelayPayload(Payload):
    command: Command | None = strawberry.field(
        default=None,
        description="The queued command; it succeeds when the outlet reports the new state.",
    )


@strawberry.type(description="Result of setThreshold.")
class SetThresholdPayload(Payload):
    command: Command | None = strawberry.field(
        default=None,
        description=(
            "The queued command; it ends DELIVERED when the hub fetches it (the outlet never "
            "confirms a threshold)."
        ),
    )


@strawberry.type(description="Result of readSensors.")
class ReadSensorsPayload(Payload):
    command: Command | None = strawberry.field(default=None, description="The queued command.")


@strawberry.type(description="Result of ping.")
class PingPayload(Payload):
    command: Command | None = strawberry.field(default=None, description="The queued command.")


@strawberry.type(description="Result of cutAllPower.")
class CutAllPowerPayload(Payload):
    group_id: str | None = strawberry.field(
        default=None, description="Shared by the commands; follow them with commands(groupId:)."
    )
    commands: list[Command] | None = strawberry.field(
        default=None, description="One RELAY_OFF per socket per outlet, in outlet order."
    )
