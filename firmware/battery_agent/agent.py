"""The agent's loop: MQTT in (schedules) and out (acks, slot reports, heartbeats), and the
half-hour execution of the stored schedule on the controller.

paho runs the network in its own thread; its callbacks only queue what arrived, and the main
loop (one thread) touches SQLite and the controller. Acks and reports go through the SQLite
outbox and are marked sent once the broker acknowledged them (PUBACK), so none is lost while
offline; one re-sent after a crash is deduplicated by the server on (message_id, slot).
"""

import datetime as dt
import json
import queue
import sys
import time
from dataclasses import dataclass
from typing import Any

import paho.mqtt.client as mqtt
from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import Properties

from firmware.battery_agent.controller import BatteryController, ControllerRefused
from firmware.battery_agent.store import AgentStore
from firmware.battery_agent.validation import problems

SESSION_EXPIRY_S = 7 * 24 * 3600
TICK_S = 0.02


@dataclass
class AgentConfig:
    device_id: int
    host: str
    port: int
    username: str | None = None
    password: str | None = None
    heartbeat_interval: float = 30.0


class JsonLog:
    """JSON lines on stderr, each with the device_id and (when there is one) message_id."""

    def __init__(self, device_id: int, stream=None) -> None:
        self.device_id = device_id
        self.stream = stream or sys.stderr

    def __call__(self, event: str, message_id: str | None = None, **fields: Any) -> None:
        line = {
            "ts": dt.datetime.now(dt.UTC).isoformat(),
            "logger": "battery_agent",
            "event": event,
            "message_id": message_id,
            "device_id": self.device_id,
            **fields,
        }
        self.stream.write(json.dumps(line, default=str) + "\n")
        self.stream.flush()


