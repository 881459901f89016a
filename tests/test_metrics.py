"""What the metrics count in process: committed work only, and bounded labels."""

import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import text

from graphql_api import events, metrics, unit_of_work


def sample(name: str, **labels: str) -> float:
    for family in text_string_to_metric_families(metrics.exposition().decode()):
        for found in family.samples:
            if found.name == name and found.labels == labels:
                return found.value
    return 0.0


TRANSITION = {"kind": "PING", "status": "QUEUED"}


class TestAfterCommit:
    async def test_a_committed_transition_is_counted_once(self, session, memory_bus):
        # given
        before = sample("pawgraph_command_transitions_total", **TRANSITION)
        events.after_commit(session, lambda: metrics.command_transition("PING", "QUEUED"))

        # when
        await unit_of_work.commit(session, memory_bus)
        await unit_of_work.dispatch(session, memory_bus)

        # then
        assert sample("pawgraph_command_transitions_total", **TRANSITION) == before + 1

    async def test_a_rolled_back_transition_is_not_counted(self, session, memory_bus):
        # given: a unit of work that ran a statement, as every one does
        before = sample("pawgraph_command_transitions_total", **TRANSITION)
        await session.execute(text("SELECT 1"))
        events.after_commit(session, lambda: metrics.command_transition("PING", "QUEUED"))

        # when
        await unit_of_work.rollback(session)
        await unit_of_work.dispatch(session, memory_bus)

        # then
        assert sample("pawgraph_command_transitions_total", **TRANSITION) == before


class TestLabels:
    @pytest.mark.parametrize(
        ("channel", "label"),
        [
            ("device.12.status", "device.{id}.status"),
            ("user.7.notifications", "user.{id}.notifications"),
            ("marketplace.thread.301.messages", "marketplace.thread.{id}.messages"),
        ],
    )
    def test_channel_ids_are_masked(self, channel, label):
        assert metrics.channel_label(channel) == label

    @pytest.mark.parametrize(
        ("name", "label"),
        [(None, "anonymous"), ("", "anonymous"), ("not a name", "other"), ("x" * 101, "other")],
    )
    def test_missing_or_malformed_operation_names_get_a_fixed_label(self, name, label):
        assert metrics.operation_label(name) == label
