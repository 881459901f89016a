"""The feeder unit's own behaviour over its simulated hardware: portion strategies, anti-jam,
calibration, the panel (buttons, LED, serial CAL), offline logs and NTP."""

import json

import pytest

from firmware import feeder_hardware
from firmware.feeder_motor import LARGE, MEDIUM, SMALL, MotorController
from firmware.feeder_unit import FeederUnit, run_unit
from firmware.petio_feeder import FeederClient
from firmware.transport import TransportError
from tests.firmware.fakes import FakeClock, RoutedTransport, reply
from tests.firmware.test_feeder_unit import (
    DEVICE_ID,
    NOTHING_DUE,
    WALL,
    acks,
    due,
    paths,
    pending,
    transport,
)

LOGS = "/api/device/logs/"


def motor(**hardware) -> tuple[MotorController, feeder_hardware.FeederHardware]:
    parts = feeder_hardware.simulated(**hardware)
    return MotorController(parts.servo, parts.storage), parts


def unit(fake, clock, hardware=None, wall=WALL, **settings) -> FeederUnit:
    client = FeederClient(
        "http://feeder.test", DEVICE_ID, "k" * 48, transport=fake, clock=lambda: wall
    )
    settings = {"boot_mute_s": 0, "cooldown_s": 30, **settings}
    return FeederUnit(client, clock=clock, hardware=hardware, **settings)


def logs(fake: RoutedTransport) -> list[dict]:
    return [json.loads(sent.body) for sent in fake.sent if sent.url.endswith(LOGS)]


class TestPortionStrategies:
    @pytest.mark.parametrize(
        ("grams", "strategy", "moves"),
        [
            (30, SMALL, ["step", "step", "agitate", "back_off"]),
            (
                60,
                MEDIUM,
                ["step", "step", "agitate", "step", "step", "agitate", "back_off"],
            ),
            (
                120,
                LARGE,
                [*["step"] * 3, "back_off", *["step"] * 3, "back_off", *["step"] * 2]
                + ["agitate", "back_off"],
            ),
        ],
    )
    def test_each_size_has_its_strategy_and_every_feed_ends_with_clearing(
        self, grams, strategy, moves
    ):
        # given
        controller, parts = motor()
        # when
        result = controller.feed(grams)
        # then
        compartments = grams // 15
        assert (result.strategy, result.planned, result.done) == (
            strategy,
            compartments,
            compartments,
        )
        assert parts.servo.moves == moves
        assert parts.hopper.grams == feeder_hardware.HOPPER_CAPACITY_G - grams

    def test_portions_are_whole_compartments_of_the_calibrated_size(self):
        # given: compartments hold 12 g
        controller, parts = motor(grams_per_step=12.0)
        controller.set_calibration(12.0)
        # when
        result = controller.feed(60)
        # then
        assert result.done == 5
        assert parts.storage.load("grams_per_compartment") == 12.0


