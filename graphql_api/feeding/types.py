"""GraphQL types of the feeding domain: the FeedingLog node and daily totals."""

import datetime as dt

import strawberry
from strawberry import relay

from graphql_api.commands.types import Command
from graphql_api.devices.types import Device
from graphql_api.feeding.models import FeedingLog as FeedingLogModel
from graphql_api.feeding.models import FeedingSource as FeedingSourceEnum
from graphql_api.feeding.service import DailyTotal
from graphql_api.pets.types import Pet
from graphql_api.relay import load_nodes

FeedingSource = strawberry.enum(
    FeedingSourceEnum,
    description="What made the feeder dispense: a schedule, its button, or feed-now in the app.",
)


@strawberry.type(description="A portion a feeder reported it dispensed.")
class FeedingLog(relay.Node):
    id: relay.NodeID[int]
    grams: float = strawberry.field(description="Grams dispensed, as the feeder counted them.")
    source: FeedingSource = strawberry.field(description="What made it dispense.")
    fed_at: dt.datetime = strawberry.field(
        description="When: the feeder's clock when it was plausible, else when the log arrived."
    )
    device_time: dt.datetime | None = strawberry.field(
        description="The feeder's clock as sent (1970 before NTP sync); null if it sent none."
    )
    received_at: dt.datetime = strawberry.field(description="Server time the log arrived.")
    notes: str | None = strawberry.field(description="The feeder's notes, if any.")
    model: strawberry.Private[FeedingLogModel]

    @classmethod
    def from_model(cls, log: FeedingLogModel) -> "FeedingLog":
        return cls(
            id=log.id,
            grams=float(log.grams),
            source=log.source,
            fed_at=log.fed_at,
            device_time=log.device_time,
            received_at=log.received_at,
            notes=log.notes,
            model=log,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: strawberry.Info, node_ids, required: bool = False):
        return await load_nodes(info.context.loaders.feeding_log_by_id, node_ids, cls.from_model)

    @strawberry.field(description="The feeder.")
    async def device(self, info: strawberry.Info) -> Device | None:
        device = await info.context.loaders.device_by_id.load(self.model.device_id)
        return Device.from_model(device) if device else None

    @strawberry.field(description="The pet the feeder served when the log arrived, if any.")
    async def pet(self, info: strawberry.Info) -> Pet | None:
        if self.model.pet_id is None:
            return None
        pet = await info.context.loaders.pet_by_id.load(self.model.pet_id)
        return Pet.from_model(pet) if pet else None

    @strawberry.field(
        description="The feed-now command this dispense carried out, for REMOTE_COMMAND logs."
    )
    async def command(self, info: strawberry.Info) -> Command | None:
        if self.model.command_id is None:
            return None
        command = await info.context.loaders.command_by_id.load(self.model.command_id)
        return Command.from_model(command) if command else None


@strawberry.type(description="What a feeder dispensed on one day of its owner's calendar.")
class FeedingDailyTotal:
    date: dt.date = strawberry.field(description="The day, in the owner's time zone.")
    grams: float = strawberry.field(description="Grams dispensed that day.")
    feeds: int = strawberry.field(description="How many dispenses.")

    @classmethod
    def from_total(cls, total: DailyTotal) -> "FeedingDailyTotal":
        return cls(date=total.day, grams=total.grams, feeds=total.feeds)
