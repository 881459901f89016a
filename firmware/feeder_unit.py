"""The PETio feeder's main loop (WIRE.md section 1), one ``tick`` at a time.

Each pass does, in order: the panel (feed button, portion buttons, serial ``CAL``), NTP while
the clock is unsynced, then what is due on the network: the schedule check (every 45 s), the
command poll (every 10 s, or the config's ``poll_interval_sec``), the heartbeat (every 60 s),
and the logs kept while offline. All are due at once after boot. Then the LED.

Feeds go through the motor controller (``feeder_motor``: portion strategies, anti-jam, post-
feed clearing). A feed command is refused with ``busy``, ``boot_mute`` or ``cooldown`` when
the unit cannot feed, else dispensed, its log posted and then acknowledged: ``ok``; ``failed``
with the jam when the wheel stayed stalled (the log says it too) or when the server refused
the log. The FEED button feeds the panel's portion (source ``manual``) under the same
refusals; held 5 s it unpairs the unit.

Network resilience (``feeder_link``): short timeouts (the client's 5 s), one retry of a
request that got no answer or a 5xx, then a failed command or schedule poll backs both off:
60 s, doubling up to 300 s. A log that could not be delivered is kept and posted as a batch
once the server answers again. Until NTP answers, the wall clock counts from 1970 and the
timestamps say so; the server keeps its receive time beside them.

Schedules are decided by the server: the unit feeds when ``should_feed`` is true, unless the
``triggered_schedule_id`` is the one it last ran (pawgraph makes it unique per schedule and
local day). The clock is injected (monotonic seconds; ``clock.monotonic_clock`` by default,
``ticks_ms`` on MicroPython). Runs on MicroPython: ``time`` only, HTTP through a transport.
"""

import time

from firmware import feeder_hardware, feeder_panel
from firmware.clock import WallClock, monotonic_clock, sleep_seconds
from firmware.feeder_link import MAX_BACKOFF_S, MIN_BACKOFF_S, FeederLink
from firmware.feeder_motor import MotorController
from firmware.petio_feeder import (
    SOURCE_MANUAL,
    SOURCE_REMOTE,
    SOURCE_SCHEDULED,
    FeederStatus,
    parse_command,
)

COMMAND_POLL_S = 10.0
SCHEDULE_POLL_S = 45.0
HEARTBEAT_S = 60.0
NTP_RETRY_S = 60.0
NTP_RESYNC_S = 3600.0
# The unit refuses to feed right after boot (a power blip must not dispense) and right after
# a feed (a double tap must not dispense twice).
BOOT_MUTE_S = 10.0
COOLDOWN_S = 30.0
UNPAIR_HOLD_S = 5.0
FEED_COMMANDS = ("feed", "feed_now")


