"""A gait simulator: labelled 3-axis collar acceleration of simulated animals.

No labelled pet IMU data set can be downloaded at run time, so the bundled model is trained on
this simulator (see README, "Behaviour analytics"). It is a physical sketch, not a data set:

- **Frame.** The world frame is heading-aligned (X forward, Y left, Z up). The sensor's x axis
  lies along the neck, pitched up by the head carriage; the collar can be rotated around the neck
  by any angle (collars slip), and that rotation drifts slowly within a session. An
  accelerometer reads specific force, so an animal standing still reads +1 g "up", wherever
  that is in the sensor frame.
- **Size.** Stride frequency scales with leg length, ~ mass^(-1/6) (dynamic similarity:
  f ∝ sqrt(g / leg length), leg length ∝ mass^(1/3)). A 20 kg dog walks at ~1.6 strides/s;
  trot is ~1.45x and gallop ~1.7x the walking stride frequency. Each animal varies ±10 %.
- **Gaits.** Walk: vertical head bob at twice the stride frequency (two forelimb footfalls),
  lateral sway at the stride frequency, 0.08-0.35 g. Trot: the same pattern, 0.3-0.9 g.
  Gallop: one big vertical cycle per stride, 0.9-1.6 g, with harmonics. The frequency wanders
  slowly (±6 %) and the head pitch bobs a few degrees with the stride.
- **Rest.** A posture per bout (lying, sitting, standing: different head pitch and collar
  roll), breathing at 0.2-0.5 Hz (a few mg) and an occasional small head movement.
- **Play.** Irregular events: pounces and jumps (1.5-3 g impulses), head shakes (4-6 Hz, 1-2 g),
  tugging (1-2 Hz pulls), short sprints, play bows (head down, still) and pauses, with the head
  orientation moving all the time. Its spectrum is broad, unlike the gaits'.
- **Sensor.** Gaussian noise (5-30 mg per animal), ±8 g saturation, 1/1024 g resolution.

Everything is deterministic for a given seed (numpy's PCG64 generator)."""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from graphql_api.behaviour.activities import WINDOW_CLASSES, Activity

DEFAULT_SAMPLE_RATE = 50.0
FULL_SCALE_G = 8.0
RESOLUTION_G = 1.0 / 1024.0
TROT_RATIO, GALLOP_RATIO = 1.45, 1.7


@dataclass(frozen=True, slots=True)
class SimulatedAnimal:
    """One simulated animal: its size, gait and how its collar sits."""

    animal_id: str
    species: str  # "DOG" or "CAT", the values of pets.models.Species
    weight_kg: float
    walk_stride_hz: float
    vigour: float  # scales every dynamic amplitude (0.6 calm ... 1.4 bouncy)
    head_pitch_deg: float  # neck above the horizontal while standing or moving
    collar_rotation_deg: float  # collar turned around the neck from ventral
    noise_g: float


@dataclass(frozen=True, slots=True)
class LabelledRecording:
    """Acceleration ``samples`` (n, 3) in g at ``sample_rate`` Hz, with one label per sample
    (None where the sample has no usable label, e.g. an unmapped behaviour in real data)."""

    animal_id: str
    sample_rate: float
    samples: np.ndarray
    labels: np.ndarray  # dtype object: Activity or None

    @property
    def seconds(self) -> float:
        return self.samples.shape[0] / self.sample_rate


def stride_frequency(weight_kg: float) -> float:
    """Walking stride frequency (Hz) of a typical animal of this mass."""
    return 1.6 * (max(weight_kg, 0.5) / 20.0) ** (-1.0 / 6.0)


