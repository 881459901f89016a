import pytest

from graphql_api import logredact


class TestRedact:
    @pytest.mark.parametrize(
        ("line", "expected"),
        [
            ("GET /h/abc123/api/data/ HTTP/1.1", "GET /h/[redacted]/api/data/ HTTP/1.1"),
            ("/api/device/pair/claimed/?device_id=E&pin=482913", "?device_id=E&pin=[redacted]"),
            ('{"device_id": "ESP-1", "pin": "482913"}', '"pin": "[redacted]"'),
            ("Authorization: Bearer eyJ.abc.def", "Bearer [redacted]"),
        ],
    )
    def test_replaces_credentials(self, line, expected):
        # when / then
        assert expected in logredact.redact(line)
