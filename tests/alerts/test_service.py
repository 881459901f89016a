import asyncio

import pytest

from graphql_api import events
from graphql_api.alerts import service as alerts_service
from graphql_api.alerts.errors import AlertErrorCode
from graphql_api.alerts.models import AlertKind, AlertStatus
from graphql_api.alerts.repository import AlertRepository
from graphql_api.auth import Role
from graphql_api.db import create_sessionmaker, utcnow
from graphql_api.devices.errors import DeviceErrorCode
from graphql_api.errors import DomainError, NotAuthenticated
from graphql_api.notifications import service as notifications_service
from graphql_api.notifications.models import NotificationKind
from graphql_api.pagination import PageArgs
from graphql_api.unit_of_work import dispatch, unit_of_work
from tests.alerts.conftest import open_alert_count
from tests.factories.accounts import create_user, viewer_of
from tests.factories.devices_db import create_device

FIRST_PAGE = PageArgs(limit=20, forward=True, cursor=None)


class TestRaiseAlert:
    async def test_opens_an_active_alert_in_the_owners_inbox(self, session, owner, feeder):
        # given
        now = utcnow()

        # when
        alert = await alerts_service.raise_alert(session, feeder, AlertKind.FOOD_LOW, "Low", now)

        # then
        assert alert is not None
        assert (alert.status, alert.owner_id, alert.raised_at) == (
            AlertStatus.ACTIVE,
            owner.id,
            now,
        )
        page, _ = await notifications_service.list_for_viewer(session, viewer_of(owner), FIRST_PAGE)
        [notification] = page.items
        assert notification.kind is NotificationKind.DEVICE_ALERT
        assert (notification.target_type, notification.target_id) == ("Alert", alert.id)
        assert notification.text == "Low"

    async def test_a_second_raise_while_one_is_open_makes_nothing(self, session, owner, feeder):
        # given
        await alerts_service.raise_alert(session, feeder, AlertKind.FOOD_LOW, "Low", utcnow())

        # when
        again = [
            await alerts_service.raise_alert(session, feeder, AlertKind.FOOD_LOW, "Low", utcnow())
            for _ in range(5)
        ]

        # then
        assert again == [None] * 5
        assert await open_alert_count(session, feeder.id, AlertKind.FOOD_LOW) == 1
        assert await notifications_service.unread_count(session, viewer_of(owner)) == 1

    async def test_an_acknowledged_alert_still_counts_as_open(self, session, owner, feeder):
        # given
        alert = await alerts_service.raise_alert(
            session, feeder, AlertKind.OFFLINE, "Off", utcnow()
        )
        await alerts_service.acknowledge(session, viewer_of(owner), alert.id, utcnow())

        # when
        again = await alerts_service.raise_alert(
            session, feeder, AlertKind.OFFLINE, "Off", utcnow()
        )

        # then
        assert again is None

    async def test_other_kinds_are_independent(self, session, feeder):
        # given
        await alerts_service.raise_alert(session, feeder, AlertKind.FOOD_LOW, "Low", utcnow())

        # when
        offline = await alerts_service.raise_alert(
            session, feeder, AlertKind.OFFLINE, "Off", utcnow()
        )

        # then
        assert offline is not None

    async def test_a_new_alert_is_raised_after_the_last_one_cleared(self, session, feeder):
        # given
        first = await alerts_service.raise_alert(
            session, feeder, AlertKind.FOOD_LOW, "Low", utcnow()
        )
        await alerts_service.clear_condition(session, feeder, AlertKind.FOOD_LOW, utcnow())

        # when
        second = await alerts_service.raise_alert(
            session, feeder, AlertKind.FOOD_LOW, "Low", utcnow()
        )

        # then
        assert second is not None and second.id != first.id

    async def test_is_published_to_the_owner_only_after_commit(
        self, session, owner, feeder, memory_bus
    ):
        # given
        channel = events.user_alerts_channel(owner.id)
        async with memory_bus.subscribe(channel) as messages:
            # when
            alert = await alerts_service.raise_alert(
                session, feeder, AlertKind.FOOD_LOW, "Low", utcnow()
            )
            await session.commit()
            await dispatch(session, memory_bus)

            # then
            message = await asyncio.wait_for(anext(messages), 10)
        event = alerts_service.AlertEvent.model_validate_json(message)
        assert (event.alert_id, event.change) == (alert.id, alerts_service.AlertChange.RAISED)

    async def test_a_muted_owner_gets_the_alert_without_a_notification(
        self, session, owner, feeder
    ):
        # given
        await notifications_service.set_kind_muted(
            session, viewer_of(owner), NotificationKind.DEVICE_ALERT, True
        )

        # when
        alert = await alerts_service.raise_alert(
            session, feeder, AlertKind.FOOD_LOW, "Low", utcnow()
        )

        # then
        assert alert is not None
        assert await notifications_service.unread_count(session, viewer_of(owner)) == 0


