"""No N+1: the SQL statements a list query runs must not grow with the length of the list.

Counted with a ``before_cursor_execute`` listener on the engine, the way Saleor's
``count_queries`` pins its DataLoaders.
"""

import datetime as dt

import pytest

from graphql_api import relay
from graphql_api.alerts import service as alerts_service
from graphql_api.alerts.models import AlertKind
from graphql_api.context import Context
from graphql_api.devices.models import DeviceKind
from graphql_api.telemetry import service as telemetry_service
from tests.factories.accounts import create_user, viewer_of
from tests.factories.devices_db import create_device
from tests.factories.pets_db import create_pet
from tests.support.database import counting_statements

PETS_WITH_DEVICES = """
query Pets($first: Int!) {
  pets(first: $first) {
    edges { node { name owner { email } devices { edges { node { name pet { name } } } } } }
  }
}
"""

DEVICES_WITH_RELATIONS = """
query Devices($first: Int!) {
  devices(first: $first) {
    edges {
      node { name pet { name } parentHub { name } outlets { edges { node { name } } } }
    }
  }
}
"""


# What an owner's dashboard asks in one request: every pet, its devices, their newest readings
# and open alerts.
DASHBOARD = """
query Dashboard($first: Int!) {
  me {
    pets(first: $first) {
      totalCount
      edges {
        node {
          name
          devices(first: 10) {
            totalCount
            edges {
              node {
                name
                online
                latestReadings { key value at }
                latest(key: "hopper_percent") { value }
                openAlerts { kind message }
              }
            }
          }
        }
      }
    }
    unreadNotificationCount
  }
}
"""


# The same dashboard with each device's fields in fragments, as apps write it: a named one,
# spread inside an inline one.
DASHBOARD_WITH_FRAGMENTS = """
query Dashboard($first: Int!) {
  me {
    pets(first: $first) {
      totalCount
      edges {
        node {
          name
          devices(first: 10) {
            totalCount
            edges { ... on DeviceEdge { node { ...DeviceCard } } }
          }
        }
      }
    }
    unreadNotificationCount
  }
}

fragment DeviceCard on Device {
  name
  online
  ... on Device { latestReadings { key value at } }
  latest(key: "hopper_percent") { value }
  openAlerts { kind message }
}
"""


async def owner_with_dashboard(session, settings, pet_count: int):
    """Per pet: a feeder with two keys of telemetry (three points) and a FOOD_LOW alert, and a
    collar with none."""
    owner = await owner_with_pets(session, 0)
    now = dt.datetime.now(dt.UTC)
    for index in range(pet_count):
        pet = await create_pet(session, owner, name=f"Pet {index}")
        feeder = await create_device(
            session, owner, kind=DeviceKind.FEEDER, name=f"Feeder {index}", pet_id=pet.id
        )
        await create_device(
            session, owner, kind=DeviceKind.COLLAR, name=f"Collar {index}", pet_id=pet.id
        )
        for minutes_ago, percent in ((10, 40.0), (1, 15.0)):
            await telemetry_service.record(
                session,
                settings,
                feeder.id,
                {"hopper_percent": percent, "wifi_rssi": -60.0 - minutes_ago},
                now - dt.timedelta(minutes=minutes_ago),
            )
        await alerts_service.raise_alert(session, feeder, AlertKind.FOOD_LOW, "Food is low.", now)
    return owner


async def owner_with_pets(session, pet_count: int):
    owner = await create_user(session)
    for index in range(pet_count):
        pet = await create_pet(session, owner, name=f"Pet {index}")
        for kind in (DeviceKind.COLLAR, DeviceKind.FEEDER):
            await create_device(
                session, owner, kind=kind, name=f"{kind.value} of {index}", pet_id=pet.id
            )
    return owner


async def owner_with_hubs(session, hub_count: int):
    """Per hub: the hub, two outlets under it, and a collar on a pet (4 devices)."""
    owner = await create_user(session)
    for index in range(hub_count):
        hub = await create_device(session, owner, kind=DeviceKind.HUB, name=f"Hub {index}")
        for outlet_id in ("FE", "FD"):
            await create_device(
                session,
                owner,
                kind=DeviceKind.OUTLET,
                hardware_id=outlet_id,
                name=f"Outlet {outlet_id}",
                parent_id=hub.id,
            )
        pet = await create_pet(session, owner, name=f"Pet {index}")
        await create_device(
            session, owner, kind=DeviceKind.COLLAR, name=f"Collar {index}", pet_id=pet.id
        )
    return owner


async def statements_for(schema, make_context, engine, owner, query: str, first: int) -> int:
    with counting_statements(engine) as statements:
        result = await schema.execute(
            query, variable_values={"first": first}, context_value=make_context(viewer_of(owner))
        )
    assert result.errors is None, result.errors
    connection = next(iter(result.data.values()))
    edges = (connection.get("pets") or connection)["edges"]
    assert len(edges) == first
    return len(statements)


class TestPetsWithDevices:
    @pytest.mark.parametrize(("small", "large"), [(5, 50)])
    async def test_statement_count_does_not_grow_with_the_list(
        self, schema, make_context, session, engine, small, large
    ):
        # given
        few = await owner_with_pets(session, small)
        many = await owner_with_pets(session, large)

        # when
        for_few = await statements_for(schema, make_context, engine, few, PETS_WITH_DEVICES, small)
        for_many = await statements_for(
            schema, make_context, engine, many, PETS_WITH_DEVICES, large
        )

        # then
        assert for_few == for_many
        assert for_many <= 5  # page, owners, devices by pet, pets by id (+ nothing per row)


