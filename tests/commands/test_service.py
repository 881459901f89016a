import asyncio
import datetime as dt

import pytest
from sqlalchemy import select

from graphql_api.alerts.models import Alert, AlertKind
from graphql_api.auth import Role, Viewer
from graphql_api.commands import service as commands_service
from graphql_api.commands.errors import CommandErrorCode, CommandNotFound
from graphql_api.commands.models import (
    CommandConfirmation,
    CommandKind,
    CommandStatus,
    CommandTransition,
)
from graphql_api.db import utcnow
from graphql_api.devices.errors import DeviceErrorCode
from graphql_api.devices.models import DeviceKind
from graphql_api.errors import CommonErrorCode, DomainError
from graphql_api.pagination import PageArgs
from graphql_api.unit_of_work import unit_of_work
from tests.factories.accounts import create_user, viewer_of
from tests.factories.devices_db import create_device

NOW = dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC)
FIRST_PAGE = PageArgs(limit=20, forward=True, cursor=None)


async def history(session, command) -> list[tuple[CommandStatus, str | None]]:
    rows = await session.scalars(
        select(CommandTransition)
        .where(CommandTransition.command_id == command.id)
        .order_by(CommandTransition.id)
    )
    return [(row.status, row.reason) for row in rows]


async def alerts_of(session, device) -> list[Alert]:
    return list(await session.scalars(select(Alert).where(Alert.device_id == device.id)))


async def feed_now(session, owner, feeder, grams=30, now=NOW):
    return await commands_service.issue(
        session, viewer_of(owner), feeder.id, CommandKind.FEED_NOW, {"grams": grams}, now
    )


class TestIssue:
    async def test_queues_the_command_and_records_its_first_transition(
        self, session, owner, feeder
    ):
        # when
        command = await feed_now(session, owner, feeder, grams=40)

        # then
        assert (command.status, command.kind, command.args) == (
            CommandStatus.QUEUED,
            CommandKind.FEED_NOW,
            {"grams": 40},
        )
        assert (command.device_id, command.issued_by_id) == (feeder.id, owner.id)
        assert command.expires_at == NOW + commands_service.COMMAND_TTL
        assert await history(session, command) == [(CommandStatus.QUEUED, None)]

    @pytest.mark.parametrize("grams", [0, 5, 15, 165, 170, -10, 30.5])
    async def test_refuses_portions_outside_10_to_160_in_steps_of_10(
        self, session, owner, feeder, grams
    ):
        # when
        with pytest.raises(DomainError) as raised:
            await feed_now(session, owner, feeder, grams=grams)

        # then
        assert (raised.value.code, raised.value.field) == (
            CommandErrorCode.INVALID_COMMAND,
            ["grams"],
        )

    async def test_another_owners_device_is_not_found(self, session, stranger, feeder):
        # when
        with pytest.raises(DomainError) as raised:
            await feed_now(session, stranger, feeder)

        # then
        assert raised.value.code is DeviceErrorCode.DEVICE_NOT_FOUND

    async def test_staff_command_an_owners_device_as_themselves(self, session, feeder):
        # given
        staff = await create_user(session, Role.STAFF, prefix="staff")

        # when
        command = await feed_now(session, staff, feeder)

        # then
        assert command.device_id == feeder.id
        assert command.issued_by_id == staff.id
        assert command.status is CommandStatus.QUEUED

    async def test_suspended_staff_cannot_command_a_device(self, session, feeder):
        # given
        staff = await create_user(session, Role.STAFF, prefix="staff")
        suspended = Viewer(user_id=staff.id, role=Role.STAFF, suspended=True)

        # when
        with pytest.raises(DomainError) as raised:
            await commands_service.issue(
                session, suspended, feeder.id, CommandKind.FEED_NOW, {"grams": 30}, NOW
            )

        # then
        assert raised.value.code is CommonErrorCode.ACCOUNT_SUSPENDED

    async def test_a_command_the_device_kind_cannot_run_is_refused(self, session, owner, feeder):
        # when
        with pytest.raises(DomainError) as raised:
            await commands_service.issue(
                session, viewer_of(owner), feeder.id, CommandKind.RELAY_ON, {"socket": "a"}, NOW
            )

        # then
        assert raised.value.code is CommandErrorCode.COMMAND_NOT_SUPPORTED

    async def test_a_suspended_owner_cannot_issue(self, session, owner, feeder):
        # given
        suspended = Viewer(user_id=owner.id, role=owner.role, suspended=True)

        # when
        with pytest.raises(DomainError) as raised:
            await commands_service.issue(
                session, suspended, feeder.id, CommandKind.FEED_NOW, {"grams": 30}, NOW
            )

        # then
        assert raised.value.code is CommonErrorCode.ACCOUNT_SUSPENDED

    async def test_set_threshold_becomes_the_outlets_threshold(self, session, owner, outlet):
        # when
        await commands_service.issue(
            session,
            viewer_of(owner),
            outlet.id,
            CommandKind.SET_THRESHOLD,
            {"milliamps": 1500},
            NOW,
        )

        # then
        assert outlet.state["threshold_ma"] == 1500