class TestAntiJam:
    def test_a_stall_is_recovered_by_backing_off_and_retrying(self):
        # given
        controller, parts = motor()
        parts.servo.jam(1)
        # when
        result = controller.feed(30)
        # then
        assert (result.complete, result.done, result.recovered) == (True, 2, 1)
        assert parts.servo.moves[:3] == ["stall", "back_off", "step"]

    def test_a_stall_that_persists_ends_the_feed_as_a_jam(self):
        # given: one compartment went out, then the wheel stays stuck
        controller, parts = motor()
        controller.feed(15)
        parts.servo.moves.clear()
        parts.servo.jam(10)
        # when
        result = controller.feed(30)
        # then
        assert (result.complete, result.done) == (False, 0)
        assert result.jam == "jam: wheel stalled at compartment 1 of 2 after 2 retries"
        assert parts.servo.moves == [
            "stall",
            "back_off",
            "stall",
            "back_off",
            "stall",
            "agitate",
            "back_off",
        ]

    def test_a_jammed_remote_feed_is_logged_and_acked_failed_with_the_jam(self):
        # given
        hardware = feeder_hardware.simulated()
        hardware.servo.jam(10)
        fake = transport(command=pending(grams=30.0))
        feeder = unit(fake, FakeClock(), hardware)
        # when
        feeder.tick()
        # then
        [log] = logs(fake)
        assert (log["portion_dispensed"], log["notes"]) == (0, feeder.jam)
        [ack] = acks(fake)
        assert (ack["result"], ack["error_message"]) == ("failed", feeder.jam)
        assert feeder.jam.startswith("jam: ")
        assert hardware.led.state == "error"
        assert feeder.status().error_message == feeder.jam

    def test_a_jammed_schedule_is_not_run_again(self):
        # given
        hardware = feeder_hardware.simulated()
        hardware.servo.jam(100)
        clock = FakeClock()
        fake = transport(schedule=due(7))
        feeder = unit(fake, clock, hardware)
        # when
        run_unit(feeder, 91, clock=clock, sleep=clock.sleep)
        # then
        assert [log["notes"].startswith("jam") for log in logs(fake)] == [True]
        assert feeder.last_schedule_id == 7

    def test_the_next_feed_that_goes_through_clears_the_error(self):
        # given
        hardware = feeder_hardware.simulated()
        hardware.servo.jam(3)
        clock = FakeClock()
        fake = transport(command=[pending(command_id=1), pending(command_id=2)])
        feeder = unit(fake, clock, hardware)
        feeder.tick()
        clock.sleep(30)
        # when
        feeder.tick()
        # then
        assert [ack["result"] for ack in acks(fake)] == ["failed", "ok"]
        assert feeder.jam is None and hardware.led.state == "ready"
        assert hardware.led.states == ["feeding", "error", "feeding", "ready"]


class TestPanel:
    def test_the_feed_button_feeds_the_set_portion_logged_as_manual(self):
        # given: the portion raised twice and lowered once: 30 -> 40 g
        hardware = feeder_hardware.simulated()
        fake = transport()
        feeder = unit(fake, FakeClock(), hardware)
        hardware.up_button.press()
        hardware.up_button.press()
        hardware.down_button.press()
        hardware.feed_button.press()
        # when
        feeder.tick()
        # then
        [log] = logs(fake)
        assert (log["portion_dispensed"], log["source"]) == (40, "manual")
        assert feeder.events == [("fed", "manual", 40.0)]
        assert hardware.storage.load("manual_portion_g") == 40

    def test_the_feed_button_does_nothing_during_the_cooldown_or_boot_mute(self):
        # given
        clock = FakeClock()
        hardware = feeder_hardware.simulated()
        fake = transport()
        feeder = unit(fake, clock, hardware, boot_mute_s=10)
        hardware.feed_button.press()
        feeder.tick()  # boot mute
        clock.sleep(10)
        hardware.feed_button.press()
        feeder.tick()  # fed
        clock.sleep(5)
        hardware.feed_button.press()
        # when
        feeder.tick()  # cooldown
        # then
        assert [event[0] for event in feeder.events] == ["fed"]

    def test_holding_the_feed_button_5_s_unpairs_the_unit(self):
        # given
        hardware = feeder_hardware.simulated()
        fake = transport().on("POST", "/api/device/unpair/", reply({"unpaired": True}))
        feeder = unit(fake, FakeClock(), hardware)
        feeder.client.device_key = "d" * 48
        hardware.feed_button.press(held_s=5.2)
        # when
        feeder.tick()
        # then
        assert paths(fake) == ["/api/device/unpair/"]
        assert (feeder.paired, feeder.client.device_key) == (False, None)
        assert hardware.led.state == "pairing"

    def test_low_food_shows_on_the_led(self):
        # given
        hardware = feeder_hardware.simulated(fill_pct=25)
        feeder = unit(transport(), FakeClock(), hardware)
        hardware.feed_button.press()  # 30 g of 750: 25 % -> 21 %
        hardware.feed_button.press(held_s=0.2)
        # when
        feeder.tick()
        # then
        assert hardware.led.states == ["feeding", "ready"]
        hardware.hopper.take(30)
        feeder.tick()
        assert hardware.led.state == "low_food"

    def test_serial_cal_sets_shows_and_measures_the_calibration(self):
        # given
        hardware = feeder_hardware.simulated(grams_per_step=13.0)
        feeder = unit(transport(), FakeClock(), hardware)
        for line in ("CAL 14.5", "CAL?", "CAL 400", "CAL abc", "CAL", "hello"):
            hardware.serial.type(line)
        # when
        feeder.tick()
        # then
        assert hardware.serial.output[:4] == [
            "CAL set 14.5 g per compartment",
            "CAL 14.5 g per compartment",
            "CAL error: out of range: 400",
            "CAL error: not a number: abc",
        ]
        measured = feeder.motor.grams_per_compartment
        assert hardware.serial.output[4] == f"CAL measured {measured:.1f} g per compartment"
        assert abs(measured - 13.0) < 1
        assert len(hardware.serial.output) == 5

    def test_the_calibrate_command_measures_a_compartment_and_keeps_it(self):
        # given: this unit's compartments hold 12 g, not 15
        hardware = feeder_hardware.simulated(grams_per_step=12.0)
        fake = transport(command=[pending("calibrate", 6), pending(command_id=7, grams=60.0)])
        clock = FakeClock()
        feeder = unit(fake, clock, hardware)
        # when
        run_unit(feeder, 11, clock=clock, sleep=clock.sleep)
        # then
        assert [ack["result"] for ack in acks(fake)] == ["ok", "ok"]
        assert abs(hardware.storage.load("grams_per_compartment") - 12.0) < 1
        assert hardware.servo.moves.count("step") == 4 + 5  # calibration, then 60 g in 12 g


