"""The feeder's front panel: the RGB LED's states, the portion buttons and the serial console.

The LED shows one state, the most urgent that holds (PETio's LedController):
``error`` (a jam not yet cleared) > ``feeding`` > ``pairing`` (no key) > ``wifi`` (the server
unreachable) > ``low_food`` (hopper at 20 % or less) > ``ready``.

The portion buttons move the manual portion by 10 g within 10-160 g (the server's portion
rule), kept in storage. Serial ``CAL`` commands: ``CAL`` measures a compartment with the ToF
sensor, ``CAL <grams>`` stores a weighed one, ``CAL?`` prints the calibration.
"""

ERROR = "error"
FEEDING = "feeding"
PAIRING = "pairing"
WIFI = "wifi"
LOW_FOOD = "low_food"
READY = "ready"

LOW_FOOD_PCT = 20
PORTION_STEP_G = 10
MIN_PORTION_G = 10
MAX_PORTION_G = 160
DEFAULT_PORTION_G = 30
PORTION_KEY = "manual_portion_g"


def led_state(jammed, feeding, paired, online, hopper_pct):
    if jammed:
        return ERROR
    if feeding:
        return FEEDING
    if not paired:
        return PAIRING
    if not online:
        return WIFI
    if hopper_pct is not None and hopper_pct <= LOW_FOOD_PCT:
        return LOW_FOOD
    return READY


class PortionSetting:
    def __init__(self, storage):
        self.storage = storage
        self.grams = int(storage.load(PORTION_KEY, DEFAULT_PORTION_G))

    def adjust(self, steps):
        grams = self.grams + steps * PORTION_STEP_G
        self.grams = max(MIN_PORTION_G, min(MAX_PORTION_G, grams))
        self.storage.save(PORTION_KEY, self.grams)
        return self.grams


def run_serial_line(line, motor, read_mm):
    """One console line; what the unit prints back, or None for a line it ignores."""
    words = line.strip().split()
    if not words or words[0].upper() not in ("CAL", "CAL?"):
        return None
    if words[0].upper() == "CAL?":
        return f"CAL {motor.grams_per_compartment:.1f} g per compartment"
    if len(words) == 1:
        measured = motor.measure(read_mm)
        if measured is None:
            return "CAL failed: nothing measured"
        return f"CAL measured {measured:.1f} g per compartment"
    try:
        grams = float(words[1])
    except ValueError:
        return "CAL error: not a number: " + words[1]
    if not motor.set_calibration(grams):
        return "CAL error: out of range: " + words[1]
    return f"CAL set {motor.grams_per_compartment:.1f} g per compartment"
