"""Pets written straight through the service on the test's rolled-back session."""

import datetime as dt
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.accounts.models import User
from graphql_api.pets import service as pets_service
from graphql_api.pets.models import ActivityLevel, Pet, Species
from tests.factories.accounts import viewer_of

TODAY = dt.date(2026, 11, 23)


async def create_pet(
    session: AsyncSession,
    owner: User,
    name: str = "Mochi",
    species: Species = Species.CAT,
    weight_kg: Decimal | None = Decimal("4.20"),
) -> Pet:
    data = pets_service.PetData(
        name=name,
        species=species,
        breed=None,
        birthdate=dt.date(2022, 3, 1),
        weight_kg=weight_kg,
        activity_level=ActivityLevel.MODERATE,
        neutered=True,
    )
    return await pets_service.create(session, viewer_of(owner), data, TODAY)


async def create_pets(session: AsyncSession, owner: User, count: int) -> list[Pet]:
    return [await create_pet(session, owner, name=f"Pet {index}") for index in range(count)]
