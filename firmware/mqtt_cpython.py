"""The MQTT transport on CPython: ``umqtt.simple``'s API over paho-mqtt (MQTT 3.1.1, what the
ESP32's client speaks). paho's network loop runs in its own thread; messages wait in a queue
until the device's loop calls ``check_msg``, as they wait in the socket on a microcontroller."""

import queue
import threading

import paho.mqtt.client as paho

from firmware.mqtt_transport import MQTTError

_TIMEOUT_S = 5.0


class PahoMQTTClient:
    def __init__(self, client_id, server, port=1883, user=None, password=None, keepalive=30):
        if isinstance(client_id, bytes):
            client_id = client_id.decode()
        self._server = server
        self._port = port
        self._keepalive = keepalive
        self._client = paho.Client(
            paho.CallbackAPIVersion.VERSION2,
            client_id=client_id,
            clean_session=False,
            protocol=paho.MQTTv311,
        )
        if user is not None:
            self._client.username_pw_set(user, password)
        self._inbox = queue.Queue()
        self._callback = None
        self._connack = threading.Event()
        self._connack_code = None
        self._subacks = {}
        self._lost = threading.Event()
        self._client.on_connect = self._on_connect
        self._client.on_disconnect = self._on_disconnect
        self._client.on_message = self._on_message
        self._client.on_subscribe = self._on_subscribe

    # ---- paho callbacks (its network thread) ----

    def _on_connect(self, client, userdata, flags, reason_code, properties):
        self._connack_code = reason_code
        self._connack.set()

    def _on_disconnect(self, client, userdata, flags, reason_code, properties):
        self._lost.set()
        self._connack.set()

    def _on_message(self, client, userdata, message):
        self._inbox.put((message.topic.encode(), bytes(message.payload)))

    def _on_subscribe(self, client, userdata, mid, reason_codes, properties):
        event = self._subacks.setdefault(mid, [threading.Event(), None])
        event[1] = reason_codes
        event[0].set()

    # ---- umqtt.simple's API ----

    def set_callback(self, callback):
        self._callback = callback

    def set_last_will(self, topic, msg, retain=False, qos=0):
        self._client.will_set(_text(topic), msg, qos=qos, retain=retain)

    def connect(self, clean_session=False):
        self._connack.clear()
        self._lost.clear()
        try:
            self._client.connect(self._server, self._port, self._keepalive)
        except OSError as error:
            raise MQTTError(f"cannot reach {self._server}:{self._port}: {error}") from error
        self._client.loop_start()
        if not self._connack.wait(_TIMEOUT_S) or self._lost.is_set():
            self._stop_loop()
            raise MQTTError(f"connection refused: {self._connack_code}")
        if self._connack_code is None or self._connack_code.is_failure:
            self._stop_loop()
            raise MQTTError(f"connection refused: {self._connack_code}")
        return False

    def subscribe(self, topic, qos=0):
        result, mid = self._client.subscribe(_text(topic), qos)
        if result != paho.MQTT_ERR_SUCCESS:
            raise MQTTError(f"subscribe failed: {result}")
        entry = self._subacks.setdefault(mid, [threading.Event(), None])
        if not entry[0].wait(_TIMEOUT_S):
            raise MQTTError("no SUBACK")
        codes = self._subacks.pop(mid)[1] or []
        if any(code.is_failure for code in codes):
            raise MQTTError(f"subscription to {_text(topic)} refused")

    def publish(self, topic, msg, retain=False, qos=0):
        if self._lost.is_set():
            raise MQTTError("connection lost")
        info = self._client.publish(_text(topic), msg, qos=qos, retain=retain)
        if info.rc != paho.MQTT_ERR_SUCCESS:
            raise MQTTError(f"publish failed: {info.rc}")
        if qos:
            try:
                info.wait_for_publish(_TIMEOUT_S)
            except (RuntimeError, ValueError) as error:
                raise MQTTError(f"publish not acknowledged: {error}") from error
            if not info.is_published():
                raise MQTTError("publish not acknowledged in time")

    def check_msg(self):
        while True:
            try:
                topic, payload = self._inbox.get_nowait()
            except queue.Empty:
                break
            if self._callback is not None:
                self._callback(topic, payload)
        if self._lost.is_set():
            raise MQTTError("connection lost")

    def disconnect(self):
        self._client.disconnect()
        self._stop_loop()

    def drop(self):
        """Lose the connection without a DISCONNECT (power cut): the broker sends our Will."""
        self._stop_loop()
        sock = self._client.socket()
        if sock is not None:
            sock.close()

    def _stop_loop(self):
        self._client.loop_stop()


def _text(topic):
    return topic.decode() if isinstance(topic, bytes) else topic
