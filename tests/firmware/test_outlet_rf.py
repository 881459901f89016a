"""The radio side of the Smart-Outlet hub: the PIC outlets' frames, overload trips, and the two
desyncs the seed documents (relays unknown after a hub reboot, the PIC's own threshold)."""

from firmware.outlet_rf import OVERLOAD_MARK, RadioLink, SimulatedOutlet
from tests.firmware.fakes import FakeClock
from tests.firmware.test_hub_unit import NO_COMMANDS, RELAY_ON_A, hub, posted_readings, shim

SET_THRESHOLD = {
    "success": True,
    "commands": [{"command": "set_threshold", "socket": "", "value": 1200}],
}


class TestOutletFrames:
    def test_each_frame_gets_its_reply(self):
        # given
        outlet = SimulatedOutlet("FE", load_a=900)
        # when
        replies = [
            outlet.receive(("RELAY", "a", True)),
            outlet.receive(("THRESHOLD", 1200)),
            outlet.receive(("THRESHOLD", 0)),
            outlet.receive(("READ",)),
            outlet.receive(("PING",)),
        ]
        # then
        assert replies == [
            ("ACK", "relay", "a", True),
            ("ACK", "threshold", 1200),
            None,
            ("DATA", 900, 0),
            ("PONG",),
        ]
        assert outlet.threshold_ma == 1200

    def test_a_short_circuit_reads_65535_and_opens_the_relay(self):
        # given
        outlet = SimulatedOutlet("FE", relay_a=True, load_a=500)
        outlet.short_circuit("a")
        # when
        first, second = outlet.receive(("READ",)), outlet.receive(("READ",))
        # then
        assert first == ("DATA", OVERLOAD_MARK, 0)
        assert second == ("DATA", 0, 0) and outlet.relay["a"] is False

    def test_a_lost_frame_or_an_outlet_out_of_range_gets_no_reply(self):
        # given
        near, far = SimulatedOutlet("FE"), SimulatedOutlet("03")
        radio = RadioLink({"FE": near, "03": far})
        radio.out_of_range.add("03")
        radio.lose(1)
        # when
        replies = [
            radio.send("FE", ("PING",)),
            radio.send("FE", ("PING",)),
            radio.send("03", ("PING",)),
        ]
        # then
        assert replies == [None, ("PONG",), None]
        assert (radio.sent, radio.lost, near.frames, far.frames) == (3, 2, 1, 0)


class TestHubOverTheRadio:
    def test_a_tripped_socket_is_reported_as_an_overload_with_its_relay_off(self):
        # given
        outlet = SimulatedOutlet("FE", relay_a=True, load_a=800)
        fake = shim()
        unit = hub(fake, FakeClock(), [outlet])
        outlet.short_circuit("a")
        # when
        unit.cycle()
        # then
        [reading] = posted_readings(fake)
        assert reading == {
            "device_id": "FE",
            "current_a": 65535,
            "current_b": 0,
            "relay_a": False,
            "relay_b": False,
            "is_overload": True,
        }

    def test_an_outlet_that_does_not_answer_gets_no_reading_posted(self):
        # given
        fake = shim()
        unit = hub(fake, FakeClock(), [SimulatedOutlet("FE", relay_a=True, load_a=800)])
        unit.radio.out_of_range.add("FE")
        # when
        unit.cycle()
        # then
        assert posted_readings(fake) == []
        assert ("silent", "FE") in unit.events

    def test_a_relay_command_lost_on_the_air_changes_nothing(self):
        # given
        outlet = SimulatedOutlet("FE", load_a=1250)
        clock = FakeClock()
        fake = shim(commands={"FE": [RELAY_ON_A, NO_COMMANDS]})
        unit = hub(fake, clock, [outlet])
        unit.radio.lose(1, "RELAY")
        # when
        unit.cycle()
        clock.sleep(2)
        unit.cycle()
        # then
        assert [reading["relay_a"] for reading in posted_readings(fake)] == [False, False]
        assert ("command", "FE", "relay_on", "a", 0, False) in unit.events
        assert outlet.relay["a"] is False


class TestRelayDesyncAfterReboot:
    def test_after_a_reboot_relays_read_off_until_the_outlet_acks_a_command(self):
        # given: socket A is on, the lamp draws current; the hub reboots
        outlet = SimulatedOutlet("FE", relay_a=True, load_a=1250)
        clock = FakeClock()
        fake = shim(commands={"FE": [NO_COMMANDS, NO_COMMANDS, RELAY_ON_A, NO_COMMANDS]})
        unit = hub(fake, clock, [outlet])
        unit.cycle()
        unit.reboot()
        # when
        for _ in range(3):
            clock.sleep(2)
            unit.cycle()
        # then: before the reboot on; after it off (unknown, -1) though current flows, until
        # the ACK of relay_on
        readings = posted_readings(fake)
        assert [(r["relay_a"], r["current_a"]) for r in readings] == [
            (True, 1250),
            (False, 1250),
            (False, 1250),
            (True, 1250),
        ]
        assert unit.relay_state("FE", "a") == 1 and unit.relay_state("FE", "b") == -1


class TestThresholdDesync:
    def test_the_outlet_keeps_the_threshold_until_it_loses_power(self):
        # given
        outlet = SimulatedOutlet("FE")
        fake = shim(commands={"FE": [SET_THRESHOLD, NO_COMMANDS]})
        unit = hub(fake, FakeClock(), [outlet])
        unit.cycle()
        assert outlet.threshold_ma == 1200
        # when
        outlet.power_cycle()
        # then: the server still holds 1200; the PIC holds nothing, and nothing tells anyone
        assert outlet.threshold_ma is None
        assert unit.events[-1] == ("command", "FE", "set_threshold", "", 1200, True)
