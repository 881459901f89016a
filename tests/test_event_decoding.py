"""Every subscriber of a channel gets the same string from the bus: it is parsed once."""

import datetime as dt
import secrets
from unittest import mock

from graphql_api import events
from graphql_api.commands.lifecycle import CommandEvent
from graphql_api.commands.models import CommandKind, CommandStatus


def test_an_event_is_parsed_once_for_all_its_subscribers():
    event = CommandEvent(
        command_id=secrets.randbelow(10**9),
        device_id=1,
        kind=CommandKind.TREAT,
        status=CommandStatus.SENT,
        reason=None,
        at=dt.datetime.now(dt.UTC),
    )
    message = event.model_dump_json()
    with mock.patch.object(
        CommandEvent, "model_validate_json", wraps=CommandEvent.model_validate_json
    ) as parse:
        decoded = [events.decode(CommandEvent, message) for _ in range(100)]
    assert parse.call_count == 1
    assert decoded[0] == event
    assert all(copy is decoded[0] for copy in decoded)
