"""The Smart-Outlet hub's 2-second cycle (WIRE.md section 2), one ``cycle`` at a time.

In order: ``GET devices/`` (outlets the server lists are added to the hub's list, never
removed, at most 8), ``POST breaker-data/`` (the outlets' total draw plus the hub's own base
load), ``GET focus/``; then, for the focused outlet, its reading to ``POST data/`` and
``GET commands/<id>/``, whose commands the outlet runs after the reading went out. Every 30 s
(first 30 s after boot) one outlet other than the focused one gets the same, round-robin.

The outlets are reached over the radio (``outlet_rf``): a reading is a READ frame and its DATA
reply (an outlet that does not answer gets no ``POST data/`` this cycle); a relay or threshold
command is a frame the outlet acks; ``read_sensors`` and ``ping`` are ignored, as the hub does.
The relays a reading reports are the hub's record of them, kept from the outlets' acks: after
``reboot()`` every socket is unknown (-1) and reported off, until the outlet acks a relay
command for it or reports it tripped (the seed's relay desync).

The clock is injected (monotonic seconds, ``time.ticks_ms`` on MicroPython); ``run_hub`` paces
cycles like the firmware: a cycle starts ``cycle_s`` after the previous one started, or at once
when that one overran.
"""

from firmware.clock import monotonic_clock, sleep_seconds
from firmware.outlet_rf import OVERLOAD_MARK, RadioLink, socket_name
from firmware.smart_outlet_hub import (
    BACKGROUND_S,
    CYCLE_S,
    MAX_OUTLETS,
    SimulatedOutlet,
    parse_commands,
    parse_devices,
    parse_focus,
    reading_body,
    short_id,
)
from firmware.traffic import Traffic


class Hub:
    """One hub: its id (``ccu_id``), its outlets by id, and where its cycle stands."""

    def __init__(
        self,
        client,
        ccu_id,
        outlets=(),
        clock=None,
        cycle_s=CYCLE_S,
        background_s=BACKGROUND_S,
        base_load_ma=0,
    ):
        self.client = client
        self.ccu_id = short_id(ccu_id)
        self.clock = clock or monotonic_clock()
        self.cycle_s = cycle_s
        self.background_s = background_s
        self.base_load_ma = base_load_ma
        # The outlets in radio range; the hub talks to those the server lists.
        self.outlets = {outlet.outlet_id: outlet for outlet in outlets}
        self.radio = RadioLink(self.outlets)
        # Sockets whose relay state the hub does not know, by outlet id (-1 in the firmware).
        self.unknown = {}
        self.known = []
        self.focus = None
        self.background_index = 0
        self.last_background = self.clock()
        self.next_cycle = self.last_background
        self.cycles = 0
        self.traffic = Traffic()
        # What the hub did, in order: ("data", id, body), ("command", id, command, socket,
        # value, applied: the outlet acked it), ("silent", id): no reply to a reading.
        self.events = []

    def outlet(self, outlet_id):
        """The outlet with this id, plugged in (created) when the hub had none by that id."""
        outlet_id = short_id(outlet_id)
        if outlet_id not in self.outlets:
            self.outlets[outlet_id] = SimulatedOutlet(outlet_id)
        return self.outlets[outlet_id]

    def reboot(self):
        """A power cycle of the hub: outlet list and relay states forgotten, timers restarted."""
        self.known = []
        self.focus = None
        self.unknown = {outlet_id: {"a", "b"} for outlet_id in self.outlets}
        self.background_index = 0
        self.last_background = self.next_cycle = self.clock()

    def relay_state(self, outlet_id, socket):
        """What the hub knows of a socket: 1 on, 0 off, -1 unknown."""
        if socket in self.unknown.get(outlet_id, ()):
            return -1
        return 1 if self.outlet(outlet_id).relay[socket] else 0

    def cycle(self):
        """One cycle, every request in the firmware's order."""
        now = self.clock()
        self.next_cycle = now + self.cycle_s
        self.cycles += 1
        self._sync_devices()
        self.traffic.send("breaker", lambda: self.client.breaker(self.ccu_id, self.breaker_ma()))
        self.focus = parse_focus(self._body("focus", self.client.focus))
        if self.focus in self.known:
            self._poll(self.focus)
        if self.known and now - self.last_background >= self.background_s:
            self.last_background = now
            self._poll_background()

    def breaker_ma(self):
        return self.base_load_ma + sum(self.outlet(i).drawn() for i in self.known)

    def _sync_devices(self):
        for outlet_id in parse_devices(self._body("devices", self.client.devices)):
            if outlet_id not in self.known and len(self.known) < MAX_OUTLETS:
                self.known.append(outlet_id)
                self.outlet(outlet_id)

    def _poll_background(self):
        focus_number = int(self.focus, 16) if self.focus else 0
        for _ in range(len(self.known)):
            if self.background_index >= len(self.known):
                self.background_index = 0
            outlet_id = self.known[self.background_index]
            self.background_index += 1
            # The firmware compares numbers, and a focus of 0 means none.
            if focus_number and int(outlet_id, 16) == focus_number:
                continue
            self._poll(outlet_id)
            return

    def _poll(self, outlet_id):
        reply = self.radio.send(outlet_id, ("READ",))
        if reply is None:
            self.events.append(("silent", outlet_id))
        else:
            _, current_a, current_b = reply
            for socket, current in (("a", current_a), ("b", current_b)):
                if current == OVERLOAD_MARK:
                    self._learn(outlet_id, socket)  # a trip opens the relay: known off
            relay_a = self.relay_state(outlet_id, "a") == 1
            relay_b = self.relay_state(outlet_id, "b") == 1
            body = reading_body(outlet_id, current_a, current_b, relay_a, relay_b)
            self.events.append(("data", outlet_id, body))
            self.traffic.send("data", lambda: self.client.data(body))
        for command, socket, value in parse_commands(
            self._body("commands", lambda: self.client.commands(outlet_id))
        ):
            applied = self._send_command(outlet_id, command, socket, value)
            self.events.append(("command", outlet_id, command, socket, value, applied))

    def _send_command(self, outlet_id, command, socket, value):
        """A command over the radio; True when the outlet acked it."""
        if command in ("relay_on", "relay_off"):
            socket = socket_name(socket)
            acked = self.radio.send(outlet_id, ("RELAY", socket, command == "relay_on"))
            if acked is not None:
                self._learn(outlet_id, socket)
            return acked is not None
        if command == "set_threshold":
            return self.radio.send(outlet_id, ("THRESHOLD", value)) is not None
        return False  # read_sensors, ping, an empty or unknown command: ignored

    def _learn(self, outlet_id, socket):
        self.unknown.get(outlet_id, set()).discard(socket)

    def _body(self, route, request):
        """A GET's body as text, read only on exactly 200 (else empty)."""
        response = self.traffic.send(route, request)
        if response is None or response.status != 200:
            return ""
        body = response.body
        return body.decode() if isinstance(body, bytes) else body


def run_hub(hub, duration, clock=None, sleep=None, should_stop=None, max_cycles=None):
    """Cycle ``hub`` until ``duration`` seconds pass, ``should_stop()`` is true or it ran
    ``max_cycles`` cycles. Returns the number of cycles run."""
    clock = clock or hub.clock
    sleep = sleep or sleep_seconds
    deadline = clock() + duration
    cycles = 0
    while clock() < deadline and (max_cycles is None or cycles < max_cycles):
        if should_stop is not None and should_stop():
            break
        hub.cycle()
        cycles += 1
        pause = min(hub.next_cycle, deadline) - clock()
        if pause > 0:
            sleep(pause)
    return cycles
