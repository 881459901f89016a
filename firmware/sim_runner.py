"""The simulator's scheduler and its summary: feeders' heartbeats and hubs' cycles run in one
thread, each when it is due, bounded in time and count."""

import time

from firmware import hub_fleet
from firmware.transport import TransportError


class Summary:
    """What a run did: heartbeats sent, accepted (2xx), refused (by status), unreachable; and
    the hubs' cycles and requests (``hubs``)."""

    def __init__(self):
        self.hubs = hub_fleet.HubSummary()
        self.sent = 0
        self.accepted = 0
        self.refused = {}
        self.refusal_messages = {}
        self.unreachable = 0
        self.last_transport_error = None

    def record(self, response):
        self.sent += 1
        if response.ok:
            self.accepted += 1
            return
        self.refused[response.status] = self.refused.get(response.status, 0) + 1
        if response.status not in self.refusal_messages:
            body = response.json()
            message = body.get("message") if isinstance(body, dict) else None
            fallback = response.body[:120].decode("utf-8", "replace")
            self.refusal_messages[response.status] = message or fallback

    def record_failure(self, error):
        self.sent += 1
        self.unreachable += 1
        self.last_transport_error = str(error)

    @property
    def all_accepted(self):
        hub_requests = self.hubs.traffic.sent()
        if self.sent == 0 and hub_requests == 0:
            return False
        heartbeats_ok = self.accepted == self.sent
        return heartbeats_ok and (hub_requests == 0 or self.hubs.all_accepted)

    def render(self):
        lines = []
        if self.sent or not self.hubs.cycles:
            refused = sum(self.refused.values())
            lines.append(
                f"heartbeats sent: {self.sent}, accepted: {self.accepted}, refused: {refused}, "
                f"unreachable: {self.unreachable}"
            )
            for status in sorted(self.refused):
                message = self.refusal_messages[status]
                lines.append(f"  refused {status}: {self.refused[status]} ({message})")
            if self.last_transport_error:
                lines.append(f"  last transport error: {self.last_transport_error}")
        if self.hubs.cycles:
            lines.append(self.hubs.render())
        return "\n".join(lines)


def run(
    fleet,
    hubs,
    interval,
    duration,
    count=None,
    cycles=None,
    clock=time.monotonic,
    sleep=time.sleep,
):
    """Feeders' heartbeats and hubs' cycles, interleaved by when each is due, until
    ``duration`` seconds pass or every feeder sent ``count`` and every hub ran ``cycles``."""
    if not fleet and not hubs:
        raise ValueError("the fleet has no units")
    if interval <= 0 or duration <= 0 or (count is not None and count < 1):
        raise ValueError("interval and duration must be positive, count at least 1")
    if cycles is not None and cycles < 1:
        raise ValueError("cycles must be at least 1")
    summary = Summary()
    start = clock()
    deadline = start + duration
    units = [
        _Beats(unit, start + index * interval / len(fleet), interval, count)
        for index, unit in enumerate(fleet)
    ]
    units += [_Cycles(hub, start, cycles) for hub in hubs]
    while True:
        waiting = [unit for unit in units if not unit.done()]
        if not waiting:
            break
        unit = min(waiting, key=lambda candidate: candidate.due)
        if unit.due >= deadline:
            break
        pause = unit.due - clock()
        if pause > 0:
            sleep(pause)
        unit.step(clock(), summary)
    for hub in hubs:
        summary.hubs.add(hub)
    return summary


class _Beats:
    def __init__(self, unit, due, interval, count):
        self.unit, self.due, self.interval, self.count, self.sent = unit, due, interval, count, 0

    def done(self):
        return self.count is not None and self.sent >= self.count

    def step(self, now, summary):
        _beat(self.unit, now, summary)
        self.sent += 1
        self.due += self.interval


class _Cycles:
    def __init__(self, hub, due, cycles):
        self.hub, self.due, self.cycles, self.ran = hub, due, cycles, 0

    def done(self):
        return self.cycles is not None and self.ran >= self.cycles

    def step(self, now, summary):
        self.hub.cycle()
        self.ran += 1
        self.due = max(self.hub.hub.next_cycle, now)


def _beat(unit, now, summary):
    try:
        summary.record(unit.beat(now))
    except TransportError as error:
        summary.record_failure(error)
