"""A subscription result shared by many subscribers is encoded once: every socket's ``next``
message must still read exactly as Strawberry's own JSON would."""

import json

from graphql_api.http import encoded_result_data, next_message_text


def strawberry_json(message: dict) -> str:
    return json.dumps(message, separators=(",", ":"))  # Strawberry's encode_json


def test_a_next_message_reads_as_strawberry_would_write_it():
    data = {"deviceStatus": {"online": True, "name": "Rex's feeder ✓", "uptime": 1.5, "x": None}}
    for message_id in ("1", 'quote"d', "ünï"):
        message = {"id": message_id, "type": "next", "payload": {"data": data}}

        assert next_message_text(message_id, data) == strawberry_json(message)


def test_one_result_is_encoded_once_for_every_subscriber():
    data = {"deviceStatus": {"online": True}}

    first = encoded_result_data(data)
    second = encoded_result_data(data)

    assert second is first


def test_another_result_is_encoded_on_its_own():
    data = {"deviceStatus": {"online": True}}
    encoded_result_data(data)
    other = {"deviceStatus": {"online": False}}

    assert encoded_result_data(other) == '{"deviceStatus":{"online":false}}'
