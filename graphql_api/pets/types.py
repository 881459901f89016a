import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay

from graphql_api.accounts.types import User
from graphql_api.payloads import Payload
from graphql_api.pets.models import ActivityLevel as ActivityLevelEnum
from graphql_api.pets.models import Pet as PetModel
from graphql_api.pets.models import Species as SpeciesEnum
from graphql_api.pets.service import PetData
from graphql_api.relay import (
    After,
    Before,
    Connection,
    First,
    Last,
    load_nodes,
    page_args,
)

if TYPE_CHECKING:
    from graphql_api.behaviour.types import PetTimeline
    from graphql_api.devices.types import Device

Species = strawberry.enum(SpeciesEnum, description="Kind of animal.")
ActivityLevel = strawberry.enum(ActivityLevelEnum, description="How active the pet usually is.")


@strawberry.type(description="An animal owned by a user.")
class Pet(relay.Node):
    id: relay.NodeID[int]
    name: str = strawberry.field(description="The pet's name.")
    species: Species = strawberry.field(description="Kind of animal.")
    breed: str | None = strawberry.field(description="Breed, if known.")
    birthdate: dt.date | None = strawberry.field(description="Date of birth, if known.")
    weight_kg: float | None = strawberry.field(description="Weight in kilograms.")
    activity_level: ActivityLevel = strawberry.field(description="How active the pet usually is.")
    neutered: bool = strawberry.field(description="Whether the pet is neutered or spayed.")
    food_kcal_per_kg: int | None = strawberry.field(
        description="The energy of the pet's food, kcal per kg (from its label); nutrition "
        "plans need it."
    )
    created_at: dt.datetime = strawberry.field(description="When the pet was added.")
    owner_id: strawberry.Private[int]

    @classmethod
    def from_model(cls, pet: PetModel) -> "Pet":
        return cls(
            id=pet.id,
            name=pet.name,
            species=pet.species,
            breed=pet.breed,
            birthdate=pet.birthdate,
            weight_kg=float(pet.weight_kg) if pet.weight_kg is not None else None,
            activity_level=pet.activity_level,
            neutered=pet.neutered,
            food_kcal_per_kg=pet.food_kcal_per_kg,
            created_at=pet.created_at,
            owner_id=pet.owner_id,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: strawberry.Info, node_ids, required: bool = False):
        return await load_nodes(info.context.loaders.pet_by_id, node_ids, cls.from_model)

    @strawberry.field(description="The pet's owner.")
    async def owner(self, info: strawberry.Info) -> User | None:
        user = await info.context.loaders.user_by_id.load(self.owner_id)
        return User.from_model(user) if user else None

    @strawberry.field(description="Devices assigned to this pet (collars, feeders), oldest first.")
    async def devices(
        self,
        info: strawberry.Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Annotated["Device", strawberry.lazy("graphql_api.devices.types")]]:
        from graphql_api.devices.types import device_connection  # noqa: PLC0415 - devices.types imports this module

        loaders = info.context.loaders
        page = await loaders.device_page_by_pet_id.load(
            (self.id, (page_args(info, first, after, last, before), None))
        )
        return await device_connection(
            info, page, lambda: loaders.device_count_by_pet_id.load((self.id, None))
        )

    @strawberry.field(
        description="The pet's day: segments and minutes per activity, in the owner's time zone."
    )
    async def timeline(
        self,
        info: strawberry.Info,
        date: Annotated[dt.date, strawberry.argument(description="The owner's local day.")],
    ) -> Annotated["PetTimeline", strawberry.lazy("graphql_api.behaviour.types")] | None:
        from graphql_api.behaviour.types import PetTimeline  # noqa: PLC0415 - behaviour.types imports this module

        found = await info.context.loaders.timeline_by_pet_day.load((self.id, date))
        return PetTimeline.from_data(found) if found else None


def _decimal(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(value))


@strawberry.input(description="A new pet of the viewer's.")
class CreatePetInput:
    name: str = strawberry.field(description="1 to 60 characters.")
    species: Species = strawberry.field(description="Kind of animal.")
    breed: str | None = strawberry.field(default=None, description="Breed, up to 80 characters.")
    birthdate: dt.date | None = strawberry.field(default=None, description="Not in the future.")
    weight_kg: float | None = strawberry.field(default=None, description="Above 0, at most 500.")
    activity_level: ActivityLevel = strawberry.field(
        default=ActivityLevelEnum.MODERATE, description="How active the pet usually is."
    )
    neutered: bool = strawberry.field(default=False, description="Neutered or spayed.")
    food_kcal_per_kg: int | None = strawberry.field(
        default=None, description="The food's energy, 300 to 9000 kcal/kg (from its label)."
    )

    def to_data(self) -> PetData:
        return PetData(
            name=self.name,
            species=self.species,
            breed=self.breed,
            birthdate=self.birthdate,
            weight_kg=_decimal(self.weight_kg),
            activity_level=self.activity_level,
            neutered=self.neutered,
            food_kcal_per_kg=self.food_kcal_per_kg,
        )


@strawberry.input(
    description="Changes to one of the viewer's pets; omitted fields stay as they are."
)
class UpdatePetInput:
    id: relay.GlobalID = strawberry.field(description="The pet to change.")
    name: str | None = strawberry.field(default=strawberry.UNSET, description="1 to 60 characters.")
    species: Species | None = strawberry.field(
        default=strawberry.UNSET, description="Kind of animal."
    )
    breed: str | None = strawberry.field(
        default=strawberry.UNSET, description="Breed; null clears it."
    )
    birthdate: dt.date | None = strawberry.field(
        default=strawberry.UNSET, description="Null clears it."
    )
    weight_kg: float | None = strawberry.field(
        default=strawberry.UNSET, description="Null clears it."
    )
    activity_level: ActivityLevel | None = strawberry.field(
        default=strawberry.UNSET, description="Activity."
    )
    neutered: bool | None = strawberry.field(
        default=strawberry.UNSET, description="Neutered or spayed."
    )
    food_kcal_per_kg: int | None = strawberry.field(
        default=strawberry.UNSET, description="The food's energy, kcal/kg; null clears it."
    )

    def to_data(self) -> PetData:
        given = {
            name: getattr(self, name)
            for name in (
                "name",
                "species",
                "breed",
                "birthdate",
                "activity_level",
                "neutered",
                "food_kcal_per_kg",
            )
            if getattr(self, name) is not strawberry.UNSET
        }
        if self.weight_kg is not strawberry.UNSET:
            given["weight_kg"] = _decimal(self.weight_kg)
        return PetData(**given)


@strawberry.input(description="The pet to delete.")
class DeletePetInput:
    id: relay.GlobalID = strawberry.field(description="The pet to delete.")


@strawberry.type(description="Result of createPet.")
class CreatePetPayload(Payload):
    pet: Pet | None = strawberry.field(default=None, description="The new pet.")


@strawberry.type(description="Result of updatePet.")
class UpdatePetPayload(Payload):
    pet: Pet | None = strawberry.field(default=None, description="The pet as changed.")


@strawberry.type(description="Result of deletePet.")
class DeletePetPayload(Payload):
    deleted_pet_id: relay.GlobalID | None = strawberry.field(
        default=None, description="ID of the deleted pet."
    )
