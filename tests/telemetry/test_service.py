import datetime as dt
import json

import pytest

from graphql_api import events
from graphql_api.devices.models import DeviceKind
from graphql_api.errors import ValidationFailed
from graphql_api.settings import Settings
from graphql_api.telemetry import service as telemetry_service
from graphql_api.telemetry.errors import InvalidTelemetryKey, InvalidTelemetryRange
from graphql_api.telemetry.service import (
    TelemetryBucket,
    TelemetryEvent,
    TelemetryPageArgs,
    TelemetryQuery,
)
from graphql_api.unit_of_work import dispatch
from tests.factories.accounts import create_user, viewer_of
from tests.factories.devices_db import create_device
from tests.support.database import counting_statements

T0 = dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC)
FIVE_MINUTES = dt.timedelta(minutes=5)


async def _page(
    session, owner, query: TelemetryQuery, first=None, after=None, last=None, before=None
):
    return await telemetry_service.query(
        session,
        viewer_of(owner),
        query,
        TelemetryPageArgs(first=first, after=after, last=last, before=before),
        max_page_size=100,
        now=T0 + dt.timedelta(days=1),
    )


async def _record_series(
    session, settings, device_id, values_by_minute: dict[int, dict[str, float]]
):
    for minute, values in values_by_minute.items():
        at = T0 + dt.timedelta(minutes=minute)
        await telemetry_service.record(session, settings, device_id, values, at)