class TestCutAllPower:
    async def test_turns_off_both_sockets_of_every_outlet_as_one_group(
        self, session, owner, hub, outlet
    ):
        # given
        second = await create_device(
            session, owner, kind=DeviceKind.OUTLET, hardware_id="03", parent_id=hub.id
        )

        # when
        commands = await commands_service.cut_all_power(session, viewer_of(owner), hub.id, NOW)

        # then
        assert [(c.device_id, c.kind, c.args["socket"]) for c in commands] == [
            (outlet.id, CommandKind.RELAY_OFF, "a"),
            (outlet.id, CommandKind.RELAY_OFF, "b"),
            (second.id, CommandKind.RELAY_OFF, "a"),
            (second.id, CommandKind.RELAY_OFF, "b"),
        ]
        assert len({c.group_id for c in commands}) == 1 and commands[0].group_id

    async def test_a_hub_without_outlets_is_refused(self, session, owner, hub):
        # when
        with pytest.raises(DomainError) as raised:
            await commands_service.cut_all_power(session, viewer_of(owner), hub.id, NOW)

        # then
        assert (raised.value.code, raised.value.field) == (
            CommandErrorCode.INVALID_COMMAND,
            ["hubId"],
        )

    async def test_another_owners_hub_is_not_found(self, session, stranger, hub, outlet):
        # when
        with pytest.raises(DomainError) as raised:
            await commands_service.cut_all_power(session, viewer_of(stranger), hub.id, NOW)

        # then
        assert raised.value.code is DeviceErrorCode.DEVICE_NOT_FOUND

    async def test_staff_cut_an_owners_hub_as_themselves(self, session, hub, outlet):
        # given
        staff = await create_user(session, Role.STAFF, prefix="staff")

        # when
        commands = await commands_service.cut_all_power(session, viewer_of(staff), hub.id, NOW)

        # then
        assert [(c.device_id, c.issued_by_id) for c in commands] == [
            (outlet.id, staff.id),
            (outlet.id, staff.id),
        ]


class TestFetchPending:
    async def test_hands_out_the_oldest_first_and_marks_them_sent(self, session, owner, feeder):
        # given
        first = await feed_now(session, owner, feeder, grams=10)
        second = await feed_now(session, owner, feeder, grams=20)
        later = NOW + dt.timedelta(seconds=10)

        # when
        fetched = await commands_service.fetch_pending(session, feeder, later, limit=1)

        # then
        assert [command.id for command in fetched] == [first.id]
        assert (first.status, first.sent_at) == (CommandStatus.SENT, later)
        assert second.status is CommandStatus.QUEUED
        assert await history(session, first) == [
            (CommandStatus.QUEUED, None),
            (CommandStatus.SENT, None),
        ]

    async def test_a_fetched_command_is_not_handed_out_again(self, session, owner, feeder):
        # given
        await feed_now(session, owner, feeder)
        await commands_service.fetch_pending(session, feeder, NOW)

        # when
        again = await commands_service.fetch_pending(session, feeder, NOW)

        # then
        assert again == []

    async def test_expired_and_other_devices_commands_are_not_handed_out(
        self, session, owner, feeder
    ):
        # given
        other = await create_device(session, owner, kind=DeviceKind.FEEDER)
        await feed_now(session, owner, other)
        await feed_now(session, owner, feeder, now=NOW - dt.timedelta(hours=1))

        # when
        fetched = await commands_service.fetch_pending(session, feeder, NOW)

        # then
        assert fetched == []

    async def test_a_late_fetch_leaves_time_to_acknowledge(self, session, owner, feeder):
        # given
        command = await feed_now(session, owner, feeder)
        almost_expired = command.expires_at - dt.timedelta(seconds=1)

        # when
        await commands_service.fetch_pending(session, feeder, almost_expired)

        # then
        assert command.expires_at == almost_expired + commands_service.ACK_GRACE