class TestConcurrentRaise:
    """Separate connections, each its own transaction, as separate API processes would be."""

    @pytest.fixture
    async def committed_feeder(self, app_state):
        async with unit_of_work(app_state) as session:
            owner = await create_user(session, prefix="racer")
            return await create_device(session, owner, name="Raced feeder")

    async def test_a_storm_of_raises_opens_one_alert(self, app_state, committed_feeder):
        # given
        async def raise_and_commit():
            async with unit_of_work(app_state) as session:
                return await alerts_service.raise_alert(
                    session, committed_feeder, AlertKind.THRESHOLD, "Over", utcnow()
                )

        # when
        results = await asyncio.gather(*(raise_and_commit() for _ in range(8)))

        # then
        assert len([alert for alert in results if alert is not None]) == 1
        async with app_state.sessionmaker() as session:
            assert await open_alert_count(session, committed_feeder.id, AlertKind.THRESHOLD) == 1

    async def test_an_insert_racing_an_uncommitted_one_does_nothing(self, engine, committed_feeder):
        # given: the first transaction has inserted but not committed
        sessionmaker = create_sessionmaker(engine)
        values = dict(
            device_id=committed_feeder.id,
            owner_id=committed_feeder.owner_id,
            kind=AlertKind.OVERLOAD,
            status=AlertStatus.ACTIVE,
            message="Tripped",
            raised_at=utcnow(),
        )
        async with sessionmaker() as first, sessionmaker() as second:
            inserted = await AlertRepository(first).insert_open(**values)
            # when: the second inserts too (it waits on the first's row), then the first commits
            racing = asyncio.create_task(AlertRepository(second).insert_open(**values))
            await asyncio.sleep(0.2)
            await first.commit()
            lost = await asyncio.wait_for(racing, 10)
            await second.commit()

        # then
        assert inserted is not None
        assert lost is None
        async with sessionmaker() as session:
            assert await open_alert_count(session, committed_feeder.id, AlertKind.OVERLOAD) == 1


class TestClearCondition:
    async def test_clears_the_open_alert_as_ended_by_itself(self, session, feeder):
        # given
        alert = await alerts_service.raise_alert(
            session, feeder, AlertKind.FOOD_LOW, "Low", utcnow()
        )
        now = utcnow()

        # when
        cleared = await alerts_service.clear_condition(session, feeder, AlertKind.FOOD_LOW, now)

        # then
        assert cleared.id == alert.id
        assert (cleared.status, cleared.cleared_at, cleared.cleared_by) == (
            AlertStatus.CLEARED,
            now,
            None,
        )

    async def test_nothing_open_is_nothing_to_clear(self, session, feeder):
        # when
        cleared = await alerts_service.clear_condition(session, feeder, AlertKind.OFFLINE, utcnow())

        # then
        assert cleared is None


def _code(error: DomainError) -> str:
    return error.code.value


class TestAcknowledge:
    async def test_moves_an_active_alert_to_acknowledged(self, session, owner, feeder):
        # given
        alert = await alerts_service.raise_alert(
            session, feeder, AlertKind.FOOD_LOW, "Low", utcnow()
        )
        now = utcnow()

        # when
        acknowledged = await alerts_service.acknowledge(session, viewer_of(owner), alert.id, now)

        # then
        assert (acknowledged.status, acknowledged.acknowledged_at) == (
            AlertStatus.ACKNOWLEDGED,
            now,
        )

    async def test_acknowledging_twice_names_the_current_status(self, session, owner, feeder):
        # given
        alert = await alerts_service.raise_alert(
            session, feeder, AlertKind.FOOD_LOW, "Low", utcnow()
        )
        await alerts_service.acknowledge(session, viewer_of(owner), alert.id, utcnow())

        # when
        with pytest.raises(DomainError) as raised:
            await alerts_service.acknowledge(session, viewer_of(owner), alert.id, utcnow())

        # then
        assert _code(raised.value) == AlertErrorCode.ALERT_TRANSITION_NOT_ALLOWED
        assert "ACKNOWLEDGED" in raised.value.message

    async def test_a_cleared_alert_cannot_be_acknowledged(self, session, owner, feeder):
        # given
        alert = await alerts_service.raise_alert(
            session, feeder, AlertKind.FOOD_LOW, "Low", utcnow()
        )
        await alerts_service.clear_condition(session, feeder, AlertKind.FOOD_LOW, utcnow())

        # when
        with pytest.raises(DomainError) as raised:
            await alerts_service.acknowledge(session, viewer_of(owner), alert.id, utcnow())

        # then
        assert _code(raised.value) == AlertErrorCode.ALERT_TRANSITION_NOT_ALLOWED
        assert "CLEARED" in raised.value.message

    async def test_another_users_alert_is_not_found(self, session, stranger, feeder):
        # given
        alert = await alerts_service.raise_alert(
            session, feeder, AlertKind.FOOD_LOW, "Low", utcnow()
        )

        # when
        with pytest.raises(DomainError) as raised:
            await alerts_service.acknowledge(session, viewer_of(stranger), alert.id, utcnow())

        # then
        assert _code(raised.value) == AlertErrorCode.ALERT_NOT_FOUND

    async def test_needs_a_viewer(self, session, feeder):
        # given
        alert = await alerts_service.raise_alert(
            session, feeder, AlertKind.FOOD_LOW, "Low", utcnow()
        )

        # when / then
        with pytest.raises(NotAuthenticated):
            await alerts_service.acknowledge(session, None, alert.id, utcnow())


