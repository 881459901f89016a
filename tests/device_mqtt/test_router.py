import pytest

from device_mqtt.router import MessageRejected, Router, has_key


async def _handler(session, state, message):
    return None


async def _other(session, state, message):
    return None


class TestRouter:
    def test_subscribes_once_per_pattern_under_the_device_root(self):
        # given
        router = Router()
        router.route("telemetry")(_handler)
        router.route("ack", when=has_key("command_id"))(_handler)
        router.route("ack", when=has_key("message_id"))(_other)
        # when
        filters = router.topic_filters()
        # then
        assert filters == ["devices/+/telemetry", "devices/+/ack"]

    def test_routes_by_topic_and_payload(self):
        # given
        router = Router()
        router.route("ack", when=has_key("command_id"))(_handler)
        router.route("ack", when=has_key("message_id"))(_other)
        router.route("cmd/+")(_handler)
        # when
        by_command = router.resolve("devices/7/ack", b'{"command_id": "3"}')
        by_message = router.resolve("devices/7/ack", b'{"message_id": "m"}')
        command_topic = router.resolve("devices/7/cmd/treat", b"{}")
        # then
        assert (by_command[0].handler, by_command[1], by_command[2]) == (_handler, 7, "ack")
        assert by_message[0].handler is _other
        assert command_topic[2] == "cmd/treat"
        assert router.resolve("devices/7/cmd/treat/extra", b"{}") is None
        assert router.resolve("devices/7/status", b"true") is None
        assert router.resolve("elsewhere/7/ack", b"{}") is None

    @pytest.mark.parametrize(
        ("topic", "payload"),
        [("devices/x/telemetry", b"{}"), ("devices/7/telemetry", b"{not json")],
    )
    def test_rejects_malformed_device_messages(self, topic, payload):
        # given
        router = Router()
        router.route("telemetry")(_handler)
        # when / then
        with pytest.raises(MessageRejected):
            router.resolve(topic, payload)

    def test_multi_level_wildcard(self):
        # given
        router = Router()
        router.route("status/#")(_handler)
        # when / then
        assert router.resolve("devices/1/status/online", b"true")[3] is True
