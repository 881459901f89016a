"""The PETio feeder's main loop (WIRE.md section 1), one ``tick`` at a time.

Each pass of the unit's ``loop()`` does, when each is due: the schedule check (every 45 s), the
command poll (every 10 s, or the ``poll_interval_sec`` the boot config names) and the heartbeat
(every 60 s). All three are due at once after boot. A feed command is run as the unit runs it:
refused with ``busy``, ``boot_mute`` or ``cooldown`` when it cannot feed, else dispensed, the
feeding log posted, and only then acknowledged — ``ok`` when the log was accepted, ``failed``
when not (the order of the unit's firmware). A failed command or schedule poll backs both off
for 2 min, doubling up to 5 min, as the unit does.

Schedules are decided by the server: the unit feeds when ``should_feed`` is true, unless the
``triggered_schedule_id`` is the one it last ran (pawgraph makes that id unique per schedule and
local day). This unit does not read the ``schedules`` array (the field firmware's UTC flaw).

The clock is injected (monotonic seconds) so tests step the loop without waiting; dispensing
is instantaneous. Runs on MicroPython: ``time`` only, HTTP through the client's transport.
"""

import time

from firmware.petio_feeder import (
    SOURCE_REMOTE,
    SOURCE_SCHEDULED,
    FeederStatus,
    parse_command,
)
from firmware.traffic import Traffic

COMMAND_POLL_S = 10.0
SCHEDULE_POLL_S = 45.0
HEARTBEAT_S = 60.0
# The unit refuses to feed right after boot (a power blip must not dispense) and right after
# a feed (a double tap must not dispense twice).
BOOT_MUTE_S = 10.0
COOLDOWN_S = 30.0
MIN_BACKOFF_S = 60.0
MAX_BACKOFF_S = 300.0
GRAMS_PER_COMPARTMENT = 15.0
# ToF distance to the food: an empty hopper reads about 180 mm, a full one 20 mm.
HOPPER_FULL_MM = 20
HOPPER_EMPTY_MM = 180
HOPPER_PCT_PER_COMPARTMENT = 2
FEED_COMMANDS = ("feed", "feed_now")


