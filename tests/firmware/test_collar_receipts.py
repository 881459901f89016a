"""The collar keeps each reading until pawgraph receipts it, and publishes it again when no
receipt came in ``receipt_timeout`` (WIRE: ``telemetry/receipt``)."""

import json

from firmware.collar_unit import BACKLOG, CollarUnit

BASE = "devices/7/"


class FakeBroker:
    """The umqtt-shaped client the collar talks through: accepts every publish, and delivers
    what the test hands it on the next ``check_msg``."""

    def __init__(self, *args) -> None:
        self.published: list[tuple[str, bytes]] = []
        self.subscriptions: list[str] = []
        self.pending: list[tuple[bytes, bytes]] = []
        self.callback = None

    def set_callback(self, callback) -> None:
        self.callback = callback

    def set_last_will(self, *args, **kwargs) -> None:
        pass

    def connect(self, clean_session=True) -> None:
        pass

    def subscribe(self, topic, qos=0) -> None:
        self.subscriptions.append(topic)

    def publish(self, topic, payload, retain=False, qos=0) -> None:
        self.published.append((topic, payload))

    def check_msg(self) -> None:
        while self.pending:
            self.callback(*self.pending.pop(0))

    def disconnect(self) -> None:
        pass

    def readings(self) -> list[int]:
        return [json.loads(p)["seq"] for t, p in self.published if t == BASE + "telemetry"]

    def receipt(self, seq) -> None:
        self.pending.append(((BASE + "telemetry/receipt").encode(), json.dumps({"seq": seq})))


class Harness:
    def __init__(self, receipt_timeout: float = 10.0) -> None:
        self.now = 0.0
        self.brokers: list[FakeBroker] = []

        def factory(*args):
            self.brokers.append(FakeBroker(*args))
            return self.brokers[-1]

        self.unit = CollarUnit(
            7,
            "device-7",
            "secret",
            client_factory=factory,
            telemetry_interval=1.0,
            clock=lambda: self.now,
            wall_clock=lambda: 1_764_867_600 + self.now,
            receipt_timeout=receipt_timeout,
        )

    @property
    def broker(self) -> FakeBroker:
        return self.brokers[-1]

    def run(self, seconds: float, step: float = 0.5) -> None:
        end = self.now + seconds
        while self.now < end:
            self.unit.run_once()
            self.now += step


def test_subscribes_to_its_receipts():
    harness = Harness()
    harness.run(0.5)
    assert BASE + "telemetry/receipt" in harness.broker.subscriptions


def test_a_receipted_reading_is_not_sent_again():
    harness = Harness()
    harness.run(3)  # readings 1, 2, 3
    for seq in harness.broker.readings():
        harness.broker.receipt(seq)
    harness.unit.measuring = False
    harness.run(30)
    assert harness.broker.readings() == [1, 2, 3]
    assert harness.unit.unreceipted == 0
    assert harness.unit.receipted_readings == 3


def test_a_reading_without_a_receipt_is_sent_again_until_receipted():
    harness = Harness(receipt_timeout=10)
    harness.run(2)  # readings 1 and 2
    harness.broker.receipt(2)  # reading 1's receipt never comes (the broker lost it)
    harness.unit.measuring = False
    harness.run(11)
    assert harness.broker.readings() == [1, 2, 1]
    harness.broker.receipt(1)
    harness.run(30)
    assert harness.broker.readings() == [1, 2, 1]
    assert (harness.unit.resent_readings, harness.unit.unreceipted) == (1, 0)


def test_a_garbled_receipt_is_ignored():
    harness = Harness()
    harness.run(1)
    harness.broker.pending.append(((BASE + "telemetry/receipt").encode(), b'{"seq": [1]}'))
    harness.broker.pending.append(((BASE + "telemetry/receipt").encode(), b"not json"))
    harness.run(1)
    assert harness.unit.unreceipted == harness.unit.readings_taken == 2


def test_what_it_holds_is_bounded():
    harness = Harness(receipt_timeout=1e9)
    harness.run(BACKLOG + 100, step=1.0)
    assert harness.unit.readings_taken >= BACKLOG + 100
    assert harness.unit.unreceipted == BACKLOG