def random_animal(
    rng: np.random.Generator, animal_id: str, species: str = "DOG"
) -> SimulatedAnimal:
    if species == "CAT":
        weight = float(rng.uniform(2.5, 7.0))
    else:
        weight = float(np.exp(rng.uniform(np.log(4.0), np.log(45.0))))
    return SimulatedAnimal(
        animal_id=animal_id,
        species=species,
        weight_kg=round(weight, 1),
        walk_stride_hz=stride_frequency(weight) * float(rng.uniform(0.9, 1.1)),
        vigour=float(rng.uniform(0.6, 1.4)),
        head_pitch_deg=float(rng.uniform(15.0, 50.0)),
        collar_rotation_deg=float(rng.uniform(-70.0, 70.0)),
        noise_g=float(rng.uniform(0.005, 0.03)),
    )


def random_animals(count: int, seed: int, prefix: str = "sim") -> list[SimulatedAnimal]:
    rng = np.random.default_rng(seed)
    species = ["CAT" if rng.random() < 0.2 else "DOG" for _ in range(count)]
    return [random_animal(rng, f"{prefix}-{index:03d}", kind) for index, kind in enumerate(species)]


def simulate_session(
    animal: SimulatedAnimal,
    plan: Sequence[tuple[Activity, float]],
    seed: int,
    sample_rate: float = DEFAULT_SAMPLE_RATE,
) -> LabelledRecording:
    """Bouts of ``(activity, seconds)`` back to back. SLEEP is simulated as lying rest and
    labelled REST: a window classifier cannot tell them apart, the timeline does."""
    rng = np.random.default_rng(seed)
    chunks, labels = [], []
    counts = [int(round(seconds * sample_rate)) for _, seconds in plan]
    drift = _collar_drift(rng, sum(counts), sample_rate)
    position = 0
    for (activity, _), count in zip(plan, counts, strict=True):
        if count <= 0:
            continue
        world, pitch, roll = _bout(animal, activity, count, sample_rate, rng)
        roll = roll + animal.collar_rotation_deg + drift[position : position + count]
        chunks.append(_to_sensor(world, pitch, roll))
        label = Activity.REST if activity is Activity.SLEEP else activity
        labels.append(np.full(count, label, dtype=object))
        position += count
    samples = np.concatenate(chunks) if chunks else np.empty((0, 3))
    samples = samples + rng.normal(0.0, animal.noise_g, samples.shape)
    samples = np.round(np.clip(samples, -FULL_SCALE_G, FULL_SCALE_G) / RESOLUTION_G) * RESOLUTION_G
    all_labels = np.concatenate(labels) if labels else np.empty(0, dtype=object)
    return LabelledRecording(animal.animal_id, sample_rate, samples, all_labels)


def balanced_plan(
    rng: np.random.Generator, bouts_per_class: int = 3, bout_seconds: float = 40.0
) -> list[tuple[Activity, float]]:
    """Every window class in shuffled bouts of ``bout_seconds`` ±25 %."""
    plan = [
        (activity, bout_seconds * float(rng.uniform(0.75, 1.25)))
        for activity in WINDOW_CLASSES
        for _ in range(bouts_per_class)
    ]
    order = rng.permutation(len(plan))
    return [plan[index] for index in order]


def simulate_animals(
    animals: Sequence[SimulatedAnimal],
    seed: int,
    bouts_per_class: int = 3,
    bout_seconds: float = 40.0,
    sample_rate: float = DEFAULT_SAMPLE_RATE,
) -> list[LabelledRecording]:
    """One balanced labelled session per animal, each from its own seeded stream."""
    recordings = []
    for index, animal in enumerate(animals):
        rng = np.random.default_rng([seed, index])
        plan = balanced_plan(rng, bouts_per_class, bout_seconds)
        recordings.append(
            simulate_session(animal, plan, seed=int(rng.integers(2**31)), sample_rate=sample_rate)
        )
    return recordings