class TestOffline:
    def test_logs_kept_while_offline_are_posted_as_a_batch_when_back(self):
        # given: the server is down for the first feeds
        clock = FakeClock()
        hardware = feeder_hardware.simulated()
        fake = transport()
        down = TransportError("connection refused")
        for method, path in (
            ("GET", "/api/check-schedule/"),
            ("GET", "/api/device/command/"),
            ("GET", "/api/device/feed-command/"),
            ("POST", "/api/device/status/"),
            ("POST", LOGS),
        ):
            fake.on(method, path, down)
        feeder = unit(fake, clock, hardware)
        hardware.feed_button.press()
        feeder.tick()
        clock.sleep(40)
        hardware.feed_button.press()
        feeder.tick()
        assert (feeder.link.online, len(feeder.link.offline_logs)) == (False, 2)
        # when: it is back
        fake.on("GET", "/api/check-schedule/", reply(NOTHING_DUE))
        fake.on("GET", "/api/device/command/", reply({"has_command": False}))
        fake.on("POST", "/api/device/status/", reply({"status": "ok"}))
        fake.on("POST", LOGS, reply({"created": 2}, status=201))
        run_unit(feeder, 300, clock=clock, sleep=clock.sleep)
        # then
        batches = [log for log in logs(fake) if "logs" in log]
        assert len(batches) == 1
        assert [(log["portion_dispensed"], log["source"]) for log in batches[0]["logs"]] == [
            (30, "manual"),
            (30, "manual"),
        ]
        assert feeder.link.offline_logs == [] and feeder.link.online


class TestNtp:
    def test_timestamps_say_1970_until_ntp_answers(self):
        # given: NTP does not answer at first
        clock = FakeClock()
        ntp = feeder_hardware.SimulatedNtp(lambda: WALL, reachable=False)
        hardware = feeder_hardware.simulated(ntp=ntp)
        fake = transport()
        feeder = unit(fake, clock, hardware, heartbeat_s=60)
        feeder.tick()
        ntp.reachable = True
        # when: the retry a minute later gets an answer
        run_unit(feeder, 61, clock=clock, sleep=clock.sleep)
        # then
        beats = [json.loads(s.body) for s in fake.sent if s.url.endswith("/status/")]
        assert [beat["timestamp"] for beat in beats] == [
            "1970-01-01T00:00:00Z",
            "2023-11-14T22:13:20Z",
        ]
        assert feeder.wall.synced and ntp.queries == 2
