"""The feeder's main loop on a fake clock and transport: what is due when, how a command is run
and answered, how a schedule fires once, and the back-off after failures."""

import json

from firmware.feeder_unit import FeederUnit, run_unit
from firmware.petio_feeder import FeederClient
from firmware.transport import TransportError
from tests.firmware.fakes import FakeClock, RoutedTransport, reply

DEVICE_ID = "ESP-0081CA63"
WALL = 1_700_000_000  # 2023-11-14T22:13:20Z, day 318 of the year
NO_PENDING = {"status": "ok", "message": "no pending", "success": True, "has_command": False}
NOTHING_DUE = {"should_feed": False, "portion_size": 0.0, "schedules": [], "count": 0}
ACK = "/api/device/command/ack/"


def pending(command="feed_now", command_id=42, grams=30.0) -> dict:
    return {
        "status": "ok",
        "success": True,
        "has_command": True,
        "command": command,
        "command_id": command_id,
        "portion_size": grams,
    }


def due(schedule_id=None, grams=40.0, time="08:00") -> dict:
    body = {"should_feed": True, "portion_size": grams, "schedules": [], "count": 0}
    if schedule_id is not None:
        body.update(triggered_schedule_id=schedule_id, triggered_schedule_time=time)
    return body


def transport(command=NO_PENDING, schedule=NOTHING_DUE, logs_status=201) -> RoutedTransport:
    return (
        RoutedTransport()
        .on("GET", "/api/device/config/", reply({"status": "ok", "poll_interval_sec": 10}))
        .on("GET", "/api/device/command/", *_replies(command))
        .on("GET", "/api/check-schedule/", *_replies(schedule))
        .on("POST", "/api/device/status/", reply({"status": "ok"}))
        .on("POST", "/api/device/logs/", reply({"created": 1}, status=logs_status))
        .on("POST", ACK, reply({"status": "ok"}))
    )


def _replies(bodies):
    return [reply(body) for body in (bodies if isinstance(bodies, list) else [bodies])]


def unit(fake: RoutedTransport, clock: FakeClock, **settings) -> FeederUnit:
    client = FeederClient(
        "http://feeder.test", DEVICE_ID, "k" * 48, transport=fake, clock=lambda: WALL
    )
    settings = {"boot_mute_s": 0, "cooldown_s": 30, **settings}
    return FeederUnit(client, clock=clock, **settings)


def paths(fake: RoutedTransport) -> list[str]:
    return [path.partition("?")[0] for _, path in fake.calls()]


def timed(fake: RoutedTransport, clock: FakeClock) -> list[float]:
    """The clock's reading at each request ``fake`` gets from now on."""
    marks = []
    answer = fake.request

    def request(*args, **kwargs):
        marks.append(clock.now)
        return answer(*args, **kwargs)

    fake.request = request
    return marks


def acks(fake: RoutedTransport) -> list[dict]:
    return [json.loads(sent.body) for sent in fake.sent if sent.url.endswith(ACK)]


class TestBoot:
    def test_the_config_sets_the_command_poll(self):
        # given
        fake = transport()
        fake.on("GET", "/api/device/config/", reply({"status": "ok", "poll_interval_sec": 3}))
        feeder = unit(fake, FakeClock())
        # when
        booted = feeder.boot()
        # then
        assert booted and feeder.command_poll_s == 3.0

    def test_a_403_erases_the_key_and_the_unit_stops_polling(self):
        # given
        fake = transport()
        fake.on("GET", "/api/device/config/", reply({"status": "error"}, status=403))
        clock = FakeClock()
        feeder = unit(fake, clock)
        feeder.client.device_key = "d" * 48
        # when
        booted = feeder.boot()
        run_unit(feeder, 120, clock=clock, sleep=clock.sleep, max_ticks=5)
        # then
        assert not booted and feeder.client.device_key is None and not feeder.paired
        assert paths(fake) == ["/api/device/config/"]


