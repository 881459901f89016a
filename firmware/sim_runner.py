"""The simulator's scheduler and its summary: feeders' heartbeats, hubs' cycles and Petty
collars' readings run in one thread, each when it is due, bounded in time and count."""

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
        # Petty collars' readings: posted, accepted (2xx), refused by status, unreachable.
        self.readings = {"sent": 0, "accepted": 0, "unreachable": 0}
        self.readings_refused = {}

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

    def record_reading(self, response, error=None):
        self.readings["sent"] += 1
        if response is None:
            self.readings["unreachable"] += 1
            self.last_transport_error = str(error)
        elif response.ok:
            self.readings["accepted"] += 1
        else:
            refused = self.readings_refused
            refused[response.status] = refused.get(response.status, 0) + 1
            if response.status not in self.refusal_messages:
                body = response.json()
                message = body.get("error") if isinstance(body, dict) else None
                self.refusal_messages[response.status] = message or str(response.body[:120])

    @property
    def all_accepted(self):
        hub_requests = self.hubs.traffic.sent()
        if self.sent == 0 and hub_requests == 0 and self.readings["sent"] == 0:
            return False
        heartbeats_ok = self.accepted == self.sent
        readings_ok = self.readings["accepted"] == self.readings["sent"]
        return heartbeats_ok and readings_ok and (hub_requests == 0 or self.hubs.all_accepted)

    def render(self):
        lines = []
        if self.readings["sent"]:
            readings = self.readings
            lines.append(
                f"collar readings sent: {readings['sent']}, accepted: {readings['accepted']}, "
                f"refused: {sum(self.readings_refused.values())}, "
                f"unreachable: {readings['unreachable']}"
            )
            for status in sorted(self.readings_refused):
                message = self.refusal_messages.get(status, "")
                lines.append(f"  refused {status}: {self.readings_refused[status]} ({message})")
        if self.sent or (not self.hubs.cycles and not self.readings["sent"]):
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


class Progress:
    """A running count for a live display: elapsed seconds, devices, requests sent and how many
    failed (refused or unreachable), and the last command a hub ran or ignored."""

    def __init__(self, elapsed, feeders, hubs, requests, errors, last_command, last_error):
        self.elapsed = elapsed
        self.feeders = feeders
        self.hubs = hubs
        self.requests = requests
        self.errors = errors
        self.last_command = last_command
        self.last_error = last_error

    @property
    def requests_per_second(self):
        return self.requests / self.elapsed if self.elapsed > 0 else 0.0


def progress(summary, fleet, hubs, elapsed):
    """Where a run stands; cheap enough to take after every step."""
    requests = summary.sent
    errors = summary.sent - summary.accepted
    last_command, last_error = None, summary.last_transport_error
    for simulated in hubs:
        hub = simulated.hub
        traffic = hub.traffic
        requests += traffic.sent()
        errors += traffic.sent() - traffic.accepted()
        last_error = traffic.last_error or last_error
        commands = [event for event in hub.events if event[0] == "command"]
        if commands:
            _, outlet_id, command, socket, value, applied = commands[-1]
            verdict = "ran" if applied else "ignored"
            last_command = f"hub {hub.ccu_id} outlet {outlet_id}: {command} {socket} {verdict}"
    return Progress(elapsed, len(fleet), len(hubs), requests, errors, last_command, last_error)


def run(
    fleet,
    hubs,
    interval,
    duration,
    count=None,
    cycles=None,
    clock=time.monotonic,
    sleep=time.sleep,
    observer=None,
    collars=(),
    collar_interval=10.0,
    readings=None,
):
    """Feeders' heartbeats, hubs' cycles and Petty collars' readings, interleaved by when each
    is due, until ``duration`` seconds pass (the run lasts that long, even when the next step
    falls after it) or every feeder sent ``count``, every hub ran ``cycles`` and every collar
    posted ``readings``. ``observer`` gets a ``Progress`` after every step."""
    if not fleet and not hubs and not collars:
        raise ValueError("the fleet has no units")
    if collar_interval <= 0 or (readings is not None and readings < 1):
        raise ValueError("the collar interval must be positive, readings at least 1")
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
    units += [
        _Readings(collar, start + index * collar_interval / len(collars), collar_interval, readings)
        for index, collar in enumerate(collars)
    ]
    try:
        while True:
            waiting = [unit for unit in units if not unit.done()]
            if not waiting:
                break
            unit = min(waiting, key=lambda candidate: candidate.due)
            if unit.due >= deadline:
                _sleep_until(deadline, clock, sleep)
                break
            _sleep_until(unit.due, clock, sleep)
            unit.step(clock(), summary)
            if observer is not None:
                observer(progress(summary, fleet, hubs, clock() - start))
    except KeyboardInterrupt:
        pass  # Ctrl-C ends the run early; what was sent is still summed up
    for hub in hubs:
        summary.hubs.add(hub)
    return summary


def _sleep_until(moment, clock, sleep):
    pause = moment - clock()
    if pause > 0:
        sleep(pause)


class _Beats:
    def __init__(self, unit, due, interval, count):
        self.unit, self.due, self.interval, self.count, self.sent = unit, due, interval, count, 0

    def done(self):
        return self.count is not None and self.sent >= self.count

    def step(self, now, summary):
        _beat(self.unit, now, summary)
        self.sent += 1
        self.due += self.interval


class _Readings(_Beats):
    """A collar's posts: one reading each, no retry (a failed one is dropped)."""

    def step(self, now, summary):
        try:
            summary.record_reading(self.unit.beat(now))
        except TransportError as error:
            summary.record_reading(None, error)
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
