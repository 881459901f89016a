import datetime as dt

import pytest

from graphql_api import events
from graphql_api.auth import Role, Viewer
from graphql_api.collars.readings import service as collars_service
from graphql_api.collars.readings.errors import CollarKeyInvalid, ReadingInvalid, ReadingsRejected
from graphql_api.collars.readings.service import CollarUpload, IngestResult, ReportedReading
from graphql_api.devices.models import DeviceKind
from graphql_api.group_commit import Refused
from graphql_api.telemetry import service as telemetry_service
from graphql_api.telemetry.service import TelemetryEvent
from tests.factories.accounts import viewer_of
from tests.factories.devices_db import register_device
from tests.support.database import counting_statements

NOW = dt.datetime(2026, 12, 4, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
async def issued_collar(session, owner):
    return await register_device(session, owner, DeviceKind.COLLAR, hardware_id="SN-12345")


def reading(at: dt.datetime = NOW, **overrides) -> ReportedReading:
    values = {
        "collar_id": "SN-12345",
        "measured_at": at,
        "heart_rate": 85,
        "activity_level": 1,
        "longitude": -74.006,
        "latitude": 40.7128,
    }
    values.update(overrides)
    return ReportedReading(**values)


def upload(issued, readings, *, batch: bool = False, key: str | None = None) -> CollarUpload:
    return CollarUpload(key or issued.api_key, None, readings, NOW, batch=batch)


async def ingest(session, settings, issued, readings, *, batch: bool = False) -> IngestResult:
    """One upload of ``issued``'s readings; its refusal raised."""
    (outcome,) = await collars_service.ingest_uploads(
        session, settings, [upload(issued, readings, batch=batch)]
    )
    if isinstance(outcome, Refused):
        raise outcome.error
    return outcome


def pending_channels(session) -> list[str]:
    return [channel for channel, _ in session.info.get("pawgraph.pending_events", [])]


def pending_readings(session, channel: str) -> list[list[TelemetryEvent]]:
    """The readings of each message buffered on ``channel``."""
    return [
        telemetry_service.readings_of(message)
        for pending_channel, message in session.info.get("pawgraph.pending_events", [])
        if pending_channel == channel
    ]


async def authenticated(session, settings, api_key: str | None, authorization: str | None):
    """One request's credentials through ``authenticate``: its collar, or its refusal raised."""
    credentials = (api_key, authorization)
    outcome = (await collars_service.authenticate(session, settings, [credentials]))[credentials]
    if isinstance(outcome, CollarKeyInvalid):
        raise outcome
    return outcome


class TestAuthenticate:
    async def test_the_key_in_either_header_finds_the_collar(
        self, session, settings, issued_collar
    ):
        # when
        by_header = await authenticated(session, settings, issued_collar.api_key, None)
        by_bearer = await authenticated(session, settings, None, f"Bearer {issued_collar.api_key}")

        # then
        assert by_header.id == by_bearer.id == issued_collar.device.id

    async def test_a_feeders_key_is_refused(self, session, settings, owner):
        # given
        feeder = await register_device(session, owner, DeviceKind.FEEDER)

        # when / then
        with pytest.raises(CollarKeyInvalid):
            await authenticated(session, settings, feeder.api_key, None)

    async def test_many_requests_are_authenticated_in_one_statement_each_on_its_own(
        self, session, settings, engine, owner, issued_collar
    ):
        # given: two collars by either header, a feeder's key, an unknown key, a bad header
        other = await register_device(session, owner, DeviceKind.COLLAR, hardware_id="SN-777")
        feeder = await register_device(session, owner, DeviceKind.FEEDER)
        credentials = [
            (issued_collar.api_key, None),
            (None, f"Bearer {other.api_key}"),
            (feeder.api_key, None),
            ("not-a-key", None),
            (None, "Basic Zm9vOmJhcg=="),
        ]

        # when
        with counting_statements(engine) as statements:
            outcomes = await collars_service.authenticate(session, settings, credentials)

        # then
        assert outcomes[credentials[0]].id == issued_collar.device.id
        assert outcomes[credentials[1]].id == other.device.id
        assert all(isinstance(outcomes[c], CollarKeyInvalid) for c in credentials[2:])
        assert len(statements) == 1


class TestCheck:
    def test_rounds_the_position_to_six_places(self, issued_collar):
        # when
        clean = collars_service.check(
            issued_collar.device, reading(longitude=-74.0061234567, latitude=40.71284999), NOW
        )

        # then
        assert (clean.longitude, clean.latitude) == (-74.006123, 40.71285)

    @pytest.mark.parametrize(
        "offset",
        [-collars_service.MAX_AGE, collars_service.MAX_AHEAD, dt.timedelta(0)],
    )
    def test_the_edges_of_the_time_window_are_inside(self, issued_collar, offset):
        # when
        clean = collars_service.check(issued_collar.device, reading(NOW + offset), NOW)

        # then
        assert clean.measured_at == NOW + offset

    @pytest.mark.parametrize(
        "offset",
        [
            -collars_service.MAX_AGE - dt.timedelta(seconds=1),
            collars_service.MAX_AHEAD + dt.timedelta(seconds=1),
        ],
    )
    def test_just_outside_the_time_window_is_invalid(self, issued_collar, offset):
        # when / then
        with pytest.raises(ReadingInvalid):
            collars_service.check(issued_collar.device, reading(NOW + offset), NOW)


class TestIngest:
    async def test_a_batch_is_one_insert_and_its_stored_readings_one_broadcast(
        self, session, settings, engine, issued_collar
    ):
        # given
        batch = [(i, reading(NOW - dt.timedelta(seconds=10 * i))) for i in range(50)]

        # when
        with counting_statements(engine) as statements:
            result = await ingest(session, settings, issued_collar, batch, batch=True)

        # then
        inserts = [s for s in statements if s.lstrip().upper().startswith("INSERT INTO COLLAR")]
        assert len(inserts) == 1
        assert len(result.stored) == 50
        channel = events.device_telemetry_channel(issued_collar.device.id)
        (broadcast,) = pending_readings(session, channel)
        assert [event["device_time"] for event in broadcast] == [r.measured_at for _, r in batch]
        assert {event["device_id"] for event in broadcast} == {issued_collar.device.id}
        assert broadcast[0]["values"] == {
            "heart_rate": 85.0,
            "activity_level": 1.0,
            "longitude": -74.006,
            "latitude": 40.7128,
        }
        assert broadcast[0]["state"] == {"collar_id": "SN-12345"} and broadcast[0]["persisted"]

    async def test_a_timestamp_already_stored_or_repeated_is_a_duplicate(
        self, session, settings, issued_collar
    ):
        # given
        await ingest(session, settings, issued_collar, [(0, reading())])

        # when
        result = await ingest(
            session,
            settings,
            issued_collar,
            [(0, reading()), (1, reading(NOW - dt.timedelta(seconds=10))), (2, reading())],
            batch=True,
        )

        # then
        assert (len(result.stored), result.duplicates, result.rejected) == (1, 2, [])

    async def test_nothing_valid_raises_and_nothing_is_written(
        self, session, settings, issued_collar
    ):
        # when
        with pytest.raises(ReadingsRejected) as rejected:
            await ingest(session, settings, issued_collar, [(0, reading(heart_rate=20))])

        # then
        assert rejected.value.message == "heart_rate must be between 30 and 300, got 20."
        assert pending_channels(session) == []
        page = await collars_service.track(
            session,
            viewer_of_owner(issued_collar),
            issued_collar.device.id,
            None,
            None,
            first=10,
            after=None,
            max_page_size=100,
        )
        assert page is not None and page.readings == []

    async def test_the_collar_is_seen_online(self, session, settings, issued_collar):
        # when
        await ingest(session, settings, issued_collar, [(0, reading())])

        # then
        assert issued_collar.device.online is True
        assert issued_collar.device.last_seen_at == NOW


class TestManyUploadsInOneTransaction:
    async def test_each_upload_is_answered_as_if_they_came_one_after_the_other(
        self, session, settings, engine, issued_collar, owner
    ):
        # given: two uploads of one collar sharing a timestamp, and another collar's
        other = await register_device(session, owner, DeviceKind.COLLAR, hardware_id="SN-777")
        earlier = NOW - dt.timedelta(seconds=10)
        uploads = [
            upload(issued_collar, [(0, reading()), (1, reading(earlier))], batch=True),
            upload(issued_collar, [(0, reading(earlier)), (1, reading(NOW - dt.timedelta(1)))]),
            upload(other, [(0, reading(collar_id="SN-777"))]),
        ]

        # when
        with counting_statements(engine) as statements:
            first, second, third = await collars_service.ingest_uploads(session, settings, uploads)

        # then: the second upload's repeat of the first's timestamp is its duplicate
        assert (len(first.stored), first.duplicates) == (2, 0)
        assert (len(second.stored), second.duplicates) == (1, 1)
        assert (len(third.stored), third.duplicates) == (1, 0)
        # and: both keys looked up together, one insert for all, both collars marked seen in
        # one statement
        inserts = [s for s in statements if s.lstrip().upper().startswith("INSERT INTO COLLAR")]
        lookups = [s for s in statements if "api_key_hash" in s and s.lstrip().startswith("SELECT")]
        seen = [s for s in statements if s.lstrip().upper().startswith("UPDATE DEVICES")]
        assert (len(inserts), len(lookups), len(seen)) == (1, 1, 1)
        assert (issued_collar.device.last_seen_at, other.device.last_seen_at) == (NOW, NOW)
        # and: each collar's stored readings broadcast in one message, the duplicate left out
        channel = events.device_telemetry_channel(issued_collar.device.id)
        (broadcast,) = pending_readings(session, channel)
        assert [event["device_time"] for event in broadcast] == [
            NOW,
            earlier,
            NOW - dt.timedelta(1),
        ]
        other_channel = events.device_telemetry_channel(other.device.id)
        assert [len(message) for message in pending_readings(session, other_channel)] == [1]

    async def test_a_refused_upload_is_refused_alone(self, session, settings, issued_collar):
        # given: a bad key, a reading out of range, and a good upload
        uploads = [
            upload(issued_collar, [(0, reading())], key="not-a-key"),
            upload(issued_collar, [(0, reading(heart_rate=20))]),
            upload(issued_collar, [(0, reading())]),
        ]

        # when
        bad_key, out_of_range, good = await collars_service.ingest_uploads(
            session, settings, uploads
        )

        # then
        assert isinstance(bad_key, Refused) and isinstance(bad_key.error, CollarKeyInvalid)
        assert isinstance(out_of_range, Refused)
        assert isinstance(out_of_range.error, ReadingsRejected)
        assert isinstance(good, IngestResult) and len(good.stored) == 1

    async def test_an_unreadable_body_is_answered_only_once_the_key_checks_out(
        self, session, settings, issued_collar
    ):
        # given
        unreadable = ReadingInvalid("Request body is not valid JSON.")

        def garbled(key: str) -> CollarUpload:
            return CollarUpload(key, None, [], NOW, unreadable=unreadable)

        # when
        without_key, with_key = await collars_service.ingest_uploads(
            session, settings, [garbled("not-a-key"), garbled(issued_collar.api_key)]
        )

        # then
        assert isinstance(without_key, Refused) and isinstance(without_key.error, CollarKeyInvalid)
        assert isinstance(with_key, Refused) and with_key.error is unreadable


class TestTrack:
    async def test_another_owner_gets_none(self, session, settings, issued_collar, stranger):
        # given
        await ingest(session, settings, issued_collar, [(0, reading())])

        # when
        page = await collars_service.track(
            session,
            viewer_of(stranger),
            issued_collar.device.id,
            None,
            None,
            first=10,
            after=None,
            max_page_size=100,
        )

        # then
        assert page is None


def viewer_of_owner(issued) -> Viewer:
    return Viewer(user_id=issued.device.owner_id, role=Role.OWNER)


class TestIngestOnSQLite:
    """The embedded default builds the batch insert its own way (executemany, not unnest)."""

    @pytest.fixture
    def session(self, sqlite_session):
        return sqlite_session

    async def test_a_batch_is_stored_once_and_a_repeat_is_a_duplicate(
        self, session, settings, issued_collar
    ):
        # given
        batch = [(i, reading(NOW - dt.timedelta(seconds=10 * i))) for i in range(5)]
        first = await ingest(session, settings, issued_collar, batch, batch=True)

        # when
        again = await ingest(session, settings, issued_collar, batch[:2], batch=True)

        # then
        assert (len(first.stored), first.duplicates) == (5, 0)
        assert (len(again.stored), again.duplicates) == (0, 2)
        assert sorted(first.stored) == sorted(set(first.stored))
