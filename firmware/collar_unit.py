"""The Hetri collar's device code (WIRE.md §4), MicroPython-compatible.

It logs in with its own broker credentials and a Last Will (``status/online`` = ``false``,
retained), says ``true`` (retained) once connected, publishes telemetry from the dog it wears
(``collar_motion``) at QoS 1, and runs the commands it receives on ``devices/<id>/cmd/<kind>``:
``treat`` dispenses on the (simulated) actuator, ``ping`` answers. Each command is acked
``accepted`` at once and then ``ok`` or ``failed`` with a detail. A command id it has already
run is not run again (the server re-sends what it has no verdict for); its verdict is sent
again instead. When the broker goes away the collar keeps measuring, keeps up to
``BACKLOG`` readings and unsent acks, and reconnects with exponential backoff and jitter; the
persistent session (``clean_session=False``) lets the broker hold commands sent meanwhile.

A reading is kept until pawgraph receipts it on ``telemetry/receipt`` (``{"seq": n}``, sent
after the reading committed), not merely until the broker acknowledged it: a broker can accept
a reading and then hand it to no one (Mosquitto forgets shared subscriptions when it restarts,
so a reading published before the API has subscribed again goes nowhere). A reading without
its receipt after ``receipt_timeout`` seconds is published again; pawgraph stores a repeated
``(ts, seq)`` once and receipts it again.

No dataclasses, typing or f-string tricks: the same file runs on the ESP32's MicroPython.
"""

import json
import random
import time

from firmware.collar_motion import DogMotion
from firmware.mqtt_transport import MQTTError

TELEMETRY_INTERVAL_S = 5.0
BACKLOG = 500
RECEIPT_TIMEOUT_S = 10.0
RESEND_BATCH = 50  # readings re-published per pass, so a long backlog does not stall commands
RECENT_COMMANDS = 32
_MIN_BACKOFF_S = 0.5
_MAX_BACKOFF_S = 10.0


def _monotonic_clock():
    ticks_ms = getattr(time, "ticks_ms", None)
    if ticks_ms is None:
        return time.monotonic
    start = ticks_ms()
    return lambda: time.ticks_diff(ticks_ms(), start) / 1000


def utc_timestamp(seconds):
    parts = time.gmtime(int(seconds))
    year, month, day, hour, minute, second = parts[:6]
    return f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}Z"


class TreatDispenser:
    """The treat actuator: a carousel of ``treats`` that jams now and then."""

    def __init__(self, rng, treats=40, jam_chance=0.0):
        self._rng = rng
        self.treats = treats
        self.jam_chance = jam_chance
        self.dispensed = 0

    def dispense(self):
        if self.treats <= 0:
            return False, "treat carousel empty"
        if self._rng.random() < self.jam_chance:
            return False, "carousel jammed"
        self.treats -= 1
        self.dispensed += 1
        return True, None


def default_client_factory():
    try:
        from firmware.mqtt_micropython import UmqttClient  # noqa: PLC0415 (MicroPython only)

        return UmqttClient
    except ImportError:
        from firmware.mqtt_cpython import PahoMQTTClient  # noqa: PLC0415 (host only)

        return PahoMQTTClient