class FeederUnit:
    """One unit: its parts, timers, feeds, and what it last ran."""

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
        hardware=None,
        min_backoff_s=MIN_BACKOFF_S,
        max_backoff_s=MAX_BACKOFF_S,
    ):
        self.client = client
        self.clock = clock or monotonic_clock()
        self.hw = hardware or feeder_hardware.simulated(fill_pct=hopper_pct)
        self.motor = MotorController(self.hw.servo, self.hw.storage)
        self.portion = feeder_panel.PortionSetting(self.hw.storage)
        self.wall = None
        if self.hw.ntp is not None:
            # The unit's own wall clock, 1970 until NTP answers, stamps everything it sends.
            self.wall = WallClock(self.clock, self.hw.ntp)
            client.clock = self.wall
        self.command_poll_s = command_poll_s
        self.schedule_poll_s = schedule_poll_s
        self.heartbeat_s = heartbeat_s
        self.boot_mute_s = boot_mute_s
        self.cooldown_s = cooldown_s
        self.wifi_rssi = wifi_rssi
        self.booted_at = self.clock()
        self.paired = True
        self.feeding = False
        self.jam = None  # the last jam's reason, until a feed goes through
        self.daily_feeds = 0
        self.last_feed = None  # the wall clock's epoch second, for the heartbeat
        self.last_feed_done = None  # the loop clock's, for the cooldown
        self.last_schedule_id = 0
        self.link = FeederLink(self.clock, min_backoff_s, max_backoff_s)
        self.next_schedule = self.next_command = self.next_heartbeat = self.booted_at
        self.next_ntp = self.booted_at
        # What the unit did, in order: ("fed", source, grams), ("jammed", source, reason),
        # ("ack", command_id, result), ("calibrated", grams), ("stopped",), ("unpaired",).
        self.events = []

    @property
    def traffic(self):
        """What the unit's requests got back, by route (the link's tally)."""
        return self.link.traffic

    @property
    def hopper_pct(self):
        distance = self.hw.hopper.read_mm()
        return feeder_hardware.fill_pct(distance) if distance is not None else None

    # ---- boot --------------------------------------------------------------------------------

    def boot(self):
        """``GET /api/device/config/``: True when accepted. A 403 on a paired unit erases its
        key (it would re-pair); a ``poll_interval_sec`` in the config sets the command poll."""
        response = self.link.send("config", self.client.config)
        if response is None:
            return False
        if response.status == 403:
            self._forget_key()
            return False
        body = response.json() if response.ok else None
        if isinstance(body, dict) and isinstance(body.get("poll_interval_sec"), (int, float)):
            if body["poll_interval_sec"] > 0:
                self.command_poll_s = float(body["poll_interval_sec"])
        return response.ok

    # ---- the loop ----------------------------------------------------------------------------

    def tick(self):
        """One pass of the unit's loop: the panel, then whatever is due, in the unit's order."""
        if self.feeding:
            return
        self._panel()
        if self.paired:
            self._network(self.clock())
        self._show_led()

    def _network(self, now):
        if self.wall is not None and now >= self.next_ntp:
            synced = self.wall.sync()
            self.next_ntp = now + (NTP_RESYNC_S if synced else NTP_RETRY_S)
        if now >= self.next_schedule:
            self.next_schedule = now + self.schedule_poll_s
            if not self.link.backing_off(now):
                self._check_schedule()
        if now >= self.next_command:
            self.next_command = now + self.command_poll_s
            if not self.link.backing_off(now):
                self._poll_command()
        if now >= self.next_heartbeat:
            self.next_heartbeat = now + self.heartbeat_s
            self.link.send("status", lambda: self.client.heartbeat(self.status()))
        self.link.flush(self.client, now)

    def next_wakeup(self):
        """When the next tick has something to do, on the loop's clock."""
        return min(self.next_schedule, self.next_command, self.next_heartbeat)

    def status(self):
        distance = self.hw.hopper.read_mm()
        return FeederStatus(
            wifi_rssi=self.wifi_rssi,
            uptime=int(self.clock() - self.booted_at),
            daily_feeds=self.daily_feeds,
            hopper_mm=distance if distance is not None else 0,
            hopper_pct=feeder_hardware.fill_pct(distance) if distance is not None else 0,
            tof_ok=distance is not None,
            last_feed=self.last_feed,
            error_message=self.jam or ("" if distance is not None else "ToF read timeout"),
        )

    # ---- the panel ---------------------------------------------------------------------------

    def _panel(self):
        while self.hw.up_button.take_press() is not None:
            self.portion.adjust(1)
        while self.hw.down_button.take_press() is not None:
            self.portion.adjust(-1)
        held = self.hw.feed_button.take_press()
        if held is not None:
            if held >= UNPAIR_HOLD_S:
                self._unpair()
            elif self.refusal() is None:
                self.feed(self.portion.grams, SOURCE_MANUAL, "Manual button feed")
        line = self.hw.serial.readline()
        while line is not None:
            answer = feeder_panel.run_serial_line(line, self.motor, self.hw.hopper.read_mm)
            if answer is not None:
                self.hw.serial.write(answer)
            line = self.hw.serial.readline()

    def _show_led(self):
        state = feeder_panel.led_state(
            self.jam is not None, self.feeding, self.paired, self.link.online, self.hopper_pct
        )
        self.hw.led.show(state)

    def _unpair(self):
        self.link.send("unpair", self.client.unpair)
        self._forget_key()
        self.events.append(("unpaired",))

    def _forget_key(self):
        self.client.device_key = None
        self.paired = False

    # ---- commands ----------------------------------------------------------------------------

    def _poll_command(self):
        command = parse_command(self.link.poll("command", self.client.poll_command))
        if command is not None:
            self._run(command)

    def _run(self, command):
        if command.name in FEED_COMMANDS:
            refusal = self.refusal()
            if refusal:
                self._acknowledge(command, refusal)
                return
            result, logged = self.feed(command.grams, SOURCE_REMOTE, "Remote command feed")
            if not result.complete:
                self._acknowledge(command, "failed", result.jam)
            else:
                self._acknowledge(command, "ok" if logged else "failed")
        elif command.name == "stop_feeding":
            self.feeding = False
            self.events.append(("stopped",))
            self._acknowledge(command, "ok")
        elif command.name == "calibrate":
            grams = self.motor.measure(self.hw.hopper.read_mm)
            if grams is None:
                self._acknowledge(command, "failed", "calibration: nothing measured")
            else:
                self.events.append(("calibrated", grams))
                self._acknowledge(command, "ok")
        else:
            self._acknowledge(command, "failed", "unsupported command: " + command.name)

    def _acknowledge(self, command, result, error_message=None):
        self.events.append(("ack", command.command_id, result))
        self.link.send(
            "ack", lambda: self.client.acknowledge(command.command_id, result, error_message)
        )

    # ---- schedules ---------------------------------------------------------------------------

    def _check_schedule(self):
        response = self.link.poll("check_schedule", self.client.check_schedule)
        body = response.json() if response is not None and response.ok else None
        if not isinstance(body, dict) or body.get("should_feed") is not True:
            return
        schedule_id = _int(body.get("triggered_schedule_id")) or self._derived_schedule_id(body)
        if schedule_id == self.last_schedule_id or self.refusal():
            return
        grams = _float(body.get("portion_size"))
        result, logged = self.feed(grams, SOURCE_SCHEDULED, "Automated scheduled feeding")
        if logged or not result.complete:
            # A refused log runs the schedule again; a jam does not (it would jam again).
            self.last_schedule_id = schedule_id

    def _derived_schedule_id(self, body):
        """Without a triggered id, the unit makes one of the UTC day of year and the time."""
        clock = str(body.get("triggered_schedule_time") or "")
        hour = _int(clock[0:2]) if len(clock) >= 5 else 0
        minute = _int(clock[3:5]) if len(clock) >= 5 else 0
        day_of_year = time.gmtime(int(self.client.clock()))[7] - 1
        return day_of_year * 10000 + hour * 100 + minute

    # ---- feeding -----------------------------------------------------------------------------

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

    def feed(self, grams, source, notes):
        """Dispense by the motor's strategy and log it: (FeedResult, whether the log was
        delivered or kept for later)."""
        self.feeding = True
        self.hw.led.show(feeder_panel.FEEDING)
        result = self.motor.feed(grams)
        self.feeding = False
        dispensed = result.grams(grams)
        self.last_feed_done = self.clock()
        if result.done:
            self.daily_feeds += 1
            self.last_feed = self.client.clock()
            self.events.append(("fed", source, dispensed))
        if result.complete:
            self.jam = None
        else:
            self.jam = result.jam
            self.events.append(("jammed", source, result.jam))
            notes = result.jam
        return result, self._post_log(dispensed, source, notes)

    def _post_log(self, grams, source, notes):
        return self.link.post_log(self.client, (self.client.clock(), grams, source, notes))


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
    sleep = sleep or sleep_seconds
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
