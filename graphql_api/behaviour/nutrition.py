"""Daily energy, grams of food, and a plan that fits a PETio feeder.

- Resting energy requirement: RER = 70 · kg^0.75 kcal/day.
- Maintenance: MER = factor · RER. Factors by species, life stage and neuter status are the
  standard life-stage multipliers tabulated in the WSAVA Global Nutrition Committee's
  guidelines and the 2021 AAHA Nutrition and Weight Management Guidelines for Dogs and Cats
  (both after NRC 2006, "Nutrient Requirements of Dogs and Cats"): adult dog neutered 1.6,
  intact 1.8; puppy under 4 months 3.0, 4 months to adult 2.0; senior dog 1.4; adult cat
  neutered 1.2, intact 1.4; kitten 2.5; senior cat 1.1. They are starting points: a pet's
  weight over the following weeks is the real check (``health`` scores the weight trend).
- Measured activity adjusts MER by the net energy cost of the distance moved beyond (or short
  of) the activity the factor already assumes (the species' daily target, at a walk). Net cost
  of transport, Taylor, Heglund & Maloiy 1982: 10.7 · kg^-0.316 J per kg per metre. Speeds:
  walk 1.3 m/s, run 3.0 m/s, play 2.0 m/s on average. The adjustment is capped at ±20 %.
- Food: kcal/day minus at most 10 % kept for treats, into grams from the food's kcal/kg, split
  into meals; on a PETio feeder every portion is 10-160 g in 10 g steps at the feeder's
  existing schedule times.
"""

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from graphql_api.behaviour.activities import Activity
from graphql_api.behaviour.health import activity_target_minutes

MIN_PORTION, MAX_PORTION, PORTION_STEP = 10, 160, 10
MAX_TREAT_SHARE = 0.10
MAX_ACTIVITY_ADJUSTMENT = 0.20
SPEED_M_PER_S = {Activity.WALK: 1.3, Activity.RUN: 3.0, Activity.PLAY: 2.0}
JOULES_PER_KCAL = 4184.0
DEFAULT_MEAL_TIMES = (dt.time(7, 30), dt.time(18, 0), dt.time(12, 30), dt.time(21, 0))


class NutritionError(ValueError):
    """Input the calculation cannot use (unknown species, no weight, no food energy)."""


@dataclass(frozen=True, slots=True)
class PetFacts:
    species: str  # "DOG" or "CAT" (pets.models.Species values)
    weight_kg: float
    age_years: float | None
    neutered: bool


@dataclass(frozen=True, slots=True)
class EnergyPlan:
    rer_kcal: float
    factor: float
    factor_reason: str
    base_mer_kcal: float
    activity_adjustment_kcal: float
    activity_reason: str
    mer_kcal: float


def rer(weight_kg: float) -> float:
    if weight_kg <= 0:
        raise NutritionError("A weight above 0 kg is needed.")
    return 70.0 * weight_kg**0.75


def life_stage_factor(pet: PetFacts) -> tuple[float, str]:
    age = pet.age_years
    if pet.species == "DOG":
        if age is not None and age < 4 / 12:
            return 3.0, "puppy under 4 months"
        if age is not None and age < 1.0:
            return 2.0, "puppy from 4 months to adult"
        if age is not None and age >= 8.0:
            return 1.4, "senior dog (8 years or more)"
        return (1.6, "neutered adult dog") if pet.neutered else (1.8, "intact adult dog")
    if pet.species == "CAT":
        if age is not None and age < 1.0:
            return 2.5, "kitten"
        if age is not None and age >= 11.0:
            return 1.1, "senior cat (11 years or more)"
        return (1.2, "neutered adult cat") if pet.neutered else (1.4, "intact adult cat")
    raise NutritionError(f"No energy factors for species {pet.species}; dogs and cats only.")


def net_cost_kcal_per_km(weight_kg: float) -> float:
    joules_per_kg_metre = 10.7 * weight_kg**-0.316
    return joules_per_kg_metre * weight_kg * 1000.0 / JOULES_PER_KCAL


def energy_plan(
    pet: PetFacts, measured_minutes: Mapping[Activity, float] | None = None
) -> EnergyPlan:
    """MER for ``pet``; ``measured_minutes`` are average minutes per day by activity (e.g. the
    last 14 days of the timeline); without them MER is not adjusted."""
    resting = rer(pet.weight_kg)
    factor, reason = life_stage_factor(pet)
    base = factor * resting
    adjustment, activity_reason = 0.0, "no measured activity: not adjusted"
    if measured_minutes:
        target = activity_target_minutes(pet.species, pet.age_years, pet.weight_kg)
        measured_km = sum(
            measured_minutes.get(activity, 0.0) * 60.0 * speed / 1000.0
            for activity, speed in SPEED_M_PER_S.items()
        )
        expected_km = target * 60.0 * SPEED_M_PER_S[Activity.WALK] / 1000.0
        raw = (measured_km - expected_km) * net_cost_kcal_per_km(pet.weight_kg)
        cap = MAX_ACTIVITY_ADJUSTMENT * base
        adjustment = max(-cap, min(cap, raw))
        activity_reason = (
            f"moves ~{measured_km:.1f} km/day against ~{expected_km:.1f} km assumed "
            f"({target:.0f} active min/day at a walk), "
            f"{net_cost_kcal_per_km(pet.weight_kg):.1f} kcal per km"
            + (" (capped at ±20 %)" if adjustment != raw else "")
        )
    return EnergyPlan(
        rer_kcal=round(resting, 1),
        factor=factor,
        factor_reason=reason,
        base_mer_kcal=round(base, 1),
        activity_adjustment_kcal=round(adjustment, 1),
        activity_reason=activity_reason,
        mer_kcal=round(base + adjustment, 1),
    )