class TestRecord:
    async def test_throttled_stream_stores_one_reading_per_interval_and_broadcasts_every_one(
        self, session, settings, owner, collar, recording_bus
    ):
        # given
        values = {"current_a": 1250.0, "current_b": 0.0}

        # when
        first = await telemetry_service.record(
            session, settings, collar.id, values, T0, stream="outlet"
        )
        second = await telemetry_service.record(
            session, settings, collar.id, values, T0 + dt.timedelta(seconds=2), stream="outlet"
        )
        await dispatch(session, recording_bus)

        # then
        assert (first, second) == (True, False)
        page = await _page(session, owner, TelemetryQuery(collar.id))
        assert [(sample.key, sample.at) for sample in page.samples] == [
            ("current_a", T0),
            ("current_b", T0),
        ]
        assert [channel for channel, _ in recording_bus.sent] == [
            events.device_telemetry_channel(collar.id)
        ] * 2
        assert [
            [reading["persisted"] for reading in json.loads(message)]
            for _, message in recording_bus.sent
        ] == [[True], [False]]

    async def test_a_devices_readings_together_are_throttled_in_turn_and_sent_in_one_message(
        self, session, settings, engine, owner, collar, recording_bus
    ):
        # given: a reading, one within its interval and one after it, and the stream's
        # cursor read beforehand (never stored)
        interval = settings.telemetry_persist_interval
        measurements = [
            telemetry_service.Measurement({"battery": 80.0}, T0),
            telemetry_service.Measurement({"battery": 79.0}, T0 + interval / 2),
            telemetry_service.Measurement({"battery": 78.0}, T0 + interval, T0, {"x": 1}),
        ]

        # when
        with counting_statements(engine) as statements:
            stored = await telemetry_service.record_many(
                session,
                settings,
                collar.id,
                measurements,
                stream="collar",
                stream_persisted_at=None,
            )
        await dispatch(session, recording_bus)

        # then: the first and the third claim their slots, the second is ruled out by the
        # first's claim without asking; both stored in one insert
        assert stored == [True, False, True]
        assert ["telemetry_cursors" in s for s in statements] == [True, True, False]
        assert "INSERT INTO telemetry_points" in statements[2]
        page = await _page(session, owner, TelemetryQuery(collar.id))
        assert [(sample.value, sample.at) for sample in page.samples] == [
            (80.0, T0),
            (78.0, T0 + interval),
        ]
        # and: one message, the three readings in order
        ((channel, message),) = recording_bus.sent
        assert channel == events.device_telemetry_channel(collar.id)
        readings = telemetry_service.readings_of(message)
        assert [(r["values"], r["persisted"]) for r in readings] == [
            ({"battery": 80.0}, True),
            ({"battery": 79.0}, False),
            ({"battery": 78.0}, True),
        ]
        assert (readings[2]["device_time"], readings[2]["state"]) == (T0, {"x": 1})

    async def test_a_malformed_key_refuses_a_devices_readings_before_any_write(
        self, session, settings, engine, collar
    ):
        # given: a good reading, then one with a bad key
        measurements = [
            telemetry_service.Measurement({"battery": 80.0}, T0),
            telemetry_service.Measurement({"Battery!": 79.0}, T0),
        ]
        # when / then
        with counting_statements(engine) as statements, pytest.raises(InvalidTelemetryKey):
            await telemetry_service.record_many(session, settings, collar.id, measurements)
        assert statements == []
        assert session.info.get("pawgraph.pending_events", []) == []

    async def test_throttled_stream_stores_again_once_the_interval_has_passed(
        self, session, settings, collar
    ):
        # given
        values = {"current_a": 1.0}
        await telemetry_service.record(session, settings, collar.id, values, T0, stream="outlet")

        # when
        just_before = await telemetry_service.record(
            session,
            settings,
            collar.id,
            values,
            T0 + FIVE_MINUTES - dt.timedelta(seconds=1),
            stream="outlet",
        )
        on_time = await telemetry_service.record(
            session, settings, collar.id, values, T0 + FIVE_MINUTES, stream="outlet"
        )

        # then
        assert (just_before, on_time) == (False, True)

    async def test_streams_are_throttled_separately(self, session, settings, collar):
        # given
        await telemetry_service.record(
            session, settings, collar.id, {"current_a": 1.0}, T0, stream="outlet"
        )

        # when
        breaker = await telemetry_service.record(
            session, settings, collar.id, {"breaker_current": 2.0}, T0, stream="breaker"
        )

        # then
        assert breaker is True

    async def test_without_a_stream_every_reading_is_stored(self, session, settings, collar):
        # when
        stored = [
            await telemetry_service.record(session, settings, collar.id, {"heart_rate": 80.0}, T0),
            await telemetry_service.record(session, settings, collar.id, {"heart_rate": 81.0}, T0),
        ]

        # then
        assert stored == [True, True]

    async def test_the_interval_is_a_setting(self, session, settings, collar):
        # given
        fast = Settings(
            **{**settings.model_dump(), "telemetry_persist_interval": dt.timedelta(seconds=1)}
        )
        await telemetry_service.record(
            session, fast, collar.id, {"current_a": 1.0}, T0, stream="outlet"
        )

        # when
        stored = await telemetry_service.record(
            session,
            fast,
            collar.id,
            {"current_a": 1.0},
            T0 + dt.timedelta(seconds=1),
            stream="outlet",
        )

        # then
        assert stored is True

    async def test_a_cursor_read_within_the_interval_skips_storing(self, session, settings, collar):
        # given
        values = {"current_a": 1.0}
        await telemetry_service.record(session, settings, collar.id, values, T0, stream="outlet")

        # when
        known = await telemetry_service.record(
            session,
            settings,
            collar.id,
            values,
            T0 + FIVE_MINUTES - dt.timedelta(seconds=1),
            stream="outlet",
            stream_persisted_at=T0,
        )
        due = await telemetry_service.record(
            session,
            settings,
            collar.id,
            values,
            T0 + FIVE_MINUTES,
            stream="outlet",
            stream_persisted_at=T0,
        )

        # then
        assert (known, due) == (False, True)

    async def test_a_stale_cursor_never_stores_twice_in_an_interval(
        self, session, settings, collar
    ):
        # given: the caller read the cursor before another process stored a reading
        values = {"current_a": 1.0}
        await telemetry_service.record(session, settings, collar.id, values, T0, stream="outlet")

        # when
        stored = await telemetry_service.record(
            session,
            settings,
            collar.id,
            values,
            T0 + dt.timedelta(seconds=2),
            stream="outlet",
            stream_persisted_at=None,
        )

        # then
        assert stored is False

    async def test_a_malformed_key_is_refused(self, session, settings, collar):
        # when / then
        with pytest.raises(InvalidTelemetryKey):
            await telemetry_service.record(session, settings, collar.id, {"Heart Rate": 80.0}, T0)