class BatteryAgent:
    def __init__(
        self, config: AgentConfig, store: AgentStore, controller: BatteryController, clock
    ):
        self.config = config
        self.store = store
        self.controller = controller
        self.clock = clock
        self.log = JsonLog(config.device_id)
        self._inbox: queue.Queue[tuple[str, Any]] = queue.Queue()
        self._in_flight: dict[int, int] = {}  # paho mid -> outbox id
        self._connected = False
        self.ever_connected = False
        self.slots_run = 0
        self._resumed = False
        self._last_heartbeat = 0.0
        self._current: tuple[str, int] | None = None
        self.client = self._new_client()

    # ---- topics ----

    def topic(self, subtopic: str) -> str:
        return f"devices/{self.config.device_id}/{subtopic}"

    # ---- MQTT (paho's thread: queue only) ----

    def _new_client(self) -> mqtt.Client:
        client = mqtt.Client(
            mqtt.CallbackAPIVersion.VERSION2,
            client_id=f"battery-agent-{self.config.device_id}",
            protocol=mqtt.MQTTv5,
        )
        if self.config.username:
            client.username_pw_set(self.config.username, self.config.password)
        client.will_set(self.topic("status/online"), b"false", qos=1, retain=True)
        client.reconnect_delay_set(min_delay=1, max_delay=5)
        client.on_connect = lambda *args: self._inbox.put(("connected", args[3]))
        client.on_disconnect = lambda *args: self._inbox.put(("disconnected", args[3]))
        client.on_message = lambda _c, _u, message: self._inbox.put(("message", message))
        client.on_publish = lambda _c, _u, mid, *rest: self._inbox.put(("published", mid))
        return client

    def start(self) -> None:
        properties = Properties(PacketTypes.CONNECT)
        # A persistent session: the broker keeps our subscription and queues QoS 1 schedules
        # published while we are away.
        properties.SessionExpiryInterval = SESSION_EXPIRY_S
        self.client.connect_async(
            self.config.host,
            self.config.port,
            keepalive=15,
            clean_start=False,
            properties=properties,
        )
        self.client.loop_start()
        self.log("agent.started", state=self.controller.state())

    def stop(self) -> None:
        if self._connected:
            # A clean disconnect sends no Last Will: say offline ourselves.
            info = self.client.publish(self.topic("status/online"), b"false", qos=1, retain=True)
            info.wait_for_publish(timeout=2)
        self.client.disconnect()
        self.client.loop_stop()
        self.store.close()

    # ---- the main loop ----

    def run(self, until: float | None = None, deadline=None) -> None:
        """Tick until ``until`` (a time.monotonic() deadline), ``deadline()`` passes, or
        forever."""
        while (until is None or time.monotonic() < until) and (
            deadline is None or time.monotonic() < deadline()
        ):
            self.tick()
            time.sleep(TICK_S)

    def tick(self) -> None:
        while True:
            try:
                kind, value = self._inbox.get_nowait()
            except queue.Empty:
                break
            self._handle(kind, value)
        self._execute_due()
        self._flush_outbox()
        self._heartbeat()

    def _handle(self, kind: str, value: Any) -> None:
        if kind == "connected":
            self._connected = not value.is_failure
            if self._connected:
                self.ever_connected = True
                self.client.subscribe(self.topic("cmd/schedule"), qos=1)
                self.client.publish(self.topic("status/online"), b"true", qos=1, retain=True)
                self._in_flight.clear()  # resend whatever the broker did not acknowledge
                self.log("mqtt.connected")
        elif kind == "disconnected":
            self._connected = False
            self.log("mqtt.disconnected", reason=str(value))
        elif kind == "published":
            outbox_id = self._in_flight.pop(value, None)
            if outbox_id is not None:
                self.store.mark_sent(outbox_id)
        elif kind == "message":
            self._receive(value)

    def _receive(self, message: mqtt.MQTTMessage) -> None:
        try:
            schedule = json.loads(message.payload)
        except ValueError:
            self.log("schedule.unreadable")
            return
        message_id = schedule.get("message_id") if isinstance(schedule, dict) else None
        found = problems(schedule, self.controller.max_charge_kw, self.controller.max_discharge_kw)
        ack: dict[str, Any] = {"message_id": message_id}
        if found:
            ack.update(result="rejected", detail="; ".join(found)[:300])
            self.log("schedule.rejected", message_id, problems=found)
        else:
            new = self.store.save_schedule(schedule)
            self.log(
                "schedule.stored" if new else "schedule.repeat", message_id, date=schedule["date"]
            )
        if message_id:
            self.store.queue(self.topic("ack"), ack)

    def _execute_due(self) -> None:
        now = self.clock.now()
        self.controller.advance(now)
        schedule = self.store.schedule_for(now.date().isoformat())
        if schedule is None:
            return
        message_id = schedule["message_id"]
        current = (now.hour * 60 + now.minute) // 30
        if not self._resumed:
            self._resumed = True
            self._resume(schedule, current, now)
        for slot in range(current + 1):
            if self.store.slot_ran(message_id, slot):
                continue
            if slot < current:
                self._settle(message_id, slot, "FAILED", "missed: the agent was not running then")
            else:
                self._run_slot(schedule, slot, now)
        self._current = (message_id, current)

    def _resume(self, schedule: dict[str, Any], slot: int, now: dt.datetime) -> None:
        """At start-up inside a slot that already ran (and was reported) before a restart, put
        the controller back on the slot's setpoint; no new report."""
        if not self.store.slot_ran(schedule["message_id"], slot):
            return
        interval = schedule["intervals"][slot]
        try:
            self.controller.apply(interval["mode"], interval["rate_kw"], now)
        except ControllerRefused as refusal:
            self.log("slot.resume_refused", schedule["message_id"], slot=slot, detail=str(refusal))
            return
        self.log("slot.resumed", schedule["message_id"], slot=slot)

    def _run_slot(self, schedule: dict[str, Any], slot: int, now: dt.datetime) -> None:
        interval = schedule["intervals"][slot]
        try:
            self.controller.apply(interval["mode"], interval["rate_kw"], now)
        except ControllerRefused as refusal:
            self._settle(schedule["message_id"], slot, "FAILED", str(refusal))
            return
        state = self.controller.state()
        detail = f"{interval['mode']} {interval['rate_kw']} kW; soc {state['soc_kwh']} kWh"
        self._settle(schedule["message_id"], slot, "EXECUTED", detail)

    def _settle(self, message_id: str, slot: int, status: str, detail: str) -> None:
        report = {"message_id": message_id, "slot": slot, "status": status, "detail": detail}
        self.store.record_slot(message_id, slot, status, detail, self.topic("report"), report)
        self.store.put("soc_kwh", str(self.controller.state()["soc_kwh"]))
        self.slots_run += 1
        self.log("slot." + status.lower(), message_id, slot=slot, detail=detail)

    def _flush_outbox(self) -> None:
        if not self._connected:
            return
        waiting = set(self._in_flight.values())
        for outbox_id, topic, payload in self.store.unsent():
            if outbox_id in waiting:
                continue
            info = self.client.publish(topic, payload.encode(), qos=1)
            if info.rc != mqtt.MQTT_ERR_SUCCESS:
                return
            self._in_flight[info.mid] = outbox_id

    def _heartbeat(self) -> None:
        if (
            not self._connected
            or time.monotonic() - self._last_heartbeat < self.config.heartbeat_interval
        ):
            return
        self._last_heartbeat = time.monotonic()
        body: dict[str, Any] = {"ts": self.clock.now().isoformat(), **self.controller.state()}
        if self._current is not None:
            body["message_id"], body["slot"] = self._current
        self.client.publish(self.topic("heartbeat"), json.dumps(body).encode(), qos=0)
