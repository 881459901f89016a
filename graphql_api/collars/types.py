"""GraphQL types of collars: a tapped treat, its history, and the treat mutation's shapes."""

import datetime as dt

import strawberry
from strawberry import relay

from graphql_api.accounts.types import User
from graphql_api.collars.models import Treat as TreatModel
from graphql_api.commands.types import Command
from graphql_api.devices.types import Device
from graphql_api.payloads import Payload
from graphql_api.pets.types import Pet


@strawberry.type(description="A treat an owner tapped for a collar: who, when, and how it went.")
class Treat:
    issued_at: dt.datetime = strawberry.field(description="When it was tapped.")
    model: strawberry.Private[TreatModel]

    @classmethod
    def from_model(cls, treat: TreatModel) -> "Treat":
        return cls(issued_at=treat.issued_at, model=treat)

    @strawberry.field(description="Who tapped it; null if that account is gone.")
    async def issued_by(self, info: strawberry.Info) -> User | None:
        if self.model.issued_by_id is None:
            return None
        user = await info.context.loaders.user_by_id.load(self.model.issued_by_id)
        return User.from_model(user) if user else None

    @strawberry.field(description="The collar that was to dispense it.")
    async def device(self, info: strawberry.Info) -> Device | None:
        device = await info.context.loaders.device_by_id.load(self.model.device_id)
        return Device.from_model(device) if device else None

    @strawberry.field(description="The pet wearing the collar at the time, if any.")
    async def pet(self, info: strawberry.Info) -> Pet | None:
        if self.model.pet_id is None:
            return None
        pet = await info.context.loaders.pet_by_id.load(self.model.pet_id)
        return Pet.from_model(pet) if pet else None

    @strawberry.field(
        description="The TREAT command: its status is the result (SUCCEEDED, FAILED, EXPIRED)."
    )
    async def command(self, info: strawberry.Info) -> Command | None:
        command = await info.context.loaders.command_by_id.load(self.model.command_id)
        return Command.from_model(command) if command else None


@strawberry.input(description="Tap a treat: the collar dispenses one (TreatTap).")
class TreatInput:
    device_id: relay.GlobalID = strawberry.field(description="One of the viewer's collars.")


@strawberry.type(description="Result of treat.")
class TreatPayload(Payload):
    command: Command | None = strawberry.field(
        default=None,
        description="The queued TREAT command; follow it with commandUpdated.",
    )
    treat: Treat | None = strawberry.field(default=None, description="The treat, in the history.")
