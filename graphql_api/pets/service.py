"""Pets: an owner's animals. Staff may read every pet; only the owner changes one."""

import datetime as dt
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer, require_viewer, require_writer
from graphql_api.pagination import Page, PageArgs
from graphql_api.partial import UNSET, given_fields
from graphql_api.pets.errors import InvalidPet, PetNotFound
from graphql_api.pets.models import ActivityLevel, Pet, Species
from graphql_api.pets.repository import PetRepository

MAX_WEIGHT_KG = Decimal("500")
# Pet foods run from ~700 kcal/kg (wet) to ~5000 (dry, high fat); outside this is a typo.
FOOD_KCAL_PER_KG = (300, 9000)


@dataclass(frozen=True, slots=True)
class PetData:
    """Fields to set; on update, ``UNSET`` leaves a field as it is."""

    name: str = UNSET
    species: Species = UNSET
    breed: str | None = UNSET
    birthdate: dt.date | None = UNSET
    weight_kg: Decimal | None = UNSET
    activity_level: ActivityLevel = UNSET
    neutered: bool = UNSET
    food_kcal_per_kg: int | None = UNSET

    def given(self) -> dict[str, Any]:
        return given_fields(self)


_NOT_NULL = {
    "name": "name",
    "species": "species",
    "activity_level": "activityLevel",
    "neutered": "neutered",
}


def _validate(values: dict[str, Any], today: dt.date) -> dict[str, Any]:
    for name, field in _NOT_NULL.items():
        if name in values and values[name] is None:
            raise InvalidPet(f"`{field}` cannot be null.", field=field)
    if "name" in values:
        values["name"] = values["name"].strip()
        if not 1 <= len(values["name"]) <= 60:
            raise InvalidPet("The name must have 1 to 60 characters.", field="name")
    if values.get("breed") is not None:
        values["breed"] = values["breed"].strip() or None
        if values["breed"] and len(values["breed"]) > 80:
            raise InvalidPet("The breed must have at most 80 characters.", field="breed")
    if values.get("birthdate") is not None and values["birthdate"] > today:
        raise InvalidPet("The birthdate cannot be in the future.", field="birthdate")
    weight = values.get("weight_kg")
    if weight is not None and not (0 < weight <= MAX_WEIGHT_KG):
        raise InvalidPet(
            f"The weight must be above 0 and at most {MAX_WEIGHT_KG} kg.", field="weightKg"
        )
    if weight is not None:
        values["weight_kg"] = weight.quantize(Decimal("0.01"))
    food = values.get("food_kcal_per_kg")
    if food is not None and not FOOD_KCAL_PER_KG[0] <= food <= FOOD_KCAL_PER_KG[1]:
        low, high = FOOD_KCAL_PER_KG
        raise InvalidPet(
            f"The food's energy must be {low} to {high} kcal/kg.", field="foodKcalPerKg"
        )
    return values


async def create(
    session: AsyncSession, viewer: Viewer | None, data: PetData, today: dt.date
) -> Pet:
    viewer = require_writer(viewer)
    values = _validate(data.given(), today)
    if "name" not in values or "species" not in values:
        raise InvalidPet("A pet needs a name and a species.", field="name")
    repository = PetRepository(session)
    pet = repository.add(Pet(owner_id=viewer.user_id, **values))
    await repository.flush()
    return pet


async def update(
    session: AsyncSession, viewer: Viewer | None, pet_id: int, data: PetData, today: dt.date
) -> Pet:
    viewer = require_writer(viewer)
    repository = PetRepository(session)
    pet = await repository.get_writable(viewer, pet_id)
    if pet is None:
        raise PetNotFound(field="id")
    for name, value in _validate(data.given(), today).items():
        setattr(pet, name, value)
    await repository.flush()
    return pet


async def delete(session: AsyncSession, viewer: Viewer | None, pet_id: int) -> Pet:
    viewer = require_writer(viewer)
    repository = PetRepository(session)
    pet = await repository.get_writable(viewer, pet_id)
    if pet is None:
        raise PetNotFound(field="id")
    await repository.delete(pet)
    return pet


async def get(session: AsyncSession, viewer: Viewer | None, pet_id: int) -> Pet | None:
    viewer = require_viewer(viewer)
    return await PetRepository(session).get_readable(viewer, pet_id)


async def list_for_viewer(
    session: AsyncSession, viewer: Viewer | None, page: PageArgs, owner_id: int | None = None
) -> tuple[Page[Pet], Callable[[], Awaitable[int]]]:
    """A page of one owner's pets (the viewer's own unless staff name another) and a deferred
    total count."""
    viewer = require_viewer(viewer)
    repository = PetRepository(session)
    statement = repository.list_statement(viewer, owner_id or viewer.user_id)
    return await repository.page(statement, page), repository.counter(statement)