def day_plan(rng: np.random.Generator) -> list[tuple[Activity, float]]:
    """A plausible dog's local day from midnight, 24 h of ``(activity, seconds)``: asleep until
    ~06:30 with a short wake-up, a morning walk with some trotting, rest with a play session,
    an evening walk, rest, asleep again from ~22:30. Sleep is labelled SLEEP here so a
    timeline's night/day split can be checked against it."""

    def minutes(low: float, high: float) -> float:
        return 60.0 * float(rng.uniform(low, high))

    plan = [
        (Activity.SLEEP, minutes(150, 210)),
        (Activity.WALK, minutes(1, 3)),
        (Activity.SLEEP, minutes(170, 220)),
        (Activity.WALK, minutes(20, 30)),
        (Activity.RUN, minutes(3, 8)),
        (Activity.WALK, minutes(10, 15)),
        (Activity.REST, minutes(240, 300)),
        (Activity.PLAY, minutes(10, 20)),
        (Activity.REST, minutes(200, 260)),
        (Activity.WALK, minutes(30, 45)),
        (Activity.REST, minutes(150, 200)),
    ]
    used = sum(seconds for _, seconds in plan)
    plan.append((Activity.SLEEP, max(0.0, 86400.0 - used)))
    return plan


# ---- bouts: world-frame specific force (without gravity) plus head pitch and roll --------------


def _bout(animal: SimulatedAnimal, activity: Activity, count: int, rate: float, rng):
    if activity in (Activity.REST, Activity.SLEEP):
        return _rest(animal, count, rate, rng, lying=activity is Activity.SLEEP)
    if activity is Activity.WALK:
        return _gait(animal, count, rate, rng, stride=1.0, amplitude=(0.08, 0.35), bob=2)
    if activity is Activity.RUN:
        if rng.random() < 0.65:
            return _gait(animal, count, rate, rng, TROT_RATIO, amplitude=(0.3, 0.9), bob=2)
        return _gait(animal, count, rate, rng, GALLOP_RATIO, amplitude=(0.9, 1.6), bob=1)
    return _play(animal, count, rate, rng)


def _rest(animal, count, rate, rng, lying: bool):
    t = np.arange(count) / rate
    posture = "lying" if lying else rng.choice(["lying", "sitting", "standing"])
    base_pitch = {
        "lying": rng.uniform(-25.0, 15.0),
        "sitting": animal.head_pitch_deg + rng.uniform(5.0, 25.0),
        "standing": animal.head_pitch_deg + rng.uniform(-10.0, 5.0),
    }[posture]
    base_roll = rng.uniform(-40.0, 40.0) if posture == "lying" else rng.uniform(-8.0, 8.0)
    breathing_hz = rng.uniform(0.2, 0.5)
    world = np.zeros((count, 3))
    world[:, 2] = rng.uniform(0.002, 0.008) * np.sin(2 * np.pi * breathing_hz * t)
    pitch = np.full(count, base_pitch)
    roll = np.full(count, base_roll)
    # Head movements: a few per minute awake, rare when lying.
    per_second = 0.02 if posture == "lying" else 0.1
    for start in np.flatnonzero(rng.random(count) < per_second / rate):
        length = int(rate * rng.uniform(0.3, 1.0))
        end = min(count, start + length)
        shape = np.sin(np.linspace(0.0, np.pi, end - start))
        world[start:end] += rng.normal(0.0, 0.06 * animal.vigour, 3) * shape[:, None]
        pitch[start:end] += rng.normal(0.0, 12.0) * shape
    return world, pitch, roll


def _gait(animal, count, rate, rng, stride: float, amplitude: tuple[float, float], bob: int):
    wander = 1.0 + 0.06 * _smooth_noise(rng, count, rate, seconds=4.0)
    frequency = animal.walk_stride_hz * stride * rng.uniform(0.92, 1.08) * wander
    phase = 2 * np.pi * np.cumsum(frequency) / rate + rng.uniform(0, 2 * np.pi)
    level = rng.uniform(*amplitude) * animal.vigour
    world = np.zeros((count, 3))
    asymmetry = rng.uniform(0.1, 0.35)
    world[:, 2] = level * (np.sin(bob * phase) + asymmetry * np.sin(phase + 1.0))
    world[:, 2] += 0.25 * level * np.sin(2 * bob * phase + 0.5)
    world[:, 1] = 0.45 * level * np.sin(phase + rng.uniform(0, np.pi))
    world[:, 0] = 0.35 * level * np.sin(bob * phase + rng.uniform(0, np.pi))
    pitch = animal.head_pitch_deg + rng.uniform(-8.0, 8.0) + 3.0 * np.sin(bob * phase)
    pitch = pitch + 6.0 * _smooth_noise(rng, count, rate, seconds=3.0)
    roll = 3.0 * np.sin(phase) + 4.0 * _smooth_noise(rng, count, rate, seconds=3.0)
    return world, pitch, roll