class CollarUnit:
    def __init__(
        self,
        device_id,
        username,
        password,
        server="127.0.0.1",
        port=1883,
        client_factory=None,
        telemetry_interval=TELEMETRY_INTERVAL_S,
        rng=None,
        clock=None,
        wall_clock=None,
        motion=None,
        dispenser=None,
        receipt_timeout=RECEIPT_TIMEOUT_S,
    ):
        self.device_id = device_id
        self._username = username
        self._password = password
        self._server = server
        self._port = port
        self._factory = client_factory or default_client_factory()
        self._interval = telemetry_interval
        self._receipt_timeout = receipt_timeout
        self._rng = rng or random
        self._clock = clock or _monotonic_clock()
        self._wall_clock = wall_clock or time.time
        self.motion = motion or DogMotion(self._rng)
        self.dispenser = dispenser or TreatDispenser(self._rng)
        self._base = f"devices/{device_id}/"
        self.client = None
        self._next_attempt = 0.0
        self._failures = 0
        self._last_step = None
        self._next_reading = 0.0
        self._seq = 0
        # (topic, payload, seq, resend) not yet acked by the broker, oldest first; seq only for
        # readings, resend when it went out before without a receipt.
        self._backlog = []
        self._unreceipted = {}  # seq -> (payload, published at), until pawgraph receipts it
        self.measuring = True  # False: no new readings (those taken still go out)
        self._inbox = []
        self._verdicts = {}  # command id -> ack payload, the RECENT_COMMANDS last ones
        self._verdict_order = []  # (MicroPython's dict keeps no insertion order)
        self.connects = 0
        self.published_readings = 0  # first publications only, not re-sends
        self.resent_readings = 0
        self.receipted_readings = 0
        self.commands_run = 0
        self.last_error = None

    @property
    def connected(self):
        return self.client is not None

    # ---- connection ----

    def connect(self):
        client = self._factory(
            f"collar-{self.device_id}",
            self._server,
            self._port,
            self._username,
            self._password,
            30,
        )
        client.set_callback(self._on_message)
        client.set_last_will(self._base + "status/online", b"false", retain=True, qos=1)
        client.connect(clean_session=False)
        try:
            client.subscribe(self._base + "cmd/#", qos=1)
            client.subscribe(self._base + "telemetry/receipt", qos=0)
            client.publish(self._base + "status/online", b"true", retain=True, qos=1)
        except OSError:
            self._close(client)
            raise
        self.client = client
        self.connects += 1
        self._failures = 0

    def _lost(self, error, now):
        self.last_error = str(error)
        if self.client is not None:
            self._close(self.client)
        self.client = None
        self._failures += 1
        delay = min(_MAX_BACKOFF_S, _MIN_BACKOFF_S * 2 ** (self._failures - 1))
        # Jitter: a fleet that lost the broker together does not return together.
        self._next_attempt = now + delay * (0.5 + self._rng.random() / 2)

    @staticmethod
    def _close(client):
        try:
            client.disconnect()
        except Exception:  # noqa: BLE001 - closing a dead connection may fail any way
            pass

    def disconnect(self):
        """Go offline cleanly, saying so first (a Last Will is only for deaths)."""
        if self.client is None:
            return
        try:
            self.client.publish(self._base + "status/online", b"false", retain=True, qos=1)
        except OSError:
            pass
        self._close(self.client)
        self.client = None

    # ---- the loop ----

    def run_once(self):
        """One pass of the main loop: move the dog, reconnect if due, exchange messages."""
        now = self._clock()
        self._measure(now)
        if self.client is None:
            if now < self._next_attempt:
                return
            try:
                self.connect()
            except OSError as error:
                self._lost(error, now)
                return
        try:
            self.client.check_msg()
            self._run_commands()
            self._resend_unreceipted(now)
            self._flush_backlog(now)
        except (OSError, MQTTError) as error:
            self._lost(error, now)

    def run(self, duration, sleep=time.sleep, tick=0.05):
        end = self._clock() + duration
        while self._clock() < end:
            self.run_once()
            sleep(tick)

    @property
    def readings_taken(self):
        return self._seq

    @property
    def unreceipted(self):
        """Readings taken and not yet receipted by pawgraph (sent or still waiting to be)."""
        waiting = sum(1 for entry in self._backlog if entry[2] is not None)
        return waiting + len(self._unreceipted)

    # ---- telemetry ----

    def _measure(self, now):
        elapsed = 0.0 if self._last_step is None else now - self._last_step
        self._last_step = now
        accel = self.motion.step(elapsed)
        if now < self._next_reading or not self.measuring:
            return
        self._next_reading = now + self._interval
        reading = self._reading(accel)
        self._queue(self._base + "telemetry", reading, self._seq)

    def _reading(self, accel):
        self._seq += 1
        reading = {
            "ts": utc_timestamp(self._wall_clock()),
            "seq": self._seq,
            "accel": {"x": round(accel[0], 3), "y": round(accel[1], 3), "z": round(accel[2], 3)},
            "battery": int(self.motion.battery + 0.5),
            "heart_rate": int(self.motion.heart_rate + 0.5),
            "position": {
                "lat": round(self.motion.latitude, 6),
                "lon": round(self.motion.longitude, 6),
            },
        }
        return json.dumps(reading)

    def _queue(self, topic, payload, seq=None):
        self._backlog.append((topic, payload, seq, False))
        if len(self._backlog) + len(self._unreceipted) > BACKLOG:
            self._drop_oldest()

    def _drop_oldest(self):
        # Sent-but-unreceipted readings are older than anything still waiting to go out.
        if self._unreceipted:
            del self._unreceipted[min(self._unreceipted)]
        else:
            self._backlog.pop(0)

    def _flush_backlog(self, now):
        while self._backlog:
            topic, payload, seq, resend = self._backlog[0]
            self.client.publish(topic, payload, retain=False, qos=1)
            self._backlog.pop(0)
            if seq is None:
                continue
            self._unreceipted[seq] = (payload, now)
            if resend:
                self.resent_readings += 1
            else:
                self.published_readings += 1

    def _resend_unreceipted(self, now):
        overdue = [
            seq
            for seq in self._unreceipted
            if now - self._unreceipted[seq][1] >= self._receipt_timeout
        ]
        overdue.sort()
        for seq in overdue[:RESEND_BATCH]:
            payload, _ = self._unreceipted.pop(seq)
            self._backlog.append((self._base + "telemetry", payload, seq, True))

    def _receipted(self, payload):
        try:
            seq = json.loads(payload)["seq"]
        except (ValueError, KeyError, TypeError):
            return
        if isinstance(seq, int) and self._unreceipted.pop(seq, None) is not None:
            self.receipted_readings += 1

    # ---- commands ----

    def _on_message(self, topic, payload):
        if isinstance(topic, bytes):
            topic = topic.decode()
        if topic == self._base + "telemetry/receipt":
            self._receipted(payload)
        else:
            self._inbox.append((topic, payload))

    def _run_commands(self):
        while self._inbox:
            topic, payload = self._inbox.pop(0)
            self._run_command(topic, payload)

    def _run_command(self, topic, payload):
        if isinstance(topic, bytes):
            topic = topic.decode()
        kind = topic[len(self._base + "cmd/") :]
        try:
            command = json.loads(payload)
            command_id = str(command["command_id"])
        except (ValueError, KeyError, TypeError):
            return
        if command_id in self._verdicts:
            self._queue(self._base + "ack", self._verdicts[command_id])
            return
        if self._expired(command.get("expires_at")):
            # The server has given up on it too (its sweep expires it): do not run it late.
            self._remember(command_id, json.dumps({"command_id": command_id, "result": "expired"}))
            self._queue(self._base + "ack", self._verdicts[command_id])
            return
        accepted = {"command_id": command_id, "result": "accepted"}
        self._queue(self._base + "ack", json.dumps(accepted))
        ok, detail = self._execute(kind)
        verdict = {"command_id": command_id, "result": "ok" if ok else "failed"}
        if detail:
            verdict["detail"] = detail
        self._remember(command_id, json.dumps(verdict))
        self._queue(self._base + "ack", self._verdicts[command_id])
        self.commands_run += 1

    def _expired(self, expires_at):
        now = utc_timestamp(self._wall_clock())
        # Same fixed-width UTC format on both sides: the strings order as the times do. A
        # clock still at 1970 (no NTP yet) cannot judge, so the command runs.
        synced = now >= "2024-01-01T00:00:00Z"
        return synced and isinstance(expires_at, str) and now > expires_at

    def _execute(self, kind):
        if kind == "treat":
            return self.dispenser.dispense()
        if kind == "ping":
            return True, None
        return False, "unknown command " + kind

    def _remember(self, command_id, verdict):
        self._verdicts[command_id] = verdict
        self._verdict_order.append(command_id)
        if len(self._verdict_order) > RECENT_COMMANDS:
            del self._verdicts[self._verdict_order.pop(0)]
