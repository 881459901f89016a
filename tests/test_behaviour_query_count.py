"""No N+1 in the behaviour lists: pets' timelines, collars' last positions and a collar's track
run the same number of statements for 5 items as for 50."""

import datetime as dt

import pytest
from strawberry import relay

from graphql_api.behaviour.activities import Activity
from graphql_api.behaviour.models import SegmentSource
from graphql_api.behaviour.repository import SegmentRepository
from graphql_api.collars.readings.repository import CollarReadingRepository
from graphql_api.devices.models import DeviceKind
from tests.factories.accounts import create_user, viewer_of
from tests.factories.devices_db import create_device
from tests.factories.pets_db import create_pet
from tests.support.database import counting_statements

DAY = dt.date(2026, 12, 3)
NOON = dt.datetime(2026, 12, 3, 12, 0, tzinfo=dt.UTC)

PET_TIMELINES = """
query Pets($first: Int!, $date: Date!) {
  pets(first: $first) {
    edges { node { name timeline(date: $date) {
      activeMinutes minutes { activity minutes }
      segments { id activity correctedActivity start end confidence }
    } } }
  }
}
"""
COLLAR_POSITIONS = """
query Collars($first: Int!) {
  devices(kind: COLLAR, first: $first) {
    edges { node { name lastPosition { longitude latitude } lastReading { heartRate } } }
  }
}
"""
TRACK = """
query Track($id: ID!, $first: Int!) {
  node(id: $id) { ... on Device { track(first: $first) {
    totalCount edges { node { measuredAt heartRate position { longitude latitude } } }
  } } }
}
"""


def segment(pet_id: int, hour: int, activity: Activity) -> dict:
    start = NOON.replace(hour=hour)
    return {
        "pet_id": pet_id,
        "activity": activity,
        "started_at": start,
        "ended_at": start + dt.timedelta(minutes=40),
        "confidence": 0.9,
        "window_count": 240,
        "source": SegmentSource.PETTY_LEVEL,
        "corrected_activity": None,
    }


def reading(collar_id: int, index: int) -> dict:
    at = NOON + dt.timedelta(seconds=10 * index)
    return {
        "device_id": collar_id,
        "measured_at": at,
        "received_at": at,
        "heart_rate": 80,
        "activity_level": 1,
        "longitude": -74.0 + index / 1000,
        "latitude": 40.7,
    }


async def owner_with_collared_pets(session, count: int):
    owner = await create_user(session)
    for index in range(count):
        pet = await create_pet(session, owner, name=f"Pet {index}")
        collar = await create_device(
            session, owner, kind=DeviceKind.COLLAR, name=f"Collar {index}", pet_id=pet.id
        )
        await SegmentRepository(session).replace_span(
            pet.id,
            NOON,
            NOON,
            [segment(pet.id, 9, Activity.REST), segment(pet.id, 10, Activity.WALK)],
        )
        await CollarReadingRepository(session).insert_new([reading(collar.id, i) for i in range(3)])
    return owner


async def statements_for(schema, make_context, engine, owner, query: str, variables: dict):
    with counting_statements(engine) as statements:
        result = await schema.execute(
            query, variable_values=variables, context_value=make_context(viewer_of(owner))
        )
    assert result.errors is None, result.errors
    return len(statements), result.data


class TestPetTimelines:
    @pytest.mark.parametrize(("small", "large"), [(5, 50)])
    async def test_statement_count_does_not_grow_with_the_list(
        self, schema, make_context, session, engine, small, large
    ):
        # given
        few = await owner_with_collared_pets(session, small)
        many = await owner_with_collared_pets(session, large)

        # when
        count_few, _ = await statements_for(
            schema, make_context, engine, few, PET_TIMELINES, {"first": small, "date": str(DAY)}
        )
        count_many, data = await statements_for(
            schema, make_context, engine, many, PET_TIMELINES, {"first": large, "date": str(DAY)}
        )

        # then
        edges = data["pets"]["edges"]
        assert len(edges) == large
        assert all(len(edge["node"]["timeline"]["segments"]) == 2 for edge in edges)
        assert count_many == count_few


class TestCollarPositions:
    @pytest.mark.parametrize(("small", "large"), [(5, 50)])
    async def test_statement_count_does_not_grow_with_the_list(
        self, schema, make_context, session, engine, small, large
    ):
        # given
        few = await owner_with_collared_pets(session, small)
        many = await owner_with_collared_pets(session, large)

        # when
        count_few, _ = await statements_for(
            schema, make_context, engine, few, COLLAR_POSITIONS, {"first": small}
        )
        count_many, data = await statements_for(
            schema, make_context, engine, many, COLLAR_POSITIONS, {"first": large}
        )

        # then
        edges = data["devices"]["edges"]
        assert len(edges) == large
        assert all(
            edge["node"]["lastPosition"] == {"longitude": -73.998, "latitude": 40.7}
            for edge in edges
        )
        assert count_many == count_few


class TestTrack:
    async def test_statement_count_does_not_grow_with_the_page(
        self, schema, make_context, session, engine
    ):
        # given
        owner = await create_user(session)
        collar = await create_device(session, owner, kind=DeviceKind.COLLAR, name="Collar")
        await CollarReadingRepository(session).insert_new(
            [reading(collar.id, i) for i in range(60)]
        )
        node_id = str(relay.GlobalID("Device", str(collar.id)))

        # when
        count_few, _ = await statements_for(
            schema, make_context, engine, owner, TRACK, {"id": node_id, "first": 5}
        )
        count_many, data = await statements_for(
            schema, make_context, engine, owner, TRACK, {"id": node_id, "first": 50}
        )

        # then
        assert len(data["node"]["track"]["edges"]) == 50
        assert count_many == count_few
