"""The errors a failed live test's report carries from its servers' logs (tests/conftest.py)."""

import json

from tests.support.server_errors import ServerLogMarks

BEFORE = "2026-12-07 10:00:00 ERROR   pawgraph: an error from an earlier test\n"
TEXT_ERROR = (
    "2026-12-07 10:00:01 INFO    uvicorn.access: 127.0.0.1 POST /graphql 200\n"
    "2026-12-07 10:00:01 ERROR   pawgraph.errors: GraphQL operation Fetch (user 3) failed at "
    "fetchBatterySchedule: boom\n"
    "Traceback (most recent call last):\n"
    '  File "graphql_api/batteries/flows.py", line 57, in fetch_schedule\n'
    "    result = await pipeline.fetch(\n"
    "ValueError: boom\n"
    "2026-12-07 10:00:02 INFO    pawgraph: after the error\n"
)
JSON_ERROR = json.dumps(
    {
        "level": "ERROR",
        "message": "GraphQL operation Fetch failed",
        "traceback": "Traceback (most recent call last):\n  File \"x.py\"\nKeyError: 'slot'",
    }
)
JSON_INFO = json.dumps({"level": "INFO", "message": "schedule.publish"})


def test_only_errors_written_after_the_mark_are_reported(tmp_path):
    log = tmp_path / "battery-a.log"
    log.write_text(BEFORE)
    marks = ServerLogMarks(tmp_path)
    with log.open("a") as file:
        file.write(TEXT_ERROR)

    reported = marks.errors_since()

    assert "earlier test" not in reported
    assert "after the error" not in reported
    assert "uvicorn.access" not in reported
    assert reported.splitlines() == [
        "--- battery-a.log",
        *TEXT_ERROR.splitlines()[1:-1],
    ]


def test_json_records_report_their_message_and_traceback(tmp_path):
    marks = ServerLogMarks(tmp_path)
    (tmp_path / "server-b.log").write_text(f"{JSON_INFO}\n{JSON_ERROR}\n")

    assert marks.errors_since().splitlines() == [
        "--- server-b.log",
        "GraphQL operation Fetch failed",
        "Traceback (most recent call last):",
        '  File "x.py"',
        "KeyError: 'slot'",
    ]


def test_a_test_whose_servers_logged_no_error_gets_nothing(tmp_path):
    (tmp_path / "server-a.log").write_text(BEFORE)
    marks = ServerLogMarks(tmp_path)
    with (tmp_path / "server-a.log").open("a") as file:
        file.write(f"{JSON_INFO}\n2026-12-07 10:00:03 INFO    pawgraph: fine\n")

    assert marks.errors_since() == ""