class TestMessages:
    def test_the_readings_of_a_message_come_back_in_order(self, session):
        # given
        readings = [
            TelemetryEvent(
                device_id=7,
                received_at=T0,
                device_time=T0 - dt.timedelta(seconds=n),
                values={"current_a": float(n)},
                persisted=n == 0,
                state={"relay_a": True},
            )
            for n in range(3)
        ]

        # when
        telemetry_service.publish_readings(session, 7, readings)

        # then
        ((channel, message),) = events.take_committed(session)
        assert channel == events.device_telemetry_channel(7)
        assert telemetry_service.readings_of(message) == readings

    def test_a_single_reading_of_the_previous_format_is_one_reading(self):
        # given: what a process of the previous release published (or left in its outbox)
        message = (
            '{"device_id": 7, "received_at": "2026-11-23T08:00:00Z", "device_time": null,'
            ' "values": {"current_a": 1.5}, "persisted": true, "state": {"relay_a": true}}'
        )

        # when
        (reading,) = telemetry_service.readings_of(message)

        # then
        assert reading == TelemetryEvent(
            device_id=7,
            received_at=T0,
            device_time=None,
            values={"current_a": 1.5},
            persisted=True,
            state={"relay_a": True},
        )


class TestRawQuery:
    async def test_pages_follow_receive_time_with_cursors(self, session, settings, owner, collar):
        # given
        await _record_series(
            session,
            settings,
            collar.id,
            {minute: {"heart_rate": 60.0 + minute} for minute in range(5)},
        )

        # when
        first = await _page(session, owner, TelemetryQuery(collar.id), first=2)
        second = await _page(
            session, owner, TelemetryQuery(collar.id), first=2, after=first.samples[-1].cursor
        )
        third = await _page(
            session, owner, TelemetryQuery(collar.id), first=2, after=second.samples[-1].cursor
        )

        # then
        assert [sample.value for sample in first.samples + second.samples + third.samples] == [
            60,
            61,
            62,
            63,
            64,
        ]
        assert (first.has_next_page, second.has_next_page, third.has_next_page) == (
            True,
            True,
            False,
        )
        assert await first.count_total() == 5

    async def test_keys_and_range_filter_points(self, session, settings, owner, collar):
        # given
        await _record_series(
            session,
            settings,
            collar.id,
            {minute: {"heart_rate": 70.0, "battery": 90.0 - minute} for minute in range(4)},
        )
        query = TelemetryQuery(
            collar.id,
            keys=["battery"],
            start=T0 + dt.timedelta(minutes=1),
            end=T0 + dt.timedelta(minutes=3),
        )

        # when
        page = await _page(session, owner, query)

        # then
        assert [(sample.key, sample.value, sample.count) for sample in page.samples] == [
            ("battery", 89.0, 1),
            ("battery", 88.0, 1),
        ]

    async def test_another_users_device_is_not_found(self, session, settings, owner, collar):
        # given
        stranger = await create_user(session, prefix="stranger")
        await _record_series(session, settings, collar.id, {0: {"heart_rate": 70.0}})

        # when
        page = await _page(session, stranger, TelemetryQuery(collar.id))

        # then
        assert page is None

    async def test_a_bad_cursor_is_refused(self, session, owner, collar):
        # when / then
        with pytest.raises(ValidationFailed):
            await _page(session, owner, TelemetryQuery(collar.id), after="not-a-cursor")

    async def test_an_empty_range_is_refused(self, session, owner, collar):
        # when / then
        with pytest.raises(InvalidTelemetryRange):
            await _page(session, owner, TelemetryQuery(collar.id, start=T0, end=T0))