class TestDevicesWithRelations:
    @pytest.mark.parametrize(("small", "large"), [(5, 25)])
    async def test_statement_count_does_not_grow_with_the_list(
        self, schema, make_context, session, engine, small, large
    ):
        # given
        few = await owner_with_hubs(session, small)
        many = await owner_with_hubs(session, large)

        # when
        for_few = await statements_for(
            schema, make_context, engine, few, DEVICES_WITH_RELATIONS, 4 * small
        )
        for_many = await statements_for(
            schema, make_context, engine, many, DEVICES_WITH_RELATIONS, 4 * large
        )

        # then
        assert for_few == for_many


class TestDashboard:
    @pytest.mark.parametrize(("small", "large"), [(5, 50)])
    async def test_statement_count_is_the_same_for_5_and_50_pets(
        self, schema, make_context, session, engine, settings, small, large
    ):
        # given
        few = await owner_with_dashboard(session, settings, small)
        many = await owner_with_dashboard(session, settings, large)

        # when
        for_few = await statements_for(schema, make_context, engine, few, DASHBOARD, small)
        for_many = await statements_for(schema, make_context, engine, many, DASHBOARD, large)

        # then
        assert for_few == for_many
        # me, pets page (with each owner's count), devices pages (with each pet's count),
        # latest readings, open alerts, unread count
        assert for_many == 6

    async def test_fragments_on_the_devices_ask_no_more_statements_and_see_the_same(
        self, schema, make_context, session, engine, settings
    ):
        # given
        owner = await owner_with_dashboard(session, settings, 3)

        # when
        plain = await statements_for(schema, make_context, engine, owner, DASHBOARD, 3)
        with_fragments = await statements_for(
            schema, make_context, engine, owner, DASHBOARD_WITH_FRAGMENTS, 3
        )
        results = [
            await schema.execute(
                query, variable_values={"first": 3}, context_value=make_context(viewer_of(owner))
            )
            for query in (DASHBOARD, DASHBOARD_WITH_FRAGMENTS)
        ]

        # then
        assert with_fragments == plain == 6
        assert results[0].data == results[1].data

    @pytest.mark.parametrize("query", [DASHBOARD, DASHBOARD_WITH_FRAGMENTS])
    async def test_each_devices_readings_and_alerts_come_from_its_pages_prefetch(
        self, schema, make_context, session, settings, monkeypatch, query
    ):
        # given: every field that would wait for its loader, counted
        owner = await owner_with_dashboard(session, settings, 3)
        awaited = []
        later = relay._later

        def counted_later(loader, key, then):
            awaited.append(key)
            return later(loader, key, then)

        monkeypatch.setattr(relay, "_later", counted_later)

        # when
        result = await schema.execute(
            query, variable_values={"first": 3}, context_value=make_context(viewer_of(owner))
        )

        # then: 6 devices, 3 fields each, none waited
        assert result.errors is None, result.errors
        assert awaited == []

    async def test_a_websocket_operation_loads_each_relation_once(
        self, schema, app_state, session, engine, settings
    ):
        # given: a websocket's loaders batch but do not cache, so nothing is loaded ahead
        owner = await owner_with_dashboard(session, settings, 3)
        context = Context(app_state, viewer_of(owner), session=session, is_websocket=True)

        # when
        with counting_statements(engine) as statements:
            result = await schema.execute(
                DASHBOARD, variable_values={"first": 3}, context_value=context
            )

        # then
        assert result.errors is None, result.errors
        assert len(result.data["me"]["pets"]["edges"]) == 3
        # (its operation ends rolling back to the test's savepoint: not a query)
        queries = [sql for sql in statements if sql.lstrip().startswith(("SELECT", "WITH"))]
        assert len(queries) == 6, "\n".join(sql[:60] for sql in queries)

    @pytest.mark.parametrize("backend", ["postgresql", "sqlite"])
    async def test_every_pet_shows_its_newest_readings_and_open_alert_on_both_backends(
        self, backend, schema, app_state, session, sqlite_session, settings
    ):
        # given
        db = session if backend == "postgresql" else sqlite_session
        owner = await owner_with_dashboard(db, settings, 2)

        # when
        result = await schema.execute(
            DASHBOARD,
            variable_values={"first": 2},
            context_value=Context(app_state, viewer_of(owner), session=db),
        )

        # then
        assert result.errors is None, result.errors
        pets = result.data["me"]["pets"]
        assert pets["totalCount"] == 2
        for pet in pets["edges"]:
            devices = pet["node"]["devices"]
            assert devices["totalCount"] == 2
            feeder, collar = (edge["node"] for edge in devices["edges"])
            assert {reading["key"]: reading["value"] for reading in feeder["latestReadings"]} == {
                "hopper_percent": 15.0,
                "wifi_rssi": -61.0,
            }
            assert feeder["latest"] == {"value": 15.0}
            assert [alert["kind"] for alert in feeder["openAlerts"]] == ["FOOD_LOW"]
            assert collar["latestReadings"] == []
            assert collar["latest"] is None
            assert collar["openAlerts"] == []
