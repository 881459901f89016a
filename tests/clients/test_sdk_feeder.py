"""Feeder operations (clients/operations/feeder.graphql) through the generated SDK, live: the
schedule editor, stop and calibrate commands, and the history the firmware logs."""

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from pawgraph_client import (
    CalibrateInput,
    CreateFeedingScheduleInput,
    DeleteFeedingScheduleInput,
    StopFeedingInput,
    UpdateFeedingScheduleInput,
)
from pawgraph_client.enums import CommandKind, CommandStatus, ErrorCode, FeedingSource
from pawgraph_client.exceptions import GraphQLClientGraphQLMultiError

from tests.clients.test_sdk import register_feeder, signed_in
from tests.clients.test_sdk_screens import feeder_client


class TestFeedingSchedules:
    async def test_edit_and_delete_a_schedule_and_a_stranger_is_refused(self, server_a):
        async with signed_in(server_a) as client, signed_in(server_a) as stranger:
            # given
            feeder = await register_feeder(client)
            device_id = feeder.device.id
            created = (
                await client.create_feeding_schedule(
                    CreateFeedingScheduleInput(device_id=device_id, time="07:30", grams=30)
                )
            ).create_feeding_schedule.feeding_schedule
            # when
            updated = (
                await client.update_feeding_schedule(
                    UpdateFeedingScheduleInput(
                        id=created.id, time="08:15", grams=40, label="Late", enabled=False
                    )
                )
            ).update_feeding_schedule
            refused = (
                await stranger.update_feeding_schedule(
                    UpdateFeedingScheduleInput(id=created.id, grams=500)
                )
            ).update_feeding_schedule
            not_deleted = (
                await stranger.delete_feeding_schedule(DeleteFeedingScheduleInput(id=created.id))
            ).delete_feeding_schedule
            deleted = (
                await client.delete_feeding_schedule(DeleteFeedingScheduleInput(id=created.id))
            ).delete_feeding_schedule
            after = (await client.feeding_schedules(device_id=device_id)).feeding_schedules
            # then
            assert updated.user_errors == []
            schedule = updated.feeding_schedule
            assert (schedule.time, schedule.grams, schedule.label, schedule.enabled) == (
                "08:15",
                40,
                "Late",
                False,
            )
            assert refused.feeding_schedule is None and [
                error.code for error in refused.user_errors
            ] == [ErrorCode.SCHEDULE_NOT_FOUND]
            assert not_deleted.deleted_feeding_schedule_id is None
            assert [error.code for error in not_deleted.user_errors] == [
                ErrorCode.SCHEDULE_NOT_FOUND
            ]
            assert deleted.user_errors == [] and deleted.deleted_feeding_schedule_id == created.id
            assert after.edges == []


class TestFeederCommands:
    async def test_stop_and_calibrate_are_queued_and_a_stranger_is_refused(self, server_a):
        async with signed_in(server_a) as client, signed_in(server_a) as stranger:
            # given
            feeder = await register_feeder(client)
            device_id = feeder.device.id
            # when
            stopped = (
                await client.stop_feeding(StopFeedingInput(device_id=device_id))
            ).stop_feeding
            calibrated = (await client.calibrate(CalibrateInput(device_id=device_id))).calibrate
            refused = (await stranger.calibrate(CalibrateInput(device_id=device_id))).calibrate
            refused_stop = (
                await stranger.stop_feeding(StopFeedingInput(device_id=device_id))
            ).stop_feeding
            commands = (await client.commands(device_id=device_id)).commands
            # then
            assert stopped.user_errors == [] and stopped.command.status is CommandStatus.QUEUED
            assert stopped.command.kind is CommandKind.STOP_FEEDING
            assert calibrated.user_errors == []
            assert calibrated.command.kind is CommandKind.CALIBRATE
            assert [error.code for error in refused.user_errors] == [ErrorCode.DEVICE_NOT_FOUND]
            assert [error.code for error in refused_stop.user_errors] == [
                ErrorCode.DEVICE_NOT_FOUND
            ]
            assert {edge.node.id for edge in commands.edges} == {
                stopped.command.id,
                calibrated.command.id,
            }


class TestFeedingHistory:
    async def test_logged_feedings_are_listed_and_totalled_per_day(self, server_a):
        async with signed_in(server_a) as client, signed_in(server_a) as stranger:
            # given: the firmware logs two dispenses
            feeder = await register_feeder(client)
            device_id = feeder.device.id
            firmware = feeder_client(server_a, feeder)
            manual = await asyncio.to_thread(firmware.post_log, 20, "manual")
            scheduled = await asyncio.to_thread(firmware.post_log, 30, "scheduled")
            today = datetime.now(UTC).date()
            # when
            history = (await client.feeding_history(device_id=device_id, first=10)).feeding_history
            only_manual = (
                await client.feeding_history(device_id=device_id, source=FeedingSource.MANUAL)
            ).feeding_history
            totals = (
                await client.feeding_daily_totals(
                    device_id=device_id,
                    from_=today - timedelta(days=1),
                    to=today + timedelta(days=1),
                )
            ).feeding_daily_totals
            with pytest.raises(GraphQLClientGraphQLMultiError) as theirs:
                await stranger.feeding_history(device_id=device_id, first=10)
            # then
            assert manual.status < 300 and scheduled.status < 300
            assert history.total_count == 2
            assert sorted(edge.node.grams for edge in history.edges) == [20, 30]
            assert [edge.node.grams for edge in only_manual.edges] == [20]
            assert [(total.grams, total.feeds) for total in totals if total.feeds] == [(50, 2)]
            assert theirs.value.errors[0].extensions["code"] == "DEVICE_NOT_FOUND"
