"""The feeder's hardware as its loop sees it, and a simulated implementation for the host.

The loop (``feeder_unit``) and the motor controller (``feeder_motor``) talk only to these small
interfaces, so the same code runs on the ESP8266 (behind ``machine.PWM``, GPIO and I2C drivers)
and here, over simulated parts:

- servo (MG996R, continuous rotation): ``step()`` turns the wheel forward one compartment and
  returns False when it stalled (the unit senses a stall as the index switch not reached in
  time); ``back_off()`` turns it back a quarter compartment (frees a wedged kibble, drops
  nothing); ``agitate()`` wiggles it a few degrees.
- buttons: ``take_press()`` -> None, or how long the last press was held (seconds).
- RGB LED: ``show(state)``, a state name from ``feeder_panel``.
- time-of-flight hopper sensor (VL53L0X): ``read_mm()`` -> distance to the food, or None when
  the sensor does not answer.
- serial console: ``readline()`` -> a line typed on the console, or None; ``write(text)``.
- storage: ``load(name, default)`` / ``save(name, value)``, the unit's settings in flash.
- NTP: ``query()`` -> epoch seconds, or None without an answer.
"""

GRAMS_PER_COMPARTMENT = 15.0
# ToF distance to the food: a full hopper reads 20 mm, an empty one 180 mm.
HOPPER_FULL_MM = 20
HOPPER_EMPTY_MM = 180
HOPPER_CAPACITY_G = 750.0


class SimulatedHopper:
    """The food in the hopper, and the ToF sensor looking down on it."""

    def __init__(self, fill_pct=100, capacity_g=HOPPER_CAPACITY_G):
        self.capacity_g = capacity_g
        self.grams = capacity_g * fill_pct / 100
        self.sensor_ok = True

    def take(self, grams):
        """Food leaving through the wheel; what actually left."""
        taken = min(self.grams, grams)
        self.grams -= taken
        return taken

    def refill(self, fill_pct=100):
        self.grams = self.capacity_g * fill_pct / 100

    def read_mm(self):
        if not self.sensor_ok:
            return None
        span = HOPPER_EMPTY_MM - HOPPER_FULL_MM
        empty_fraction = 1 - self.grams / self.capacity_g
        return int(HOPPER_FULL_MM + span * empty_fraction + 0.5)


def fill_pct(distance_mm):
    """The fill level a ToF distance means, 0-100."""
    span = HOPPER_EMPTY_MM - HOPPER_FULL_MM
    pct = (HOPPER_EMPTY_MM - distance_mm) * 100 // span
    return max(0, min(100, pct))


def grams_between(before_mm, after_mm, capacity_g=HOPPER_CAPACITY_G):
    """How much food left the hopper between two ToF readings."""
    span = HOPPER_EMPTY_MM - HOPPER_FULL_MM
    return (after_mm - before_mm) * capacity_g / span


class SimulatedServo:
    """The wheel's servo. Each step drops one compartment of kibble (``grams_per_step``: the
    real compartment, which calibration measures) from the hopper.

    ``jam(stalls)`` makes the next ``stalls`` steps stall (a kibble wedged in the wheel);
    backing off always turns. ``moves`` is what it did, in order: "step", "stall", "back_off",
    "agitate"."""

    def __init__(self, hopper=None, grams_per_step=GRAMS_PER_COMPARTMENT, clock=None, step_s=0.0):
        self.hopper = hopper
        self.grams_per_step = grams_per_step
        self.clock = clock
        self.step_s = step_s
        self.stalls_left = 0
        self.moves = []

    def jam(self, stalls):
        self.stalls_left = stalls

    def step(self):
        self._spend()
        if self.stalls_left > 0:
            self.stalls_left -= 1
            self.moves.append("stall")
            return False
        self.moves.append("step")
        if self.hopper is not None:
            self.hopper.take(self.grams_per_step)
        return True

    def back_off(self):
        self._spend()
        self.moves.append("back_off")

    def agitate(self):
        self._spend()
        self.moves.append("agitate")

    def _spend(self):
        if self.clock is not None and self.step_s:
            self.clock.sleep(self.step_s)


class SimulatedButton:
    """A push button; ``press(held_s)`` queues one press, the loop takes them one by one."""

    def __init__(self):
        self.presses = []

    def press(self, held_s=0.1):
        self.presses.append(held_s)

    def take_press(self):
        return self.presses.pop(0) if self.presses else None


class SimulatedLed:
    """The RGB LED; ``states`` is every state it showed, in order (repeats not recorded)."""

    def __init__(self):
        self.state = None
        self.states = []

    def show(self, state):
        if state != self.state:
            self.state = state
            self.states.append(state)


class SimulatedSerial:
    """The USB serial console: lines typed (``type``) and what the unit printed (``output``)."""

    def __init__(self):
        self.lines = []
        self.output = []

    def type(self, line):
        self.lines.append(line)

    def readline(self):
        return self.lines.pop(0) if self.lines else None

    def write(self, text):
        self.output.append(text)


class MemoryStorage:
    """Settings kept across reboots (a JSON file in flash on the unit)."""

    def __init__(self, values=None):
        self.values = dict(values or {})

    def load(self, name, default=None):
        return self.values.get(name, default)

    def save(self, name, value):
        self.values[name] = value


class SimulatedNtp:
    """An NTP server: ``epoch()`` while ``reachable``, else no answer."""

    def __init__(self, epoch, reachable=True):
        self.epoch = epoch
        self.reachable = reachable
        self.queries = 0

    def query(self):
        self.queries += 1
        return self.epoch() if self.reachable else None


class FeederHardware:
    """Every part of one unit, by the name the loop uses."""

    def __init__(
        self, servo, hopper, led, feed_button, up_button, down_button, serial, storage, ntp=None
    ):
        self.servo = servo
        self.hopper = hopper
        self.led = led
        self.feed_button = feed_button
        self.up_button = up_button
        self.down_button = down_button
        self.serial = serial
        self.storage = storage
        self.ntp = ntp


def simulated(fill_pct=100, grams_per_step=GRAMS_PER_COMPARTMENT, ntp=None, clock=None, step_s=0):
    """A unit's worth of simulated parts; ``clock`` (with ``sleep``) lets the servo take time."""
    hopper = SimulatedHopper(fill_pct)
    return FeederHardware(
        servo=SimulatedServo(hopper, grams_per_step, clock, step_s),
        hopper=hopper,
        led=SimulatedLed(),
        feed_button=SimulatedButton(),
        up_button=SimulatedButton(),
        down_button=SimulatedButton(),
        serial=SimulatedSerial(),
        storage=MemoryStorage(),
        ntp=ntp,
    )
