"""How GraphQL errors are logged (graphql_api/error_log.py) and how log records are written
(graphql_api/logs.py)."""

import json
import logging

import pytest
import strawberry

from graphql_api.error_log import LoggedSchema
from graphql_api.errors import NotAuthenticated
from graphql_api.logs import JsonFormatter


@strawberry.type
class Query:
    @strawberry.field
    def private(self) -> str:
        raise NotAuthenticated()

    @strawberry.field
    def broken(self) -> str:
        raise RuntimeError("a bug")


SCHEMA = LoggedSchema(query=Query)


def graphql_records(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name == "pawgraph.graphql"]


class TestLoggedSchema:
    def test_an_expected_error_is_one_info_line_without_traceback(self, caplog):
        # given
        caplog.set_level(logging.INFO)
        # when
        SCHEMA.execute_sync("query Mine { private }")
        # then
        [record] = graphql_records(caplog)
        assert record.levelno == logging.INFO
        assert record.exc_info is None
        assert record.getMessage() == (
            "GraphQL NOT_AUTHENTICATED in operation Mine (user -) at private: "
            "You must be logged in."
        )

    def test_a_request_that_fails_validation_is_one_info_line(self, caplog):
        # given
        caplog.set_level(logging.INFO)
        # when
        SCHEMA.execute_sync("query Typo { nope }")
        # then
        [record] = graphql_records(caplog)
        assert record.levelno == logging.INFO
        assert record.getMessage().startswith("GraphQL GRAPHQL_VALIDATION in operation Typo")

    def test_a_bug_is_logged_with_its_traceback(self, caplog):
        # given
        caplog.set_level(logging.INFO)
        # when
        SCHEMA.execute_sync("query Oops { broken }")
        # then
        [record] = graphql_records(caplog)
        assert record.levelno == logging.ERROR
        assert isinstance(record.exc_info[1], RuntimeError)
        assert "Traceback" in caplog.text


class TestJsonFormatter:
    def test_one_object_per_record_with_extra_fields_and_the_traceback(self):
        # given
        try:
            raise ValueError("boom")
        except ValueError as error:
            record = logging.makeLogRecord(
                {
                    "name": "pawgraph.test",
                    "levelno": logging.ERROR,
                    "levelname": "ERROR",
                    "msg": "failed %s",
                    "args": ("twice",),
                    "exc_info": (type(error), error, error.__traceback__),
                    "device_id": 7,
                }
            )
        # when
        line = JsonFormatter().format(record)
        # then
        entry = json.loads(line)
        assert "\n" not in line
        assert entry["level"] == "ERROR" and entry["logger"] == "pawgraph.test"
        assert entry["message"] == "failed twice"
        assert entry["device_id"] == 7
        assert "ValueError: boom" in entry["traceback"]
