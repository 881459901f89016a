"""The MAX300 agent without a broker: its controller, its store and its day, on a clock the
test moves by hand."""

import datetime as dt
import json
import zoneinfo

import pytest

from firmware.battery_agent.agent import AgentConfig, BatteryAgent
from firmware.battery_agent.controller import ControllerRefused, SimulatedController
from firmware.battery_agent.store import AgentStore
from firmware.battery_agent.validation import problems

ZONE = zoneinfo.ZoneInfo("Asia/Manila")
DAY = dt.date(2026, 12, 6)


class ManualClock:
    def __init__(self, at: dt.datetime) -> None:
        self.at = at

    def now(self) -> dt.datetime:
        return self.at


class FakeMessage:
    def __init__(self, document: dict) -> None:
        self.payload = json.dumps(document).encode()


def schedule(message_id: str = "m-1", mode: str = "charge", rate: float = 2.0) -> dict:
    intervals = [
        {"start": f"{slot // 2:02d}:{30 * (slot % 2):02d}", "mode": mode, "rate_kw": rate}
        for slot in range(48)
    ]
    return {"message_id": message_id, "date": DAY.isoformat(), "intervals": intervals}


def build(tmp_path, clock, soc_kwh: float = 1.0) -> BatteryAgent:
    controller = SimulatedController(10.0, 5.0, 5.0, soc_kwh)
    store = AgentStore(str(tmp_path / "agent.db"))
    return BatteryAgent(
        AgentConfig(device_id=7, host="127.0.0.1", port=1), store, controller, clock
    )


def reports(agent: BatteryAgent) -> list[dict]:
    return [
        json.loads(payload)
        for _, topic, payload in agent.store.unsent()
        if topic == "devices/7/report"
    ]


class TestSimulatedController:
    def test_state_of_charge_follows_rate_and_time(self):
        # given
        controller = SimulatedController(10.0, 5.0, 5.0, 2.0)
        start = dt.datetime(2026, 12, 6, tzinfo=ZONE)

        # when charging at 4 kW for 30 minutes
        controller.apply("charge", 4.0, start)
        controller.advance(start + dt.timedelta(minutes=30))

        # then
        assert controller.state()["soc_kwh"] == 4.0

    def test_it_refuses_to_discharge_when_empty_and_to_charge_when_full(self):
        # given
        empty = SimulatedController(10.0, 5.0, 5.0, 0.0)
        full = SimulatedController(10.0, 5.0, 5.0, 10.0)
        now = dt.datetime(2026, 12, 6, tzinfo=ZONE)

        # when / then
        with pytest.raises(ControllerRefused, match="battery empty"):
            empty.apply("discharge", 1.0, now)
        with pytest.raises(ControllerRefused, match="battery full"):
            full.apply("charge", 1.0, now)


class TestValidation:
    def test_the_agent_checks_the_rating_itself(self):
        # given
        document = schedule(rate=6.0)

        # when
        found = problems(document, 5.0, 5.0)

        # then
        assert len(found) == 48
        assert found[0] == "slot 0: charge 6.0 kW over 5.0"


class TestDay:
    def test_a_repeated_schedule_is_stored_and_acked_once_harmlessly(self, tmp_path):
        # given
        agent = build(tmp_path, ManualClock(dt.datetime(2026, 12, 5, 23, 0, tzinfo=ZONE)))

        # when the same message arrives twice
        agent._handle("message", FakeMessage(schedule()))
        agent._handle("message", FakeMessage(schedule()))

        # then both are acked (the server ignores the repeat), stored once
        acks = [payload for _, topic, payload in agent.store.unsent() if topic.endswith("/ack")]
        assert [json.loads(ack) for ack in acks] == [{"message_id": "m-1"}] * 2
        assert agent.store.schedule_for(DAY.isoformat())["message_id"] == "m-1"

    def test_slots_run_at_their_half_hour_and_an_empty_battery_fails_them(self, tmp_path):
        # given a discharge-all-day schedule at 2 kW and 1 kWh in the battery
        clock = ManualClock(dt.datetime(2026, 12, 6, 0, 0, tzinfo=ZONE))
        agent = build(tmp_path, clock, soc_kwh=1.0)
        agent._handle("message", FakeMessage(schedule(mode="discharge", rate=2.0)))

        # when three half-hours pass
        for minutes in (0, 30, 60):
            clock.at = dt.datetime(2026, 12, 6, 0, 0, tzinfo=ZONE) + dt.timedelta(minutes=minutes)
            agent.tick()

        # then slot 0 ran (and emptied it), slots 1 and 2 failed with the reason
        sent = reports(agent)
        assert [(report["slot"], report["status"]) for report in sent] == [
            (0, "EXECUTED"),
            (1, "FAILED"),
            (2, "FAILED"),
        ]
        assert "battery empty" in sent[1]["detail"]

    def test_after_a_restart_it_resumes_the_current_slot_without_reporting_it_again(self, tmp_path):
        # given an agent that ran slots 0-20, then stopped at 10:10
        clock = ManualClock(dt.datetime(2026, 12, 6, 0, 0, tzinfo=ZONE))
        agent = build(tmp_path, clock)
        agent._handle("message", FakeMessage(schedule(mode="idle", rate=0)))
        for slot in range(21):
            clock.at = dt.datetime(2026, 12, 6, tzinfo=ZONE) + dt.timedelta(minutes=30 * slot)
            agent.tick()
        agent.store.close()

        # when it restarts at 10:20 (slot 20) and runs to 10:30 (slot 21)
        clock.at = dt.datetime(2026, 12, 6, 10, 20, tzinfo=ZONE)
        restarted = build(tmp_path, clock)
        restarted.tick()
        clock.at = dt.datetime(2026, 12, 6, 10, 30, tzinfo=ZONE)
        restarted.tick()

        # then every slot is reported once, in order
        assert [report["slot"] for report in reports(restarted)] == list(range(22))
