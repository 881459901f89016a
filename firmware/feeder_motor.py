"""The feeder's MotorController: portion strategies, anti-jam and calibration.

A portion is dispensed as whole compartments of the wheel (15 g each until calibrated), by the
strategy its size calls for (PETio's firmware):

- small (up to 30 g): continuous, one compartment after the other;
- medium (up to 90 g): chunks of 2 compartments, a short agitation between chunks so kibble
  bridging over the wheel falls in;
- large: every 3 compartments a reverse-clear cycle (the wheel backs off, then goes on) that
  frees kibble packed against the wheel;
- and after every feed, post-feed clearing (agitate, then back off), which shakes what hangs
  in the chute into the bowl and leaves no kibble wedged for the next feed.

Anti-jam: a step that stalls is recovered by backing off and retrying, up to
``RETRIES`` times. A compartment that still stalls ends the feed: a jam, reported with how
much came out. Calibration (``CAL`` on the serial console, or the ``calibrate`` command) sets
how many grams a compartment holds, kept in storage across reboots.
"""

from firmware.feeder_hardware import GRAMS_PER_COMPARTMENT, grams_between

SMALL_MAX_G = 30
MEDIUM_MAX_G = 90
CHUNK = 2
REVERSE_CLEAR_EVERY = 3
RETRIES = 2
CALIBRATION_STEPS = 4
MIN_CALIBRATION_G = 1.0
MAX_CALIBRATION_G = 50.0
CALIBRATION_KEY = "grams_per_compartment"

SMALL = "small"
MEDIUM = "medium"
LARGE = "large"


def strategy_for(grams):
    if grams <= SMALL_MAX_G:
        return SMALL
    if grams <= MEDIUM_MAX_G:
        return MEDIUM
    return LARGE


class FeedResult:
    """How a feed went: compartments planned and dispensed, stalls recovered, and the jam that
    ended it (None when it completed)."""

    def __init__(self, strategy, planned, grams_per_compartment):
        self.strategy = strategy
        self.planned = planned
        self.done = 0
        self.recovered = 0
        self.jam = None
        self.grams_per_compartment = grams_per_compartment

    @property
    def complete(self):
        return self.jam is None

    def grams(self, requested):
        """What came out: the portion when complete, else the share of it that did."""
        if self.complete:
            return requested
        return requested * self.done / self.planned


class MotorController:
    def __init__(self, servo, storage):
        self.servo = servo
        self.storage = storage
        stored = storage.load(CALIBRATION_KEY, GRAMS_PER_COMPARTMENT)
        self.grams_per_compartment = float(stored)

    def compartments(self, grams):
        return max(1, int(grams / self.grams_per_compartment + 0.5))

    def feed(self, grams):
        """Dispense ``grams`` by its strategy, then clear; a FeedResult."""
        strategy = strategy_for(grams)
        result = FeedResult(strategy, self.compartments(grams), self.grams_per_compartment)
        while result.done < result.planned:
            if strategy == MEDIUM and result.done and result.done % CHUNK == 0:
                self.servo.agitate()
            if strategy == LARGE and result.done and result.done % REVERSE_CLEAR_EVERY == 0:
                self.servo.back_off()
            if not self._compartment(result):
                break
            result.done += 1
        self._clear()
        return result

    def _compartment(self, result):
        """One compartment forward, recovering stalls; False (and ``result.jam``) if it can't."""
        if self.servo.step():
            return True
        for _ in range(RETRIES):
            self.servo.back_off()
            if self.servo.step():
                result.recovered += 1
                return True
        result.jam = (
            f"jam: wheel stalled at compartment {result.done + 1} of {result.planned} "
            f"after {RETRIES} retries"
        )
        return False

    def _clear(self):
        self.servo.agitate()
        self.servo.back_off()

    # ---- calibration -------------------------------------------------------------------------

    def set_calibration(self, grams):
        """Store a compartment's weight (weighed by the owner); False when implausible."""
        if not MIN_CALIBRATION_G <= grams <= MAX_CALIBRATION_G:
            return False
        self.grams_per_compartment = float(grams)
        self.storage.save(CALIBRATION_KEY, self.grams_per_compartment)
        return True

    def measure(self, read_mm):
        """Turn ``CALIBRATION_STEPS`` compartments and weigh them by the hopper's ToF drop.

        Returns the grams per compartment stored, or None (sensor silent, stalled, nothing
        measurable: the old calibration stays)."""
        before = read_mm()
        turned = 0
        for _ in range(CALIBRATION_STEPS):
            if not self.servo.step():
                break
            turned += 1
        after = read_mm()
        if before is None or after is None or turned == 0:
            return None
        grams = grams_between(before, after) / turned
        if not self.set_calibration(round(grams, 1)):
            return None
        return self.grams_per_compartment
