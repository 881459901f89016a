import numpy as np
import pytest

from graphql_api.behaviour import training
from graphql_api.behaviour.activities import WINDOW_CLASSES, Activity
from graphql_api.behaviour.classifiers import (
    Corrections,
    PettyLevelClassifier,
    PettyReading,
    TrainedClassifier,
    VedbaCutPoints,
    adapt,
)
from graphql_api.behaviour.features import FEATURE_INDEX, FEATURE_NAMES


@pytest.fixture(scope="module")
def simulated():
    """16 training animals and 8 held-out ones (other seed, other individuals)."""
    train = training.simulated_dataset(16, seed=101, prefix="train")
    test = training.simulated_dataset(8, seed=202, prefix="test")
    return train, test


@pytest.fixture(scope="module")
def model(simulated):
    train, _ = simulated
    return training.train_model(train, "16 simulated animals")


class TestHeldOutSimulatedAnimals:
    def test_the_trained_model_clears_its_accuracy_floor(self, simulated, model):
        # given
        _, test = simulated
        # when
        report = training.EvaluationReport("gb", "held out", training.confusion(model, test), 8)
        # then
        assert report.accuracy >= 0.90
        assert all(recall >= 0.75 for recall in report.recall().values())

    def test_the_cut_point_baseline_clears_its_floor(self, simulated):
        # given
        train, test = simulated
        # when
        report = training.EvaluationReport(
            "cut", "held out", training.confusion(training.fit_cut_points(train), test), 8
        )
        # then
        recall = report.recall()
        assert report.accuracy >= 0.75
        assert recall[Activity.REST] >= 0.9 and recall[Activity.WALK] >= 0.7

    def test_training_is_deterministic(self, simulated):
        # given: a third of the training windows keeps this quick
        train, test = simulated
        part = train.subset(np.arange(len(train)) % 3 == 0)
        # when
        first = training.train_model(part, "a").classify(test.features)
        second = training.train_model(part, "b").classify(test.features)
        # then
        assert first.activities == second.activities


class TestCutPoints:
    def _row(self, vedba: float, share: float) -> np.ndarray:
        row = np.zeros(len(FEATURE_NAMES))
        row[FEATURE_INDEX["vedba_mean"]] = vedba
        row[FEATURE_INDEX["peak_power_share"]] = share
        return row

    def test_each_rule_decides_its_class(self):
        # given
        cut = VedbaCutPoints(rest_below=0.05, walk_below=0.3, run_peak_share=0.6)
        rows = np.array(
            [self._row(0.01, 0.1), self._row(0.2, 0.7), self._row(0.8, 0.8), self._row(0.8, 0.3)]
        )
        # when
        result = cut.classify(rows)
        # then
        assert result.activities == [Activity.REST, Activity.WALK, Activity.RUN, Activity.PLAY]
        assert ((0.5 <= result.confidence) & (result.confidence <= 1.0)).all()

    def test_a_window_on_a_cut_point_has_half_confidence(self):
        # given
        cut = VedbaCutPoints(rest_below=0.05, walk_below=0.3, run_peak_share=0.6)
        # when
        result = cut.classify(self._row(0.05, 0.1))
        # then
        assert result.confidence[0] == pytest.approx(0.5)

    def test_corrections_move_the_rest_cut_point_towards_the_pet(self):
        # given: a calm walker whose walks sit at VeDBA 0.06-0.08, under the 0.087 default
        cut = VedbaCutPoints()
        walks = [self._row(v, 0.7) for v in np.linspace(0.06, 0.08, 60)]
        rests = [self._row(v, 0.2) for v in np.linspace(0.01, 0.03, 60)]
        corrections = Corrections(
            np.array(walks + rests), [Activity.WALK] * 60 + [Activity.REST] * 60
        )
        # when
        adapted = adapt(cut, corrections)
        # then
        assert adapted.rest_below < 0.06
        assert cut.rest_below == 0.087
        assert adapted.classify(np.array(walks)).activities == [Activity.WALK] * 60

    def test_few_corrections_move_it_less(self):
        # given
        cut = VedbaCutPoints()
        rows = np.array([self._row(0.07, 0.7), self._row(0.02, 0.2)])
        # when
        adapted = adapt(cut, Corrections(rows, [Activity.WALK, Activity.REST]))
        # then
        assert 0.06 < adapted.rest_below < cut.rest_below


class TestTrainedAdaptation:
    def test_per_pet_biases_fix_a_systematic_confusion(self, simulated, model):
        # given: a model and a pet whose play it keeps calling run
        _, test = simulated
        play = test.features[test.labels == WINDOW_CLASSES.index(Activity.PLAY)][:80]
        run = test.features[test.labels == WINDOW_CLASSES.index(Activity.RUN)][:80]
        biased = TrainedClassifier(model.model, np.array([0.0, 0.0, 20.0, 0.0]), "biased")
        before = biased.classify(play).activities.count(Activity.PLAY)
        corrections = Corrections(
            np.concatenate([play, run]), [Activity.PLAY] * 80 + [Activity.RUN] * 80
        )
        # when
        adapted = adapt(biased, corrections)
        # then
        assert before < 40
        assert adapted.classify(play).activities.count(Activity.PLAY) >= 70
        assert adapted.classify(run).activities.count(Activity.RUN) >= 70
        assert adapted.class_bias[2] < 20.0
        assert biased.class_bias[2] == 20.0


class TestPetty:
    def test_levels_and_heart_rate_decide_the_activity(self):
        # given
        classifier = PettyLevelClassifier(resting_heart_rate=80.0)
        readings = [
            PettyReading(0, 82),
            PettyReading(1, 100),
            PettyReading(1, 140),
            PettyReading(2, 150),
            PettyReading(1, None),
        ]
        # when
        result = classifier.classify_readings(readings)
        # then
        assert result.activities == [
            Activity.REST,
            Activity.WALK,
            Activity.RUN,
            Activity.PLAY,
            Activity.WALK,
        ]
        assert result.confidence[4] == 0.5

    def test_corrections_move_the_heart_rate_ratio(self):
        # given: this dog trots at 1.3x its resting heart rate
        classifier = PettyLevelClassifier(resting_heart_rate=100.0)
        corrections = [(PettyReading(1, 130.0 + i), Activity.RUN) for i in range(40)] + [
            (PettyReading(1, 105.0 + i / 4), Activity.WALK) for i in range(40)
        ]
        # when
        adapted = adapt(classifier, corrections)
        # then
        assert adapted.run_heart_ratio < 1.3
        assert adapted.classify_readings([PettyReading(1, 131.0)]).activities == [Activity.RUN]