class TestNewestFirst:
    async def test_last_pages_back_from_the_newest_point(self, session, settings, owner, collar):
        # given
        await _record_series(
            session,
            settings,
            collar.id,
            {minute: {"heart_rate": 60.0 + minute} for minute in range(5)},
        )
        query = TelemetryQuery(collar.id)

        # when
        newest = await _page(session, owner, query, last=2)
        older = await _page(session, owner, query, last=2, before=newest.samples[0].cursor)
        oldest = await _page(session, owner, query, last=2, before=older.samples[0].cursor)

        # then
        assert [sample.value for sample in newest.samples] == [63, 64]
        assert [sample.value for sample in older.samples] == [61, 62]
        assert [sample.value for sample in oldest.samples] == [60]
        assert (newest.has_previous_page, older.has_previous_page, oldest.has_previous_page) == (
            True,
            True,
            False,
        )
        assert (newest.has_next_page, older.has_next_page) == (False, True)

    async def test_last_one_is_the_newest_point_of_a_key(self, session, settings, owner, collar):
        # given
        await _record_series(
            session,
            settings,
            collar.id,
            {0: {"heart_rate": 60.0, "steps": 1.0}, 1: {"heart_rate": 70.0}, 2: {"steps": 9.0}},
        )

        # when
        page = await _page(session, owner, TelemetryQuery(collar.id, keys=["heart_rate"]), last=1)

        # then
        [sample] = page.samples
        assert (sample.key, sample.value, sample.at) == (
            "heart_rate",
            70.0,
            T0 + dt.timedelta(minutes=1),
        )

    async def test_last_walks_buckets_back_from_the_newest(self, session, settings, owner, collar):
        # given
        await _record_series(
            session,
            settings,
            collar.id,
            {minute: {"heart_rate": 1.0} for minute in range(0, 20, 4)},
        )
        query = TelemetryQuery(
            collar.id, start=T0, end=T0 + dt.timedelta(hours=1), bucket=TelemetryBucket.FIVE_MINUTES
        )

        # when
        page = await _page(session, owner, query, last=2)

        # then
        assert [sample.at for sample in page.samples] == [
            T0 + 2 * FIVE_MINUTES,
            T0 + 3 * FIVE_MINUTES,
        ]
        assert page.has_previous_page is True

    @pytest.mark.parametrize(
        ("arguments", "field"),
        [
            ({"first": 1, "last": 1}, "first"),
            ({"last": 1, "after": "x"}, "after"),
            ({"first": 1, "before": "x"}, "before"),
            ({"last": 101}, "last"),
            ({"last": 1, "before": "not a cursor"}, "before"),
        ],
    )
    async def test_mixed_or_bad_arguments_are_refused(
        self, session, owner, collar, arguments, field
    ):
        # when
        with pytest.raises(ValidationFailed) as refused:
            await _page(session, owner, TelemetryQuery(collar.id), **arguments)

        # then
        assert refused.value.field == [field]


class TestLatest:
    @pytest.mark.parametrize("backend", ["postgresql", "sqlite"])
    async def test_newest_point_of_every_key_of_every_device_on_both_backends(
        self, backend, session, sqlite_session, settings
    ):
        # given
        db = session if backend == "postgresql" else sqlite_session
        owner = await create_user(db, prefix="owner")
        collar = await create_device(db, owner, kind=DeviceKind.COLLAR, name="collar")
        feeder = await create_device(db, owner, kind=DeviceKind.FEEDER, name="feeder")
        silent = await create_device(db, owner, kind=DeviceKind.COLLAR, name="silent")
        await _record_series(
            db,
            settings,
            collar.id,
            {0: {"heart_rate": 60.0, "steps": 5.0}, 3: {"heart_rate": 72.0}, 1: {"steps": 8.0}},
        )
        await _record_series(db, settings, feeder.id, {2: {"hopper_percent": 40.0}})

        # when
        latest = await telemetry_service.latest_by_device(db, [collar.id, feeder.id, silent.id])

        # then
        assert {
            device_id: [(s.key, s.value, s.at) for s in samples]
            for device_id, samples in latest.items()
        } == {
            collar.id: [
                ("heart_rate", 72.0, T0 + dt.timedelta(minutes=3)),
                ("steps", 8.0, T0 + dt.timedelta(minutes=1)),
            ],
            feeder.id: [("hopper_percent", 40.0, T0 + dt.timedelta(minutes=2))],
        }


