"""Reads on PostgreSQL's driver (graphql_api.driver_reads, RepositoryBase.prebuilt_rows): in a
reading session they run there, with the same rows and values as the ordinary way, seen by the
engine's statement listeners; anywhere else, and when the driver fails, they run the ordinary
way, whose errors they raise."""

import datetime as dt

import pytest
from sqlalchemy import Integer, bindparam, exc, literal, select, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from graphql_api.accounts.models import User
from graphql_api.alerts.models import Alert, AlertStatus
from graphql_api.db import (
    create_engine,
    create_reading_engine,
    create_reading_sessionmaker,
    create_sessionmaker,
    is_database_unavailable,
)
from graphql_api.driver_reads import DriverStatement
from graphql_api.pets.repository import PetRepository
from graphql_api.repository import RepositoryBase
from graphql_api.social.comments.repository import CommentRepository
from graphql_api.social.reactions.models import ReactionKind
from graphql_api.social.reactions.repository import ReactionRepository
from graphql_api.telemetry.models import TelemetryPoint
from graphql_api.telemetry.repository import StoredPoint, TelemetryRepository
from tests.factories.accounts import create_user, viewer_of
from tests.factories.devices_db import create_device
from tests.factories.pets_db import create_pets
from tests.factories.social import block, comment_on, create_post, react
from tests.support.database import BACKEND_PID, counting_statements

MEASURED = dt.datetime(2026, 12, 7, 12, 0, 0, 250000, tzinfo=dt.UTC)


async def committed_fleet(engine: AsyncEngine) -> tuple[list[int], int, int]:
    """Two devices with points of two keys (one with a device time), and an owner of 3 pets:
    (device ids, owner id, owner id of nobody's pets)."""
    async with create_sessionmaker(engine).begin() as session:
        owner = await create_user(session, prefix="driver")
        loner = await create_user(session, prefix="loner")
        devices = [await create_device(session, owner) for _ in range(2)]
        await create_pets(session, owner, 3)
        for number, device in enumerate(devices):
            for key in ("weight_g", "hopper_percent"):
                for age in range(3):
                    at = MEASURED - dt.timedelta(seconds=age)
                    session.add(
                        TelemetryPoint(
                            device_id=device.id,
                            key=key,
                            value=float(number * 10 + age) + 0.5,
                            device_time=at if key == "weight_g" else None,
                            received_at=at,
                        )
                    )
        return [device.id for device in devices], owner.id, loner.id


async def latest(session: AsyncSession, device_ids: list[int]) -> list[StoredPoint]:
    return await TelemetryRepository(session).latest_points(device_ids)