def _play(animal, count, rate, rng):
    world = np.zeros((count, 3))
    pitch = animal.head_pitch_deg + 25.0 * _smooth_noise(rng, count, rate, seconds=1.5)
    roll = 25.0 * _smooth_noise(rng, count, rate, seconds=1.2)
    position = 0
    while position < count:
        length = min(count - position, int(rate * rng.uniform(0.3, 2.0)))
        segment = slice(position, position + length)
        world[segment] += _play_event(animal, length, rate, rng, pitch[segment])
        position += length
    return world, pitch, roll


def _play_event(animal, length, rate, rng, pitch_segment):
    t = np.arange(length) / rate
    event = rng.choice(
        ["pounce", "shake", "tug", "sprint", "bow", "pause"], p=[0.2, 0.12, 0.18, 0.25, 0.1, 0.15]
    )
    out = np.zeros((length, 3))
    if event == "pounce":
        shape = np.exp(-((t - t.mean()) ** 2) / (2 * 0.08**2))
        out += rng.normal(0, 0.5, 3) * shape[:, None]
        out[:, 2] += rng.uniform(1.5, 3.0) * animal.vigour * shape
    elif event == "shake":
        hz = rng.uniform(4.0, 6.0)
        out[:, 1] = rng.uniform(1.0, 2.0) * animal.vigour * np.sin(2 * np.pi * hz * t)
    elif event == "tug":
        hz = rng.uniform(1.0, 2.0)
        out[:, 0] = rng.uniform(0.3, 0.6) * animal.vigour * np.sign(np.sin(2 * np.pi * hz * t))
    elif event == "sprint":
        hz = animal.walk_stride_hz * rng.uniform(1.3, 1.9)
        out[:, 2] = rng.uniform(0.5, 1.2) * animal.vigour * np.sin(2 * np.pi * hz * t)
    elif event == "bow":
        pitch_segment -= rng.uniform(30.0, 50.0)
    out += rng.normal(0.0, 0.12 * animal.vigour, out.shape)
    return out


def _smooth_noise(rng: np.random.Generator, count: int, rate: float, seconds: float) -> np.ndarray:
    """Unit-scale noise that varies over about ``seconds`` (knots linearly interpolated)."""
    knots = max(2, int(count / (rate * seconds)) + 2)
    values = rng.normal(0.0, 1.0, knots)
    return np.interp(np.linspace(0, knots - 1, count), np.arange(knots), values)


def _collar_drift(rng, count: int, rate: float) -> np.ndarray:
    return 15.0 * _smooth_noise(rng, count, rate, seconds=120.0)


def _to_sensor(world: np.ndarray, pitch_deg: np.ndarray, roll_deg: np.ndarray) -> np.ndarray:
    """World-frame dynamic force plus the +1 g gravity reaction, seen by the collar sensor."""
    theta, phi = np.radians(pitch_deg), np.radians(roll_deg)
    forward, left, up = world[:, 0], world[:, 1], world[:, 2] + 1.0
    along_neck = np.cos(theta) * forward + np.sin(theta) * up
    across_neck = -np.sin(theta) * forward + np.cos(theta) * up
    sensor_y = np.cos(phi) * left + np.sin(phi) * across_neck
    sensor_z = -np.sin(phi) * left + np.cos(phi) * across_neck
    return np.stack([along_neck, sensor_y, sensor_z], axis=1)
