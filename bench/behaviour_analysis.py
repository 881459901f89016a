"""The behaviour analysis as the job runs it (database included), against Petty's targets:
under 2 s per analysis and 100 analyses a minute.

    .venv/bin/python bench/behaviour_analysis.py [--pets 20] [--hours 2] [--new-minutes 1]

On a fresh PostgreSQL database (dropped afterwards), built by the migrations: ``--pets`` dogs,
each with a collar and ``--hours`` of Petty readings (one every 10 s, bouts of rest, walk, run
and play). Then, one pet per transaction as the job does:

1. backlog: each pet's first analysis over all its readings, in passes of at most 5000;
2. incremental: ``--new-minutes`` more readings per pet, analysed again (the steady state: the
   job runs every 30 s, so a pet has about 3 new readings per pass).

Beside them, measured in the same run on the same data: the bare read of a pet's readings (the
floor any analysis pays) and the pure computation alone (classify, merge, summarise; no
database). Prints per-analysis p50/p95/max and analyses per minute on one core.
"""

import argparse
import asyncio
import datetime as dt
import random
import secrets
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

import psycopg
from alembic import command

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graphql_api.accounts import service as accounts_service  # noqa: E402
from graphql_api.auth import Viewer  # noqa: E402
from graphql_api.behaviour import service as behaviour_service  # noqa: E402
from graphql_api.behaviour import timeline, windows  # noqa: E402
from graphql_api.behaviour.classifiers import PettyLevelClassifier  # noqa: E402
from graphql_api.behaviour.repository import CollarDataRepository  # noqa: E402
from graphql_api.cli import alembic_config  # noqa: E402
from graphql_api.collars.readings.repository import CollarReadingRepository
from graphql_api.db import create_engine, create_sessionmaker  # noqa: E402
from graphql_api.devices import service as devices_service  # noqa: E402
from graphql_api.devices.models import DeviceKind  # noqa: E402
from graphql_api.pets import service as pets_service  # noqa: E402
from graphql_api.pets.models import Species  # noqa: E402

ADMIN_DSN = "postgresql://postgres@127.0.0.1:5432/postgres"
TARGET_SECONDS = 2.0
TARGET_PER_MINUTE = 100
BOUTS = [(0, 70, 20), (1, 92, 15), (1, 120, 3), (2, 110, 6), (0, 68, 30)]  # level, bpm, min


def readings_for(collar_id: int, start: dt.datetime, minutes: float, rng: random.Random):
    rows, at, end = [], start, start + dt.timedelta(minutes=minutes)
    while at < end:
        level, bpm, length = rng.choice(BOUTS)
        bout_end = min(end, at + dt.timedelta(minutes=length * rng.uniform(0.5, 1.5)))
        while at < bout_end:
            rows.append(
                {
                    "device_id": collar_id,
                    "measured_at": at,
                    "received_at": at,
                    "heart_rate": int(bpm + rng.uniform(-5, 5)),
                    "activity_level": level,
                    "longitude": -74.0,
                    "latitude": 40.7,
                }
            )
            at += dt.timedelta(seconds=10)
    return rows, at


async def seed(sessionmaker, pets: int, hours: float, start: dt.datetime):
    rng = random.Random(7)
    pet_collars = []
    async with sessionmaker.begin() as session:
        user = await accounts_service.register(
            session,
            accounts_service.Registration(
                f"bench-{secrets.token_hex(4)}@example.com", "bench-password-42", "bench", "UTC"
            ),
        )
        viewer = Viewer(user_id=user.id, role=user.role)
        for index in range(pets):
            pet = await pets_service.create(
                session,
                viewer,
                pets_service.PetData(
                    name=f"Dog {index}", species=Species.DOG, weight_kg=Decimal("12"), neutered=True
                ),
                start.date(),
            )
            issued = await devices_service.register(
                session,
                viewer,
                devices_service.DeviceRegistration(
                    DeviceKind.COLLAR, f"Collar {index}", f"SN-B{index:05d}", pet_id=pet.id
                ),
            )
            rows, end = readings_for(issued.device.id, start, hours * 60, rng)
            for offset in range(0, len(rows), 5000):
                await CollarReadingRepository(session).insert_new(rows[offset : offset + 5000])
            pet_collars.append((pet.id, issued.device.id, end))
    return pet_collars


