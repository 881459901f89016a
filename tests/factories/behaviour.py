"""Pets with a Petty collar and the readings it stored, for behaviour tests on the test's
rolled-back session (readings are written in bulk, as the ingest writes them)."""

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.accounts.models import User
from graphql_api.collars.readings.repository import CollarReadingRepository
from graphql_api.devices.models import Device, DeviceKind
from graphql_api.pets import service as pets_service
from graphql_api.pets.models import Pet, Species
from tests.factories.accounts import viewer_of
from tests.factories.devices_db import create_device

STEP = dt.timedelta(seconds=10)


async def dog_with_collar(
    session: AsyncSession,
    owner: User,
    *,
    weight_kg: str = "10",
    food_kcal_per_kg: int | None = 3500,
    birthdate: dt.date | None = dt.date(2021, 5, 1),
) -> tuple[Pet, Device]:
    pet = await pets_service.create(
        session,
        viewer_of(owner),
        pets_service.PetData(
            name="Rex",
            species=Species.DOG,
            birthdate=birthdate,
            weight_kg=Decimal(weight_kg),
            neutered=True,
            food_kcal_per_kg=food_kcal_per_kg,
        ),
        dt.date(2026, 12, 4),
    )
    collar = await create_device(
        session, owner, kind=DeviceKind.COLLAR, name="Collar", pet_id=pet.id
    )
    return pet, collar


async def store_readings(
    session: AsyncSession,
    collar: Device,
    start: dt.datetime,
    bouts: Sequence[tuple[float, int, int]],
) -> dt.datetime:
    """Readings every 10 s from ``start``: per bout (minutes, activity level, heart rate).
    Returns when the last bout ended."""
    rows, at = [], start
    for minutes, level, heart_rate in bouts:
        end = at + dt.timedelta(minutes=minutes)
        while at < end:
            rows.append(
                {
                    "device_id": collar.id,
                    "measured_at": at,
                    "received_at": at,
                    "heart_rate": heart_rate,
                    "activity_level": level,
                    "longitude": -74.006,
                    "latitude": 40.7128,
                }
            )
            at += STEP
    repository = CollarReadingRepository(session)
    for index in range(0, len(rows), 5000):
        await repository.insert_new(rows[index : index + 5000])
    return at