class TestClearByHand:
    async def test_records_who_cleared_it(self, session, owner, feeder):
        # given
        alert = await alerts_service.raise_alert(
            session, feeder, AlertKind.FOOD_LOW, "Low", utcnow()
        )

        # when
        cleared = await alerts_service.clear(session, viewer_of(owner), alert.id, utcnow())

        # then
        assert (cleared.status, cleared.cleared_by) == (AlertStatus.CLEARED, owner.id)

    async def test_clearing_twice_names_the_current_status(self, session, owner, feeder):
        # given
        alert = await alerts_service.raise_alert(
            session, feeder, AlertKind.FOOD_LOW, "Low", utcnow()
        )
        await alerts_service.clear(session, viewer_of(owner), alert.id, utcnow())

        # when
        with pytest.raises(DomainError) as raised:
            await alerts_service.clear(session, viewer_of(owner), alert.id, utcnow())

        # then
        assert _code(raised.value) == AlertErrorCode.ALERT_TRANSITION_NOT_ALLOWED
        assert "CLEARED" in raised.value.message


class TestListForViewer:
    async def test_lists_only_the_viewers_alerts_newest_first(
        self, session, owner, stranger, feeder
    ):
        # given
        theirs = await create_device(session, stranger, name="Their feeder")
        low = await alerts_service.raise_alert(session, feeder, AlertKind.FOOD_LOW, "Low", utcnow())
        off = await alerts_service.raise_alert(session, feeder, AlertKind.OFFLINE, "Off", utcnow())
        await alerts_service.raise_alert(session, theirs, AlertKind.FOOD_LOW, "Low", utcnow())

        # when
        page, count = await alerts_service.list_for_viewer(
            session, viewer_of(owner), FIRST_PAGE, alerts_service.AlertFilters()
        )

        # then
        assert [alert.id for alert in page.items] == [off.id, low.id]
        assert await count() == 2

    async def test_filters_by_kind_and_status(self, session, owner, feeder):
        # given
        low = await alerts_service.raise_alert(session, feeder, AlertKind.FOOD_LOW, "Low", utcnow())
        await alerts_service.raise_alert(session, feeder, AlertKind.OFFLINE, "Off", utcnow())
        await alerts_service.acknowledge(session, viewer_of(owner), low.id, utcnow())
        filters = alerts_service.AlertFilters(
            kind=AlertKind.FOOD_LOW, status=AlertStatus.ACKNOWLEDGED
        )

        # when
        page, _ = await alerts_service.list_for_viewer(
            session, viewer_of(owner), FIRST_PAGE, filters
        )

        # then
        assert [alert.id for alert in page.items] == [low.id]

    async def test_another_users_device_is_not_found(self, session, stranger, feeder):
        # given
        filters = alerts_service.AlertFilters(device_id=feeder.id)

        # when
        with pytest.raises(DomainError) as raised:
            await alerts_service.list_for_viewer(session, viewer_of(stranger), FIRST_PAGE, filters)

        # then
        assert _code(raised.value) == DeviceErrorCode.DEVICE_NOT_FOUND

    async def test_staff_may_list_any_device(self, session, feeder):
        # given
        staff = await create_user(session, Role.STAFF, prefix="staff")
        alert = await alerts_service.raise_alert(
            session, feeder, AlertKind.FOOD_LOW, "Low", utcnow()
        )
        filters = alerts_service.AlertFilters(device_id=feeder.id)

        # when
        page, _ = await alerts_service.list_for_viewer(
            session, viewer_of(staff), FIRST_PAGE, filters
        )

        # then
        assert [item.id for item in page.items] == [alert.id]