class TestCadence:
    def test_everything_is_due_at_boot_then_every_45_10_and_60_seconds(self):
        # given
        clock = FakeClock()
        fake = transport()
        feeder = unit(fake, clock)
        # when
        run_unit(feeder, 120, clock=clock, sleep=clock.sleep)
        # then
        sent = paths(fake)
        assert sent[:3] == ["/api/check-schedule/", "/api/device/command/", "/api/device/status/"]
        assert sent.count("/api/check-schedule/") == 3  # 0, 45, 90
        assert sent.count("/api/device/command/") == 12  # 0, 10, ... 110
        assert sent.count("/api/device/status/") == 2  # 0, 60
        assert feeder.traffic.sent() == 17 and feeder.traffic.accepted() == 17

    def test_the_heartbeat_reports_uptime_and_the_hopper(self):
        # given
        clock = FakeClock()
        fake = transport()
        feeder = unit(fake, clock, hopper_pct=50)
        # when
        run_unit(feeder, 61, clock=clock, sleep=clock.sleep)
        # then
        beats = [json.loads(s.body) for s in fake.sent if s.url.endswith("/status/")]
        assert [beat["uptime"] for beat in beats] == [0, 60]
        assert beats[0]["hopper_pct"] == 50 and beats[0]["hopper_mm"] == 100


class TestCommands:
    def test_a_feed_is_dispensed_logged_then_acknowledged_ok(self):
        # given
        fake = transport(command=[pending(), NO_PENDING])
        feeder = unit(fake, FakeClock())
        # when
        feeder.tick()
        # then
        assert paths(fake) == [
            "/api/check-schedule/",
            "/api/device/command/",
            "/api/device/logs/",
            ACK,
            "/api/device/status/",
        ]
        log = json.loads(fake.sent[2].body)
        assert (log["portion_dispensed"], log["source"]) == (30, "remote_command")
        assert acks(fake) == [{"command_id": 42, "device_id": DEVICE_ID, "result": "ok"}]
        assert feeder.events == [("fed", "remote_command", 30.0), ("ack", 42, "ok")]
        assert feeder.daily_feeds == 1 and feeder.last_feed == WALL and feeder.hopper_pct == 96

    def test_a_refused_log_makes_the_ack_failed(self):
        # given
        fake = transport(command=pending(), logs_status=400)
        feeder = unit(fake, FakeClock())
        # when
        feeder.tick()
        # then
        assert [ack["result"] for ack in acks(fake)] == ["failed"]

    def test_right_after_boot_the_unit_refuses_with_boot_mute(self):
        # given
        fake = transport(command=pending())
        feeder = unit(fake, FakeClock(), boot_mute_s=10)
        # when
        feeder.tick()
        # then
        assert [ack["result"] for ack in acks(fake)] == ["boot_mute"]
        assert "/api/device/logs/" not in paths(fake) and feeder.daily_feeds == 0

    def test_a_second_feed_within_the_cooldown_is_refused(self):
        # given
        clock = FakeClock()
        fake = transport(
            command=[pending(command_id=1), pending(command_id=2), pending(command_id=3)]
        )
        feeder = unit(fake, clock, cooldown_s=30)
        # when: polls at 0, 10 and 40 s
        feeder.tick()
        clock.sleep(10)
        feeder.tick()
        clock.sleep(30)
        feeder.tick()
        # then
        assert [(ack["command_id"], ack["result"]) for ack in acks(fake)] == [
            (1, "ok"),
            (2, "cooldown"),
            (3, "ok"),
        ]

    def test_stop_feeding_and_calibrate_are_acknowledged_ok(self):
        # given
        clock = FakeClock()
        fake = transport(command=[pending("stop_feeding", 5), pending("calibrate", 6)])
        feeder = unit(fake, clock)
        # when
        run_unit(feeder, 11, clock=clock, sleep=clock.sleep)
        # then
        assert [(ack["command_id"], ack["result"]) for ack in acks(fake)] == [(5, "ok"), (6, "ok")]
        stopped, ack_stop, (calibrated, grams), ack_calibrate = feeder.events
        assert (stopped, ack_stop, calibrated, ack_calibrate) == (
            ("stopped",),
            ("ack", 5, "ok"),
            "calibrated",
            ("ack", 6, "ok"),
        )
        assert abs(grams - 15.0) < 1  # measured by the hopper's ToF drop

    def test_an_unknown_command_is_refused_with_its_name(self):
        # given
        fake = transport(command=pending("dance", 9))
        # when
        unit(fake, FakeClock()).tick()
        # then
        [ack] = acks(fake)
        assert (ack["result"], ack["error_message"]) == ("failed", "unsupported command: dance")


