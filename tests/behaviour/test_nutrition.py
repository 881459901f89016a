import datetime as dt

import pytest

from graphql_api.behaviour.activities import Activity
from graphql_api.behaviour.nutrition import (
    FeederSlot,
    NutritionError,
    PetFacts,
    energy_plan,
    fit_to_feeder,
    food_plan,
    rer,
)


class TestEnergy:
    def test_a_10_kg_neutered_adult_dog(self):
        # given
        dog = PetFacts(species="DOG", weight_kg=10.0, age_years=4.0, neutered=True)
        # when
        plan = energy_plan(dog)
        # then: RER = 70 * 10^0.75 = 393.6; MER = 1.6 * RER
        assert plan.rer_kcal == pytest.approx(394, abs=0.5)
        assert plan.factor == 1.6
        assert plan.mer_kcal == pytest.approx(630, abs=0.5)

    def test_an_intact_adult_dog_uses_1_8(self):
        # given
        dog = PetFacts(species="DOG", weight_kg=10.0, age_years=4.0, neutered=False)
        # when
        plan = energy_plan(dog)
        # then
        assert plan.mer_kcal == pytest.approx(1.8 * rer(10.0), abs=0.1)

    def test_a_4_kg_neutered_cat(self):
        # given
        cat = PetFacts(species="CAT", weight_kg=4.0, age_years=5.0, neutered=True)
        # when
        plan = energy_plan(cat)
        # then: RER = 70 * 4^0.75 = 198.0; MER = 1.2 * RER = 237.6
        assert plan.rer_kcal == pytest.approx(198.0, abs=0.1)
        assert plan.mer_kcal == pytest.approx(237.6, abs=0.1)

    def test_a_3_month_old_5_kg_puppy_needs_three_times_rer(self):
        # given
        puppy = PetFacts(species="DOG", weight_kg=5.0, age_years=0.25, neutered=False)
        # when
        plan = energy_plan(puppy)
        # then: RER = 70 * 5^0.75 = 234.1
        assert plan.factor == 3.0
        assert plan.mer_kcal == pytest.approx(702.2, abs=0.2)
        assert "puppy" in plan.factor_reason

    def test_more_measured_walking_than_assumed_raises_mer(self):
        # given: a 20 kg dog (target 60 min) that walks 120 min a day
        dog = PetFacts(species="DOG", weight_kg=20.0, age_years=3.0, neutered=True)
        # when
        plain = energy_plan(dog)
        active = energy_plan(dog, {Activity.WALK: 120.0, Activity.RUN: 0.0})
        # then: 60 extra minutes at 1.3 m/s are 4.7 km more than assumed, under the 20 % cap
        assert 0 < active.activity_adjustment_kcal < 0.2 * plain.mer_kcal
        assert active.mer_kcal == pytest.approx(plain.mer_kcal + active.activity_adjustment_kcal)
        assert "km/day" in active.activity_reason

    def test_the_activity_adjustment_is_capped(self):
        # given
        dog = PetFacts(species="DOG", weight_kg=20.0, age_years=3.0, neutered=True)
        # when
        couch = energy_plan(dog, {Activity.WALK: 0.0})
        # then
        assert couch.activity_adjustment_kcal >= -0.2 * couch.base_mer_kcal - 0.1

    def test_a_rabbit_has_no_factors(self):
        # given
        rabbit = PetFacts(species="RABBIT", weight_kg=2.0, age_years=2.0, neutered=True)
        # when / then
        with pytest.raises(NutritionError, match="dogs and cats"):
            energy_plan(rabbit)


class TestFood:
    def test_grams_keep_ten_percent_for_treats_and_split_into_meals(self):
        # given: 630 kcal/day of a 3600 kcal/kg dry food
        # when
        plan = food_plan(630.0, 3600.0, meals=3)
        # then
        assert plan.treat_kcal == pytest.approx(63.0)
        assert plan.grams_per_day == pytest.approx(567.0 / 3.6, abs=0.1)
        assert sum(plan.grams_per_meal) == pytest.approx(plan.grams_per_day, abs=0.2)
        assert len(plan.grams_per_meal) == 3

    def test_treats_above_ten_percent_are_refused(self):
        # when / then
        with pytest.raises(NutritionError, match="10 %"):
            food_plan(630.0, 3600.0, treat_share=0.2)


class TestFeederFit:
    def test_the_existing_times_are_kept_and_portions_are_10_g_steps(self):
        # given
        existing = [FeederSlot(dt.time(7, 0), 40, slot_id=1), FeederSlot(dt.time(19, 0), 40, 2)]
        # when
        plan = fit_to_feeder(157.4, existing)
        # then
        assert [(c.slot_id, c.time, c.old_grams, c.new_grams) for c in plan.changes] == [
            (1, dt.time(7, 0), 40, 80),
            (2, dt.time(19, 0), 40, 80),
        ]
        assert (plan.old_grams_per_day, plan.new_grams_per_day) == (80, 160)

    def test_uneven_totals_put_the_extra_step_first(self):
        # given
        existing = [FeederSlot(dt.time(h, 0), 10, slot_id=h) for h in (7, 12, 18)]
        # when
        plan = fit_to_feeder(100.0, existing)
        # then
        assert [c.new_grams for c in plan.changes] == [40, 30, 30]

    def test_more_than_the_feeder_can_give_is_reported(self):
        # given
        existing = [FeederSlot(dt.time(8, 0), 100, slot_id=1)]
        # when
        plan = fit_to_feeder(400.0, existing)
        # then
        assert plan.changes[0].new_grams == 160
        assert plan.unmet_grams_per_day == 240
        assert any("add a schedule" in note for note in plan.notes)

    def test_disabled_schedules_are_left_alone(self):
        # given
        existing = [
            FeederSlot(dt.time(8, 0), 50, 1),
            FeederSlot(dt.time(9, 0), 50, 2, enabled=False),
        ]
        # when
        plan = fit_to_feeder(120.0, existing)
        # then
        assert [c.slot_id for c in plan.changes] == [1]

    def test_a_feeder_without_schedules_gets_default_meal_times(self):
        # when
        plan = fit_to_feeder(150.0, [], meals=2)
        # then
        assert [(c.slot_id, c.old_grams, c.time) for c in plan.changes] == [
            (None, None, dt.time(7, 30)),
            (None, None, dt.time(18, 0)),
        ]
        assert [c.new_grams for c in plan.changes] == [80, 70]