class FeederUnit:
    """One unit's loop state: its timers, hopper, feeds, and what it last ran."""

    def __init__(
        self,
        client,
        clock=None,
        command_poll_s=COMMAND_POLL_S,
        schedule_poll_s=SCHEDULE_POLL_S,
        heartbeat_s=HEARTBEAT_S,
        boot_mute_s=BOOT_MUTE_S,
        cooldown_s=COOLDOWN_S,
        hopper_pct=100,
        wifi_rssi=-60,
    ):
        self.client = client
        self.clock = clock or time.monotonic
        self.command_poll_s = command_poll_s
        self.schedule_poll_s = schedule_poll_s
        self.heartbeat_s = heartbeat_s
        self.boot_mute_s = boot_mute_s
        self.cooldown_s = cooldown_s
        self.hopper_pct = hopper_pct
        self.wifi_rssi = wifi_rssi
        self.booted_at = self.clock()
        self.paired = True
        self.feeding = False
        self.daily_feeds = 0
        self.last_feed = None  # the wall clock's epoch second, for the heartbeat
        self.last_feed_done = None  # the loop clock's, for the cooldown
        self.last_schedule_id = 0
        self.backoff_s = MIN_BACKOFF_S
        self.backoff_until = None
        self.next_schedule = self.next_command = self.next_heartbeat = self.booted_at
        self.traffic = Traffic()
        # What the unit did, in order: ("fed", source, grams), ("ack", command_id, result),
        # ("calibrated",), ("stopped",).
        self.events = []

    # ---- boot --------------------------------------------------------------------------------

    def boot(self):
        """``GET /api/device/config/``: True when accepted. A 403 on a paired unit erases its
        key (it would re-pair); a ``poll_interval_sec`` in the config sets the command poll."""
        response = self.traffic.send("config", self.client.config)
        if response is None:
            return False
        if response.status == 403:
            self.client.device_key = None
            self.paired = False
            return False
        body = response.json() if response.ok else None
        if isinstance(body, dict) and isinstance(body.get("poll_interval_sec"), (int, float)):
            if body["poll_interval_sec"] > 0:
                self.command_poll_s = float(body["poll_interval_sec"])
        return response.ok

    # ---- the loop ----------------------------------------------------------------------------

    def tick(self):
        """One pass of the unit's loop: whatever is due, in the unit's order."""
        if not self.paired or self.feeding:
            return
        now = self.clock()
        if now >= self.next_schedule:
            self.next_schedule = now + self.schedule_poll_s
            if not self._backing_off(now):
                self._check_schedule()
        if now >= self.next_command:
            self.next_command = now + self.command_poll_s
            if not self._backing_off(now):
                self._poll_command()
        if now >= self.next_heartbeat:
            self.next_heartbeat = now + self.heartbeat_s
            self.traffic.send("status", lambda: self.client.heartbeat(self.status()))

    def next_wakeup(self):
        """When the next tick has something to do, on the loop's clock."""
        return min(self.next_schedule, self.next_command, self.next_heartbeat)

    def status(self):
        span = HOPPER_EMPTY_MM - HOPPER_FULL_MM
        tof_mm = HOPPER_FULL_MM + span * (100 - self.hopper_pct) // 100
        return FeederStatus(
            wifi_rssi=self.wifi_rssi,
            uptime=int(self.clock() - self.booted_at),
            daily_feeds=self.daily_feeds,
            hopper_mm=tof_mm,
            hopper_pct=self.hopper_pct,
            last_feed=self.last_feed,
        )

    # ---- commands ----------------------------------------------------------------------------

    def _poll_command(self):
        response = self._polled("command", self.client.poll_command)
        command = parse_command(response)
        if command is not None:
            self._run(command)

    def _run(self, command):
        if command.name in FEED_COMMANDS:
            refusal = self.refusal()
            if refusal:
                self._acknowledge(command, refusal)
                return
            self.dispense(command.grams, SOURCE_REMOTE)
            logged = self._post_log(command.grams, SOURCE_REMOTE, "Remote command feed")
            self._acknowledge(command, "ok" if logged else "failed")
        elif command.name == "stop_feeding":
            self.feeding = False
            self.events.append(("stopped",))
            self._acknowledge(command, "ok")
        elif command.name == "calibrate":
            # One compartment's spin: the unit times it against its stored calibration.
            self.events.append(("calibrated",))
            self._acknowledge(command, "ok")
        else:
            self._acknowledge(command, "failed", "unsupported command: " + command.name)

    def _acknowledge(self, command, result, error_message=None):
        self.events.append(("ack", command.command_id, result))
        self.traffic.send(
            "ack", lambda: self.client.acknowledge(command.command_id, result, error_message)
        )

    # ---- schedules ---------------------------------------------------------------------------

    def _check_schedule(self):
        response = self._polled("check_schedule", self.client.check_schedule)
        body = response.json() if response is not None and response.ok else None
        if not isinstance(body, dict) or body.get("should_feed") is not True:
            return
        schedule_id = _int(body.get("triggered_schedule_id")) or self._derived_schedule_id(body)
        if schedule_id == self.last_schedule_id or self.refusal():
            return
        grams = _float(body.get("portion_size"))
        self.dispense(grams, SOURCE_SCHEDULED)
        if self._post_log(grams, SOURCE_SCHEDULED, "Automated scheduled feeding"):
            # Only a delivered log counts the schedule as run; otherwise it runs again.
            self.last_schedule_id = schedule_id

    def _derived_schedule_id(self, body):
        """Without a triggered id, the unit makes one of the UTC day of year and the time."""
        clock = str(body.get("triggered_schedule_time") or "")
        hour = _int(clock[0:2]) if len(clock) >= 5 else 0
        minute = _int(clock[3:5]) if len(clock) >= 5 else 0
        day_of_year = time.gmtime(int(self.client.clock()))[7] - 1
        return day_of_year * 10000 + hour * 100 + minute

    # ---- the motor ---------------------------------------------------------------------------

    def refusal(self):
        """Why the unit cannot feed now (``busy``, ``boot_mute``, ``cooldown``), or None."""
        now = self.clock()
        if self.feeding:
            return "busy"
        if now - self.booted_at < self.boot_mute_s:
            return "boot_mute"
        if self.last_feed_done is not None and now - self.last_feed_done < self.cooldown_s:
            return "cooldown"
        return None

    def dispense(self, grams, source):
        """Turn the wheel by whole compartments (at least one); the hopper goes down."""
        compartments = max(1, int(grams / GRAMS_PER_COMPARTMENT + 0.5))
        self.hopper_pct = max(0, self.hopper_pct - compartments * HOPPER_PCT_PER_COMPARTMENT)
        self.daily_feeds += 1
        self.last_feed = self.client.clock()
        self.last_feed_done = self.clock()
        self.events.append(("fed", source, grams))

    def _post_log(self, grams, source, notes):
        response = self.traffic.send("logs", lambda: self.client.post_log(grams, source, notes))
        return response is not None and response.ok

    # ---- requests ----------------------------------------------------------------------------

    def _polled(self, route, request):
        """A command or schedule poll: a failure backs the polls off, a success resets it."""
        response = self.traffic.send(route, request)
        if response is not None and response.ok:
            self.backoff_s = MIN_BACKOFF_S
            self.backoff_until = None
        else:
            self.backoff_s = min(self.backoff_s * 2, MAX_BACKOFF_S)
            self.backoff_until = self.clock() + self.backoff_s
        return response

    def _backing_off(self, now):
        return self.backoff_until is not None and now < self.backoff_until


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _float(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def run_unit(unit, duration, clock=None, sleep=None, should_stop=None, max_ticks=None):
    """Tick ``unit`` until ``duration`` seconds pass, ``should_stop()`` is true or ``max_ticks``
    ticks ran, sleeping until the next thing is due. Returns the number of ticks."""
    clock = clock or unit.clock
    sleep = sleep or time.sleep
    deadline = clock() + duration
    ticks = 0
    while clock() < deadline and (max_ticks is None or ticks < max_ticks):
        if should_stop is not None and should_stop():
            break
        unit.tick()
        ticks += 1
        pause = min(unit.next_wakeup(), deadline) - clock()
        if pause > 0:
            sleep(pause)
    return ticks
