"""The small MQTT interface the collar code talks through, so one collar runs on both
interpreters. It is ``umqtt.simple``'s ``MQTTClient`` (MicroPython's own client)::

    client = factory(client_id, server, port, user, password, keepalive)
    client.set_callback(on_message)          # on_message(topic: bytes, payload: bytes)
    client.set_last_will(topic, payload, retain=True, qos=1)
    client.connect(clean_session=False)      # a persistent session: QoS 1 commands wait for us
    client.subscribe(topic, qos=1)
    client.publish(topic, payload, retain=False, qos=1)   # qos 1 returns once the broker acked
    client.check_msg()                       # deliver what arrived to on_message; never blocks
    client.disconnect()

Every failure to reach or keep the broker (refused login included) raises ``OSError`` (or
``MQTTError``, a subclass), so the device's reconnect loop has one thing to catch.
``mqtt_cpython`` implements it on paho-mqtt, ``mqtt_micropython`` on ``umqtt.simple``.
"""


class MQTTError(OSError):
    """The broker refused or dropped us (login refused, subscription denied, connection lost)."""