async def timed_analyses(sessionmaker, pet_ids, now) -> list[float]:
    """One timing per pass, passes repeated per pet until its data is drained (a pass takes
    at most ``analysis.READINGS_PER_PASS`` readings)."""
    durations = []
    for pet_id in pet_ids:
        while True:
            began = time.perf_counter()
            async with sessionmaker.begin() as session:
                report = await behaviour_service.analyse_pets(session, [pet_id], now)
            if report.readings == 0:
                break
            durations.append(time.perf_counter() - began)
    return durations


async def bare_reads(sessionmaker, pet_collars) -> tuple[list[float], list[float]]:
    """Per pet: reading its readings only, and the pure computation on them."""
    reads, computes = [], []
    for _, collar_id, end in pet_collars:
        began = time.perf_counter()
        async with sessionmaker() as session:
            rows = await CollarDataRepository(session).readings_between(
                [collar_id], end - dt.timedelta(days=2), end + dt.timedelta(hours=1)
            )
        reads.append(time.perf_counter() - began)
        began = time.perf_counter()
        level = [windows.LevelReading(r.measured_at, r.activity_level, r.heart_rate) for r in rows]
        merged = timeline.merge_segments(windows.petty_windows(level, PettyLevelClassifier(65)))
        timeline.summarize_day(
            merged, rows[0].measured_at.date(), "UTC", [(r.measured_at, r.heart_rate) for r in rows]
        )
        computes.append(time.perf_counter() - began)
    return reads, computes


def line(name: str, durations: list[float]) -> str:
    ordered = sorted(durations)
    p95 = ordered[max(0, int(round(0.95 * len(ordered))) - 1)]
    per_minute = 60.0 / statistics.mean(durations)
    return (
        f"{name:<34} p50 {statistics.median(durations) * 1000:8.1f} ms   "
        f"p95 {p95 * 1000:8.1f} ms   max {max(durations) * 1000:8.1f} ms   "
        f"{per_minute:8.0f}/min"
    )


async def main(arguments) -> None:
    name = f"pawgraph_bench_behaviour_{secrets.token_hex(4)}"
    with psycopg.connect(ADMIN_DSN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    engine = None
    try:
        await asyncio.to_thread(command.upgrade, alembic_config(url), "heads")
        engine = create_engine(url)
        sessionmaker = create_sessionmaker(engine)
        start = dt.datetime(2026, 12, 3, 8, 0, tzinfo=dt.UTC)
        pet_collars = await seed(sessionmaker, arguments.pets, arguments.hours, start)
        now = start + dt.timedelta(hours=arguments.hours + 1)
        pet_ids = [pet_id for pet_id, _, _ in pet_collars]
        readings = int(arguments.hours * 360)
        backlog = await timed_analyses(sessionmaker, pet_ids, now)
        rng = random.Random(11)
        async with sessionmaker.begin() as session:
            for _, collar_id, end in pet_collars:
                rows, _ = readings_for(collar_id, end, arguments.new_minutes, rng)
                await CollarReadingRepository(session).insert_new(rows)
        incremental = await timed_analyses(sessionmaker, pet_ids, now)
        reads, computes = await bare_reads(sessionmaker, pet_collars)
        print(f"{arguments.pets} pets, {readings} readings each ({arguments.hours} h), PostgreSQL")
        print(line(f"backlog pass ({readings} readings)", backlog))
        print(line(f"incremental (+{arguments.new_minutes} min)", incremental))
        print(line("ceiling: bare read of readings", reads))
        print(line("ceiling: pure computation only", computes))
        worst = max(max(backlog), max(incremental))
        rate = 60.0 / statistics.mean(incremental)
        print(
            f"targets: < {TARGET_SECONDS:.0f} s per analysis -> worst {worst:.2f} s "
            f"({'met' if worst < TARGET_SECONDS else 'MISSED'}); >= {TARGET_PER_MINUTE}/min -> "
            f"{rate:.0f}/min incremental ({'met' if rate >= TARGET_PER_MINUTE else 'MISSED'})"
        )
    finally:
        if engine is not None:
            await engine.dispose()
        with psycopg.connect(ADMIN_DSN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pets", type=int, default=20)
    parser.add_argument("--hours", type=float, default=2.0)
    parser.add_argument("--new-minutes", type=float, default=1.0)
    asyncio.run(main(parser.parse_args()))