class TestAcknowledge:
    @pytest.mark.parametrize("result", ["ok", "completed", "success", "OK"])
    async def test_success_results_succeed(self, session, owner, feeder, result):
        # given
        command = await feed_now(session, owner, feeder)
        await commands_service.fetch_pending(session, feeder, NOW)

        # when
        acked = await commands_service.acknowledge(session, feeder, command.id, result, None, NOW)

        # then
        assert (acked.status, acked.reason, acked.finished_at) == (
            CommandStatus.SUCCEEDED,
            None,
            NOW,
        )
        assert await alerts_of(session, feeder) == []

    @pytest.mark.parametrize("result", ["busy", "cooldown", "boot_mute", "failed"])
    async def test_a_refusal_fails_with_its_reason_and_tells_the_owner(
        self, session, owner, feeder, result
    ):
        # given
        command = await feed_now(session, owner, feeder)
        await commands_service.fetch_pending(session, feeder, NOW)

        # when
        acked = await commands_service.acknowledge(session, feeder, command.id, result, None, NOW)

        # then
        assert (acked.status, acked.reason) == (CommandStatus.FAILED, result)
        assert (await history(session, command))[-1] == (CommandStatus.FAILED, result)
        [alert] = await alerts_of(session, feeder)
        assert alert.kind is AlertKind.COMMAND_FAILED
        assert result in alert.message

    async def test_the_error_message_joins_the_reason(self, session, owner, feeder):
        # given
        command = await feed_now(session, owner, feeder)

        # when
        acked = await commands_service.acknowledge(
            session, feeder, command.id, "failed", "motor jam", NOW
        )

        # then
        assert acked.reason == "failed: motor jam"

    async def test_acknowledging_twice_changes_nothing(self, session, owner, feeder):
        # given
        command = await feed_now(session, owner, feeder)
        await commands_service.acknowledge(session, feeder, command.id, "ok", None, NOW)

        # when
        again = await commands_service.acknowledge(session, feeder, command.id, "busy", None, NOW)

        # then
        assert again.status is CommandStatus.SUCCEEDED
        assert [status for status, _ in await history(session, command)] == [
            CommandStatus.QUEUED,
            CommandStatus.SUCCEEDED,
        ]

    async def test_another_devices_command_is_not_found(self, session, owner, feeder):
        # given
        other = await create_device(session, owner, kind=DeviceKind.FEEDER)
        command = await feed_now(session, owner, feeder)

        # when
        with pytest.raises(CommandNotFound):
            await commands_service.acknowledge(session, other, command.id, "ok", None, NOW)

        # then
        assert command.status is CommandStatus.QUEUED

    async def test_an_unknown_command_is_not_found(self, session, feeder):
        # when / then
        with pytest.raises(CommandNotFound):
            await commands_service.acknowledge(session, feeder, 2**31 - 1, "ok", None, NOW)


class TestConfirmRelayState:
    async def test_a_reading_in_the_commanded_state_confirms_the_command(
        self, session, owner, outlet
    ):
        # given
        command = await commands_service.issue(
            session, viewer_of(owner), outlet.id, CommandKind.RELAY_ON, {"socket": "b"}, NOW
        )
        await commands_service.fetch_pending(session, outlet, NOW)

        # when
        confirmed = await commands_service.confirm_relay_state(session, outlet, False, True, NOW)

        # then
        assert [c.id for c in confirmed] == [command.id]
        assert command.status is CommandStatus.SUCCEEDED

    async def test_a_reading_in_the_old_state_leaves_it_sent(self, session, owner, outlet):
        # given
        command = await commands_service.issue(
            session, viewer_of(owner), outlet.id, CommandKind.RELAY_ON, {"socket": "a"}, NOW
        )
        await commands_service.fetch_pending(session, outlet, NOW)

        # when
        confirmed = await commands_service.confirm_relay_state(session, outlet, False, True, NOW)

        # then
        assert confirmed == []
        assert command.status is CommandStatus.SENT


