"""Simulated Smart-Outlet hubs for ``firmware.simulator``: each a real ``Hub`` cycling against
a pawgraph server, its outlets drawing plausible, drifting loads.

A hub is given as ``CC:BASE_URL``: its 2-hex-digit id (what it posts as ``ccu_id``) and the
base URL its owner typed into its setup portal (pawgraph's, with the hub's key in the path), or
``CC:KEY`` with the server's URL given apart (``--base-url``). A server URL given apart also
wins over the host in a full base URL: the hub's path (``/h/<key>``) moves onto it.
Its outlets are whichever the server lists: each one the hub learns of is plugged in with both
relays on and a load of 100–2500 mA per socket, drifting a little every cycle.

A host tool (``random.Random``), importing nothing from the server.
"""

import random
from urllib.parse import urlsplit

from firmware.hub_unit import Hub
from firmware.smart_outlet_hub import HubClient, short_id
from firmware.traffic import Traffic

MIN_LOAD_MA = 100
MAX_LOAD_MA = 2500
DRIFT_MA = 50


HUB_PATH = "/h/"


def parse_hub(spec, server_url=None):
    """``CC:http(s)://host/h/<key>`` or ``CC:<key>`` -> (ccu_id, base_url); ValueError naming
    the problem. With ``server_url`` the hub talks to that server whatever host its spec names."""
    ccu_id, separator, target = spec.strip().partition(":")
    ccu_id, target = ccu_id.strip().upper(), target.strip()
    if not separator or not target:
        raise ValueError(f"hub {spec!r}: expected CC:http(s)://host/h/<key> or CC:<key>")
    if len(ccu_id) != 2 or any(character not in "0123456789ABCDEF" for character in ccu_id):
        raise ValueError(f"hub {spec!r}: the hub id is 2 hex digits")
    if not target.startswith(("http://", "https://")):
        if server_url is None or "/" in target:
            raise ValueError(f"hub {spec!r}: a bare hub key needs the server's URL (--base-url)")
        return ccu_id, server_url.rstrip("/") + HUB_PATH + target
    if server_url is None:
        return ccu_id, target
    path = urlsplit(target).path
    if HUB_PATH not in path:
        raise ValueError(f"hub {spec!r}: a pawgraph hub URL ends in /h/<key>")
    return ccu_id, server_url.rstrip("/") + path[path.rindex(HUB_PATH) :]


class SimulatedHub:
    """A hub and the random walk of its outlets' loads."""

    def __init__(self, hub, rng):
        self.hub = hub
        self.rng = rng
        self.plugged = set()

    def cycle(self):
        self._drift()
        self.hub.cycle()

    def _drift(self):
        for outlet_id in self.hub.known:
            outlet = self.hub.outlet(outlet_id)
            if outlet_id not in self.plugged:
                self.plugged.add(outlet_id)
                outlet.relay = {"a": True, "b": True}
                for socket in ("a", "b"):
                    outlet.set_load(socket, self.rng.randint(MIN_LOAD_MA, MAX_LOAD_MA))
                continue
            for socket in ("a", "b"):
                drifted = outlet.load[socket] + self.rng.randint(-DRIFT_MA, DRIFT_MA)
                outlet.set_load(socket, max(MIN_LOAD_MA, min(MAX_LOAD_MA, drifted)))


def build_hubs(hubs, seed=None, timeout=5, transport=None, clock=None, cycle_s=2.0):
    """One ``SimulatedHub`` per (ccu_id, base_url)."""
    rng = random.Random(seed)
    return [
        SimulatedHub(
            Hub(
                HubClient(base_url, transport, timeout),
                short_id(ccu_id),
                clock=clock,
                cycle_s=cycle_s,
            ),
            random.Random(rng.random()),
        )
        for ccu_id, base_url in hubs
    ]


class HubSummary:
    """What the hubs of a run did: cycles, requests by route, commands run."""

    def __init__(self):
        self.cycles = 0
        self.traffic = Traffic()
        self.commands = 0
        self.ignored = 0

    def add(self, simulated):
        hub = simulated.hub
        self.cycles += hub.cycles
        self.traffic.merge(hub.traffic)
        ran = [event for event in hub.events if event[0] == "command"]
        self.commands += sum(1 for event in ran if event[-1])
        self.ignored += sum(1 for event in ran if not event[-1])

    @property
    def all_accepted(self):
        return self.traffic.sent() > 0 and self.traffic.accepted() == self.traffic.sent()

    def render(self):
        traffic = self.traffic
        refused = sum(traffic.refused().values())
        lines = [
            f"hub cycles: {self.cycles}, requests: {traffic.sent()}, "
            f"accepted: {traffic.accepted()}, refused: {refused}, "
            f"unreachable: {traffic.unreachable()}, "
            f"commands run: {self.commands}, ignored: {self.ignored}"
        ]
        for route in sorted(traffic.routes):
            for status, count in sorted(traffic.refused(route).items()):
                lines.append(f"  refused {route} {status}: {count}")
        if traffic.last_error:
            lines.append(f"  last transport error: {traffic.last_error}")
        return "\n".join(lines)
