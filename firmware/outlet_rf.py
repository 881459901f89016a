"""The radio side of the Smart-Outlet hub: HC-12 433 MHz frames between the hub (ESP32) and its
outlets (PIC16F88), simulated for the host.

The hub talks to each outlet by its one-byte address. Frames, hub to outlet and the reply:

- ``("RELAY", socket, on)`` -> ``("ACK", "relay", socket, on)`` (the CMD_ACK);
- ``("THRESHOLD", milliamps)`` -> ``("ACK", "threshold", milliamps)``; a value <= 0 gets no ack;
- ``("READ",)`` -> ``("DATA", current_a, current_b)``, mA, 65535 for a socket that tripped;
- ``("PING",)`` -> ``("PONG",)``.

An outlet out of range, or a frame lost on the air, gets no reply at all; the hub cannot tell
which. The PIC keeps its relays and its threshold in RAM: a power cycle opens both relays and
forgets the threshold, and nothing tells the server (the seed's threshold desync: pawgraph
compares readings with the owner's threshold itself, so alerts do not depend on the PIC's copy).
"""

OVERLOAD_MARK = 65535
# The outlet's own protection: a load this high trips the socket off.
TRIP_MA = 16000
# What a shorted appliance draws until the outlet's protection opens the relay.
SHORT_CIRCUIT_MA = 120000


def short_id(text):
    """An outlet or hub id as the firmware keeps it: a byte, written as 2 upper-case hex digits
    (``strtol`` reads what it can; garbage is 0)."""
    try:
        number = int(text, 16) & 0xFF
    except ValueError:
        number = 0
    return f"{number:02X}"


def socket_name(socket):
    # The hub treats anything but "a" as socket B.
    return "a" if socket == "a" else "b"


class SimulatedOutlet:
    """One outlet's PIC: relays A and B, the load plugged into each socket (mA), its threshold.

    A socket draws its load only while its relay is on; a load at or above ``trip_ma`` trips
    the socket: that reading reports 65535 and the relay opens."""

    def __init__(
        self, outlet_id, relay_a=False, relay_b=False, load_a=0, load_b=0, trip_ma=TRIP_MA
    ):
        self.outlet_id = short_id(outlet_id)
        self.relay = {"a": relay_a, "b": relay_b}
        self.load = {"a": load_a, "b": load_b}
        self.trip_ma = trip_ma
        self.threshold_ma = None
        self.frames = 0

    def set_load(self, socket, milliamps):
        self.load[socket_name(socket)] = milliamps

    def short_circuit(self, socket):
        """The appliance on ``socket`` shorts: it draws far above the trip current."""
        self.set_load(socket, SHORT_CIRCUIT_MA)

    def power_cycle(self):
        """A brown-out: the PIC restarts with both relays open and no threshold."""
        self.relay = {"a": False, "b": False}
        self.threshold_ma = None

    def apply(self, command, socket, value):
        """Run a hub command as the outlet does; False for one it has nothing to do with."""
        if command in ("relay_on", "relay_off"):
            return self.receive(("RELAY", socket_name(socket), command == "relay_on")) is not None
        if command == "set_threshold":
            return self.receive(("THRESHOLD", value)) is not None
        return False  # read_sensors, ping, an empty or unknown command

    def receive(self, frame):
        """One radio frame from the hub; the reply frame, or None (no reply)."""
        self.frames += 1
        kind = frame[0]
        if kind == "RELAY":
            socket = socket_name(frame[1])
            self.relay[socket] = bool(frame[2])
            return ("ACK", "relay", socket, self.relay[socket])
        if kind == "THRESHOLD":
            if not isinstance(frame[1], int) or frame[1] <= 0:
                return None
            self.threshold_ma = frame[1]
            return ("ACK", "threshold", frame[1])
        if kind == "READ":
            current_a, current_b, _, _ = self.read()
            return ("DATA", current_a, current_b)
        if kind == "PING":
            return ("PONG",)
        return None

    def read(self):
        """(current_a, current_b, relay_a, relay_b) for this reading."""
        currents = []
        for socket in ("a", "b"):
            current = self.load[socket] if self.relay[socket] else 0
            if current >= self.trip_ma:
                current = OVERLOAD_MARK
                self.relay[socket] = False
            currents.append(current)
        return currents[0], currents[1], self.relay["a"], self.relay["b"]

    def drawn(self):
        """What the outlet draws from the breaker now, mA."""
        return sum(self.load[socket] for socket in ("a", "b") if self.relay[socket])


class RadioLink:
    """The HC-12 link: delivers a frame to the outlet at an address and brings its reply back.

    ``lose(count, kind)`` drops the next ``count`` frames (of that kind, e.g. "RELAY");
    ``out_of_range`` holds addresses nothing answers from. ``sent`` counts frames, ``lost``
    those that got no reply."""

    def __init__(self, outlets):
        self.outlets = outlets
        self.out_of_range = set()
        self.to_lose = {}
        self.sent = 0
        self.lost = 0

    def lose(self, count=1, kind=None):
        self.to_lose[kind] = self.to_lose.get(kind, 0) + count

    def send(self, address, frame):
        self.sent += 1
        outlet = self.outlets.get(address)
        if outlet is None or address in self.out_of_range or self._lost(frame[0]):
            self.lost += 1
            return None
        reply = outlet.receive(frame)
        if reply is None:
            self.lost += 1
        return reply

    def _lost(self, kind):
        for key in (kind, None):
            if self.to_lose.get(key, 0) > 0:
                self.to_lose[key] -= 1
                return True
        return False