class TestExpireDue:
    async def test_an_unfetched_command_expires_and_the_owner_is_told(
        self, session, owner, feeder, settings
    ):
        # given
        command = await feed_now(session, owner, feeder)

        # when
        settled = await commands_service.expire_due(
            session, settings, command.expires_at + dt.timedelta(seconds=1)
        )

        # then
        assert settled >= 1
        assert (command.status, command.reason) == (
            CommandStatus.EXPIRED,
            commands_service.NOT_FETCHED,
        )
        assert (await history(session, command))[-1][0] is CommandStatus.EXPIRED
        [alert] = await alerts_of(session, feeder)
        assert alert.kind is AlertKind.COMMAND_FAILED

    async def test_a_command_not_yet_due_is_left_alone(self, session, owner, feeder, settings):
        # given
        command = await feed_now(session, owner, feeder)

        # when
        await commands_service.expire_due(session, settings, NOW + dt.timedelta(seconds=30))

        # then
        assert command.status is CommandStatus.QUEUED

    async def test_an_unconfirmed_relay_command_fails(self, session, owner, outlet, settings):
        # given
        command = await commands_service.issue(
            session, viewer_of(owner), outlet.id, CommandKind.RELAY_OFF, {"socket": "a"}, NOW
        )
        await commands_service.fetch_pending(session, outlet, NOW)
        later = NOW + settings.relay_confirm_timeout + dt.timedelta(seconds=1)

        # when
        await commands_service.expire_due(session, settings, later)

        # then
        assert (command.status, command.reason) == (
            CommandStatus.FAILED,
            commands_service.NOT_CONFIRMED,
        )

    async def test_a_sent_feeder_command_never_acknowledged_expires(
        self, session, owner, feeder, settings
    ):
        # given
        command = await feed_now(session, owner, feeder)
        await commands_service.fetch_pending(session, feeder, NOW)

        # when
        await commands_service.expire_due(
            session, settings, command.expires_at + dt.timedelta(seconds=1)
        )

        # then
        assert (command.status, command.reason) == (
            CommandStatus.EXPIRED,
            commands_service.NOT_ACKNOWLEDGED,
        )

    async def test_outlet_commands_nothing_confirms_end_delivered_and_stay_so(
        self, session, owner, outlet, settings
    ):
        # given
        command = await commands_service.issue(
            session, viewer_of(owner), outlet.id, CommandKind.READ_SENSORS, {}, NOW
        )
        await commands_service.fetch_pending(session, outlet, NOW)

        # when
        await commands_service.expire_due(session, settings, NOW + dt.timedelta(days=1))

        # then
        assert (command.status, command.sent_at, command.finished_at) == (
            CommandStatus.DELIVERED,
            NOW,
            NOW,
        )
        assert await history(session, command) == [
            (CommandStatus.QUEUED, None),
            (CommandStatus.DELIVERED, None),
        ]
        assert await alerts_of(session, outlet) == []


class TestConfirmation:
    @pytest.mark.parametrize(
        ("kind", "args", "device", "confirmation"),
        [
            (CommandKind.RELAY_ON, {"socket": "a"}, "outlet", CommandConfirmation.OBSERVED_STATE),
            (CommandKind.RELAY_OFF, {"socket": "b"}, "outlet", CommandConfirmation.OBSERVED_STATE),
            (CommandKind.SET_THRESHOLD, {"milliamps": 900}, "outlet", CommandConfirmation.DELIVERY),
            (CommandKind.READ_SENSORS, {}, "outlet", CommandConfirmation.DELIVERY),
            (CommandKind.PING, {}, "outlet", CommandConfirmation.DELIVERY),
            (CommandKind.FEED_NOW, {"grams": 30}, "feeder", CommandConfirmation.DEVICE_ACK),
            (CommandKind.CALIBRATE, {}, "feeder", CommandConfirmation.DEVICE_ACK),
        ],
    )
    async def test_each_kind_is_issued_with_its_rule(
        self, session, owner, outlet, feeder, kind, args, device, confirmation
    ):
        # given
        target = {"outlet": outlet, "feeder": feeder}[device]

        # when
        command = await commands_service.issue(
            session, viewer_of(owner), target.id, kind, args, NOW
        )

        # then
        assert command.confirmation is confirmation

    async def test_a_ping_to_an_mqtt_device_waits_for_its_ack(self, session, owner):
        # given
        collar = await create_device(session, owner, kind=DeviceKind.COLLAR)

        # when
        command = await commands_service.issue(
            session, viewer_of(owner), collar.id, CommandKind.PING, {}, NOW
        )
        await commands_service.fetch_pending(session, collar, NOW)

        # then
        assert command.confirmation is CommandConfirmation.DEVICE_ACK
        assert command.status is CommandStatus.SENT

    async def test_a_delivered_command_ignores_a_late_ack(self, session, owner, outlet):
        # given
        command = await commands_service.issue(
            session, viewer_of(owner), outlet.id, CommandKind.SET_THRESHOLD, {"milliamps": 900}, NOW
        )
        await commands_service.fetch_pending(session, outlet, NOW)

        # when
        again = await commands_service.acknowledge(session, outlet, command.id, "failed", None, NOW)

        # then
        assert again.status is CommandStatus.DELIVERED