@dataclass(frozen=True, slots=True)
class FoodPlan:
    kcal_per_day: float
    treat_kcal: float
    food_kcal: float
    kcal_per_kg_food: float
    grams_per_day: float
    grams_per_meal: list[float]


def food_plan(
    kcal_per_day: float, kcal_per_kg_food: float, meals: int = 2, treat_share: float = 0.10
) -> FoodPlan:
    if kcal_per_kg_food <= 0:
        raise NutritionError("The food's energy (kcal/kg) must be above 0.")
    if meals < 1:
        raise NutritionError("At least one meal a day.")
    if not 0.0 <= treat_share <= MAX_TREAT_SHARE:
        raise NutritionError("Treats may take 0 to 10 % of the daily energy.")
    treats = kcal_per_day * treat_share
    food = kcal_per_day - treats
    grams = food / kcal_per_kg_food * 1000.0
    return FoodPlan(
        kcal_per_day=round(kcal_per_day, 1),
        treat_kcal=round(treats, 1),
        food_kcal=round(food, 1),
        kcal_per_kg_food=kcal_per_kg_food,
        grams_per_day=round(grams, 1),
        grams_per_meal=[round(grams / meals, 1)] * meals,
    )


# ---- fitting a plan onto a PETio feeder ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FeederSlot:
    """A feeder schedule as it is: ``slot_id`` None for a slot the plan would create."""

    time: dt.time
    grams: int
    slot_id: int | None = None
    days_mask: int = 0b1111111
    enabled: bool = True


@dataclass(frozen=True, slots=True)
class SlotChange:
    slot_id: int | None
    time: dt.time
    old_grams: int | None  # None: a new slot
    new_grams: int


@dataclass(frozen=True, slots=True)
class FeederPlan:
    changes: list[SlotChange]
    target_grams_per_day: float
    old_grams_per_day: int
    new_grams_per_day: int
    unmet_grams_per_day: int
    notes: list[str] = field(default_factory=list)


def fit_to_feeder(
    grams_per_day: float, existing: Sequence[FeederSlot], meals: int = 2
) -> FeederPlan:
    """New portions at the feeder's enabled schedule times (new slots at default meal times
    when it has none), each 10-160 g in 10 g steps, summing as close to the target as fits."""
    enabled = sorted((s for s in existing if s.enabled), key=lambda s: s.time)
    notes: list[str] = []
    if enabled:
        slots = enabled
    else:
        slots = [FeederSlot(time, 0) for time in sorted(DEFAULT_MEAL_TIMES[: max(1, meals)])]
        notes.append("The feeder had no enabled schedule: new ones at default meal times.")
    if len({s.days_mask for s in slots}) > 1:
        notes.append("Schedules fire on different days; portions assume each fires daily.")
    portions = _split(grams_per_day, len(slots))
    total = sum(portions)
    unmet = max(0, int(round(grams_per_day)) - total)
    if unmet >= PORTION_STEP:
        notes.append(
            f"{unmet} g/day do not fit in {len(slots)} portions of at most {MAX_PORTION} g: "
            "add a schedule."
        )
    if total - grams_per_day >= PORTION_STEP:
        notes.append(
            f"Every portion is at least {MIN_PORTION} g: {total} g/day is more than "
            f"the {grams_per_day:.0f} g planned."
        )
    changes = [
        SlotChange(slot.slot_id, slot.time, slot.grams if slot.slot_id is not None else None, new)
        for slot, new in zip(slots, portions, strict=True)
    ]
    return FeederPlan(
        changes=changes,
        target_grams_per_day=round(grams_per_day, 1),
        old_grams_per_day=sum(s.grams for s in enabled),
        new_grams_per_day=total,
        unmet_grams_per_day=unmet if unmet >= PORTION_STEP else 0,
        notes=notes,
    )


def _split(grams_per_day: float, slots: int) -> list[int]:
    steps = int(round(grams_per_day / PORTION_STEP))
    steps = max(
        slots * MIN_PORTION // PORTION_STEP, min(steps, slots * MAX_PORTION // PORTION_STEP)
    )
    base, extra = divmod(steps, slots)
    return [(base + (1 if index < extra else 0)) * PORTION_STEP for index in range(slots)]