class TestBuckets:
    @pytest.mark.parametrize("backend", ["postgresql", "sqlite"])
    async def test_buckets_summarise_points_on_both_backends(
        self, backend, session, sqlite_session, settings
    ):
        # given
        db = session if backend == "postgresql" else sqlite_session
        owner = await create_user(db, prefix="owner")
        device = await create_device(db, owner, kind=DeviceKind.COLLAR, name="collar")
        await _record_series(
            db,
            settings,
            device.id,
            {
                0: {"heart_rate": 60.0},
                2: {"heart_rate": 80.0},
                4: {"heart_rate": 70.0},
                6: {"heart_rate": 100.0},
            },
        )
        query = TelemetryQuery(
            device.id, start=T0, end=T0 + dt.timedelta(hours=1), bucket=TelemetryBucket.FIVE_MINUTES
        )

        # when
        page = await _page(db, owner, query)

        # then
        summaries = [(s.at, s.end, s.minimum, s.maximum, s.average, s.count) for s in page.samples]
        assert summaries == [
            (T0, T0 + FIVE_MINUTES, 60.0, 80.0, 70.0, 3),
            (T0 + FIVE_MINUTES, T0 + 2 * FIVE_MINUTES, 100.0, 100.0, 100.0, 1),
        ]
        assert await page.count_total() == 2

    async def test_bucket_pages_are_ordered_by_start_then_key(
        self, session, settings, owner, collar
    ):
        # given
        await _record_series(
            session,
            settings,
            collar.id,
            {minute: {"heart_rate": 70.0, "battery": 90.0} for minute in range(3)},
        )
        query = TelemetryQuery(
            collar.id, start=T0, end=T0 + dt.timedelta(minutes=3), bucket=TelemetryBucket.ONE_MINUTE
        )

        # when
        first = await _page(session, owner, query, first=4)
        rest = await _page(session, owner, query, first=4, after=first.samples[-1].cursor)

        # then
        order = [(sample.at, sample.key) for sample in first.samples + rest.samples]
        assert order == [
            (T0 + dt.timedelta(minutes=m), key)
            for m in range(3)
            for key in ("battery", "heart_rate")
        ]
        assert (first.has_next_page, rest.has_next_page) == (True, False)

    async def test_too_many_buckets_are_refused(self, session, owner, collar):
        # given
        query = TelemetryQuery(
            collar.id, start=T0, end=T0 + dt.timedelta(days=8), bucket=TelemetryBucket.ONE_MINUTE
        )

        # when / then
        with pytest.raises(InvalidTelemetryRange):
            await _page(session, owner, query)


class TestWatchers:
    async def test_a_watch_counts_until_it_ends(self, session, collar):
        # given
        watcher = await telemetry_service.start_watch(session, collar.id, T0)

        # when
        watching = await telemetry_service.watched_since(
            session, [collar.id], T0 + dt.timedelta(seconds=1)
        )
        await telemetry_service.end_watch(session, watcher)
        ended = await telemetry_service.watched_since(
            session, [collar.id], T0 + dt.timedelta(seconds=1)
        )

        # then
        assert watching == {collar.id: T0}
        assert ended == {}

    async def test_a_watch_nobody_refreshes_expires(self, session, collar):
        # given
        watcher = await telemetry_service.start_watch(session, collar.id, T0)
        later = T0 + telemetry_service.WATCH_TTL

        # when
        expired = await telemetry_service.watched_since(session, [collar.id], later)
        await telemetry_service.refresh_watches(session, [watcher], later - dt.timedelta(seconds=1))
        refreshed = await telemetry_service.watched_since(session, [collar.id], later)

        # then
        assert expired == {}
        assert refreshed == {collar.id: T0}