class TestJamReports:
    async def test_a_feed_refused_on_a_jam_raises_jam_not_command_failed(
        self, session, owner, feeder
    ):
        # given
        command = await feed_now(session, owner, feeder)
        await commands_service.fetch_pending(session, feeder, NOW)

        # when
        acked = await commands_service.acknowledge(
            session, feeder, command.id, "failed", "jam: wheel stalled after 2 retries", NOW
        )

        # then
        assert (acked.status, acked.reason) == (
            CommandStatus.FAILED,
            "failed: jam: wheel stalled after 2 retries",
        )
        [alert] = await alerts_of(session, feeder)
        assert alert.kind is AlertKind.JAM
        assert "jam" in alert.message

    async def test_another_failure_is_still_command_failed(self, session, owner, feeder):
        # given
        command = await feed_now(session, owner, feeder)
        await commands_service.fetch_pending(session, feeder, NOW)

        # when
        await commands_service.acknowledge(session, feeder, command.id, "cooldown", None, NOW)

        # then
        [alert] = await alerts_of(session, feeder)
        assert alert.kind is AlertKind.COMMAND_FAILED


class TestListForViewer:
    async def test_newest_first_and_filtered_by_status(self, session, owner, feeder):
        # given
        first = await feed_now(session, owner, feeder, grams=10)
        second = await feed_now(session, owner, feeder, grams=20)
        await commands_service.acknowledge(session, feeder, first.id, "ok", None, NOW)

        # when
        everything, count = await commands_service.list_for_viewer(
            session, viewer_of(owner), FIRST_PAGE, device_id=feeder.id
        )
        queued, _ = await commands_service.list_for_viewer(
            session, viewer_of(owner), FIRST_PAGE, device_id=feeder.id, status=CommandStatus.QUEUED
        )

        # then
        assert [c.id for c in everything.items] == [second.id, first.id]
        assert await count() == 2
        assert [c.id for c in queued.items] == [second.id]

    async def test_another_owners_device_is_not_found(self, session, stranger, feeder):
        # when
        with pytest.raises(DomainError) as raised:
            await commands_service.list_for_viewer(
                session, viewer_of(stranger), FIRST_PAGE, device_id=feeder.id
            )

        # then
        assert raised.value.code is DeviceErrorCode.DEVICE_NOT_FOUND

    async def test_sweeps_running_at_once_settle_a_command_once(self, app_state, settings):
        # given: a committed command, due already (other processes sweep the same database)
        async with unit_of_work(app_state) as setup:
            owner = await create_user(setup, prefix="sweeper")
            feeder = await create_device(setup, owner, kind=DeviceKind.FEEDER)
            command = await feed_now(setup, owner, feeder, now=utcnow() - dt.timedelta(hours=1))

        async def sweep() -> None:
            async with unit_of_work(app_state) as sweeper:
                await commands_service.expire_due(sweeper, settings, utcnow())

        # when
        await asyncio.gather(sweep(), sweep(), sweep())

        # then
        async with app_state.sessionmaker() as check:
            statuses = [status for status, _ in await history(check, command)]
            alerts = await alerts_of(check, feeder)
        assert statuses == [CommandStatus.QUEUED, CommandStatus.EXPIRED]
        assert len(alerts) == 1