class TestOnTheDriver:
    async def test_the_newest_points_are_the_ordinary_ways_and_run_there(
        self, engine, reading_engine
    ):
        # given
        device_ids, _, _ = await committed_fleet(engine)
        reading = create_reading_sessionmaker(reading_engine)
        async with create_sessionmaker(engine)() as session:
            ordinary = await latest(session, device_ids)

        # when
        with counting_statements(reading_engine) as statements:
            async with reading() as session:
                on_driver = await latest(session, device_ids)
                again = await latest(session, device_ids)  # prepared by now

        # then
        assert on_driver == again == ordinary
        assert [(point.device_id, point.key, point.value) for point in on_driver] == [
            (device_ids[0], "hopper_percent", 0.5),
            (device_ids[0], "weight_g", 0.5),
            (device_ids[1], "hopper_percent", 10.5),
            (device_ids[1], "weight_g", 10.5),
        ]
        for point in on_driver:
            assert point.received_at == MEASURED and point.received_at.tzinfo is dt.UTC
            assert point.device_time is None or point.device_time.tzinfo is dt.UTC
        assert [point.device_time for point in on_driver] == [None, MEASURED, None, MEASURED]
        # Seen once each by the engine's listeners, the list sent as one array.
        assert len(statements) == 2
        assert all("= ANY(%(device_ids)s)" in statement for statement in statements)

    async def test_counts_of_a_scoped_statement_run_there_for_any_number_of_groups(
        self, engine, reading_engine
    ):
        # given
        _, owner_id, loner_id = await committed_fleet(engine)
        async with create_sessionmaker(engine)() as session:
            viewer = viewer_of(await session.get(User, owner_id))
        reading = create_reading_sessionmaker(reading_engine)

        # when
        with counting_statements(reading_engine) as statements:
            async with reading() as session:
                repository = PetRepository(session)
                counts = await repository.readable_counts_by_owner_ids(viewer, [owner_id, loner_id])
                one = await repository.readable_counts_by_owner_ids(viewer, [owner_id])

        # then
        assert counts == [3, 0]
        assert one == [3]
        assert len(statements) == 2
        assert all("= ANY(%(group_ids)s)" in statement for statement in statements)

    async def test_a_posts_counts_leave_out_whom_each_viewer_blocked(self, engine, reading_engine):
        # given: a fan and a troll react and comment; the reader blocked the troll
        async with create_sessionmaker(engine).begin() as session:
            author, fan, troll, reader = [
                await create_user(session, prefix=name)
                for name in ("author", "fan", "troll", "reader")
            ]
            post = await create_post(session, author)
            await react(session, fan, post, ReactionKind.LIKE)
            await react(session, troll, post, ReactionKind.LOVE)
            await comment_on(session, fan, post)
            await comment_on(session, troll, post)
            await block(session, reader, troll)
        viewers = {"author": viewer_of(author), "reader": viewer_of(reader)}

        # when
        with counting_statements(reading_engine) as statements:
            async with create_reading_sessionmaker(reading_engine)() as session:
                counts = {
                    name: (
                        await ReactionRepository(session).counts_by_post_ids(viewer, [post.id, 0]),
                        await CommentRepository(session).counts_by_post_ids(viewer, [post.id, 0]),
                    )
                    for name, viewer in viewers.items()
                }

        # then
        assert counts == {
            "author": ([{ReactionKind.LIKE: 1, ReactionKind.LOVE: 1}, {}], [2, 0]),
            "reader": ([{ReactionKind.LIKE: 1}, {}], [1, 0]),
        }
        assert all(type(kind) is ReactionKind for kind in counts["author"][0][0])
        assert len(statements) == 4
        assert all("= ANY(%(post_ids)s)" in statement for statement in statements)

    async def test_parameters_go_through_their_types_bind_processor(self, engine):
        # given: an enum and a UTC datetime, which the driver alone would not send as stored
        statement = select(literal(1)).where(
            Alert.status != bindparam("status", type_=Alert.status.type),
            Alert.raised_at < bindparam("before", type_=Alert.raised_at.type),
        )
        compiled = DriverStatement.compile(statement, engine.dialect)

        # when
        later = dt.datetime(2026, 12, 7, 13, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
        values = compiled.parameters({"status": AlertStatus.CLEARED, "before": later})

        # then
        assert values["status"] == "CLEARED" and type(values["status"]) is str
        assert values["before"] == later and values["before"].tzinfo is dt.UTC

    def test_a_not_in_list_is_refused_when_it_is_compiled(self, engine):
        statement = select(TelemetryPoint.id).where(
            TelemetryPoint.device_id.not_in(bindparam("device_ids", expanding=True))
        )

        with pytest.raises(ValueError, match="NOT IN"):
            DriverStatement.compile(statement, engine.dialect)


class TestTheOrdinaryWay:
    async def test_a_writing_session_and_sqlite_read_the_same_rows(self, engine, sqlite_url):
        # given
        device_ids, _, _ = await committed_fleet(engine)

        # when
        with counting_statements(engine) as statements:
            async with create_sessionmaker(engine)() as session:
                in_a_transaction = await latest(session, device_ids)
        sqlite = create_engine(sqlite_url)
        try:
            async with create_sessionmaker(sqlite)() as session:
                on_sqlite = await latest(session, [10_000_001])
        finally:
            await sqlite.dispose()

        # then
        assert len(in_a_transaction) == 4
        assert "IN (" in statements[-1] and "ANY" not in statements[-1]
        assert on_sqlite == []

    async def test_an_error_of_the_statement_is_raised_as_sqlalchemy_raises_it(
        self, reading_engine
    ):
        reading = create_reading_sessionmaker(reading_engine)
        divide = lambda: select(literal(1) / bindparam("by", type_=Integer))  # noqa: E731

        async with reading() as session:
            repository = RepositoryBase(session)
            with pytest.raises(exc.DataError, match="division by zero"):
                await repository.prebuilt_rows("test-divide", divide, {"by": 0})
            # and the session answers the next read
            assert await repository.prebuilt_rows("test-divide", divide, {"by": 1}) == [(1,)]

    async def test_a_lost_connection_is_database_unavailable_and_the_pool_recovers(
        self, database_url, engine
    ):
        # given: one pooled connection, its server process ended under the session
        device_ids, _, _ = await committed_fleet(engine)
        own = create_reading_engine(database_url, pool_size=1, max_overflow=0)
        reading = create_reading_sessionmaker(own)
        try:
            async with reading() as session:
                backend_pid = (await session.execute(BACKEND_PID)).scalar_one()
                async with engine.connect() as other:
                    await other.execute(
                        text("SELECT pg_terminate_backend(:pid)"), {"pid": backend_pid}
                    )

                # when
                with pytest.raises(exc.DBAPIError) as lost:
                    await latest(session, device_ids)

            # then
            assert is_database_unavailable(lost.value)
            async with reading() as session:
                assert len(await latest(session, device_ids)) == 4
        finally:
            await own.dispose()