class TestSchedules:
    def test_a_triggered_schedule_runs_once_per_triggered_id(self):
        # given: the server says 7 is due at 0 and 45 s, then 8 (the next local day's firing)
        clock = FakeClock()
        fake = transport(schedule=[due(7), due(7), due(8)])
        feeder = unit(fake, clock)
        # when
        run_unit(feeder, 91, clock=clock, sleep=clock.sleep)
        # then
        logs = [json.loads(s.body) for s in fake.sent if s.url.endswith("/logs/")]
        assert [(log["portion_dispensed"], log["source"]) for log in logs] == [
            (40, "scheduled"),
            (40, "scheduled"),
        ]
        assert feeder.last_schedule_id == 8

    def test_a_schedule_whose_log_was_refused_runs_again(self):
        # given
        clock = FakeClock()
        fake = transport(schedule=due(7), logs_status=400)
        feeder = unit(fake, clock)
        # when
        run_unit(feeder, 46, clock=clock, sleep=clock.sleep)
        # then
        assert [event[1] for event in feeder.events] == ["scheduled", "scheduled"]
        assert feeder.last_schedule_id == 0

    def test_a_schedule_whose_log_could_not_be_delivered_ran_and_its_log_is_kept(self):
        # given: the server answers 503 to logs
        clock = FakeClock()
        fake = transport(schedule=due(7), logs_status=503)
        feeder = unit(fake, clock)
        # when
        run_unit(feeder, 46, clock=clock, sleep=clock.sleep)
        # then: fed once (the feed happened), the log kept for later
        assert [event[1] for event in feeder.events] == ["scheduled"]
        assert feeder.last_schedule_id == 7
        assert [(grams, source) for _, grams, source, _ in feeder.link.offline_logs] == [
            (40.0, "scheduled")
        ]

    def test_without_a_triggered_id_the_unit_derives_one_from_the_day_and_time(self):
        # given
        fake = transport(schedule=due(grams=20.0))
        fake.on(
            "GET",
            "/api/check-schedule/",
            reply({**due(grams=20.0), "triggered_schedule_time": "08:05"}),
        )
        feeder = unit(fake, FakeClock())
        # when
        feeder.tick()
        # then: 2023-11-14 is day 318, 0-based 317
        assert feeder.last_schedule_id == 317 * 10000 + 805

    def test_nothing_due_dispenses_nothing(self):
        # given
        clock = FakeClock()
        fake = transport()
        feeder = unit(fake, clock)
        # when
        run_unit(feeder, 100, clock=clock, sleep=clock.sleep)
        # then
        assert feeder.events == [] and "/api/device/logs/" not in paths(fake)


class TestBackoff:
    def test_a_failure_is_retried_once_at_once(self):
        # given: the schedule check fails once, then works
        clock = FakeClock()
        fake = transport()
        fake.on("GET", "/api/check-schedule/", reply({}, status=500), reply(NOTHING_DUE))
        feeder = unit(fake, clock)
        # when
        feeder.tick()
        # then
        assert paths(fake)[:3] == [
            "/api/check-schedule/",
            "/api/check-schedule/",
            "/api/device/command/",
        ]
        assert feeder.link.backoff_until is None

    def test_polls_back_off_60_s_doubling_to_300_s_while_the_server_is_down(self):
        # given: every poll fails, heartbeats still get through
        clock = FakeClock()
        fake = transport()
        fake.on("GET", "/api/check-schedule/", reply({}, status=500))
        fake.on("GET", "/api/device/command/", reply({}, status=500))
        fake.on("GET", "/api/device/feed-command/", reply({}, status=500))
        feeder = unit(fake, clock)
        marks = timed(fake, clock)
        # when
        run_unit(feeder, 730, clock=clock, sleep=clock.sleep)
        # then
        polls = sorted(
            {at - 1000 for at, path in zip(marks, paths(fake), strict=True) if "status" not in path}
        )
        assert polls == [0, 60, 180, 420, 720]  # waits of 60, 120, 240, then 300 s
        assert paths(fake).count("/api/device/status/") == 13  # every 60 s: never backed off
        assert feeder.link.backoff_s == 300

    def test_a_unit_that_cannot_reach_the_server_shows_it_on_the_led(self):
        # given
        fake = RoutedTransport()
        feeder = unit(fake, FakeClock())
        fake.on("GET", "/api/check-schedule/", TransportError("refused"))
        fake.on("GET", "/api/device/command/", TransportError("refused"))
        fake.on("GET", "/api/device/feed-command/", TransportError("refused"))
        fake.on("POST", "/api/device/status/", TransportError("refused"))
        # when
        feeder.tick()
        # then
        assert feeder.hw.led.state == "wifi" and not feeder.link.online
