"""Activity classifiers behind one interface, and their per-pet adaptation.

- ``VedbaCutPoints``: the transparent baseline. Movement intensity (mean VeDBA of the window)
  against two cut points separates rest, walk and faster; above the walk cut point a periodic
  window (most power near the dominant gait frequency) is RUN and an irregular one is PLAY.
- ``TrainedClassifier``: a scikit-learn HistGradientBoostingClassifier over every feature of
  ``features.FEATURE_NAMES``. The bundled one is trained on the gait simulator
  (``training.bundled_classifier``).
- ``PettyLevelClassifier``: Petty collars send no raw acceleration, only ``activity_level``
  (0 rest, 1 active, 2 play) and a heart rate; "active" is WALK or RUN by heart rate relative
  to the pet's resting heart rate.

Owner corrections adapt a pet's classifier without retraining the model: ``adapt`` returns a
new classifier (nothing is mutated) with shifted cut points, or per-class biases on the trained
model's log-probabilities, fitted to the corrected windows and shrunk towards no change when
there are few corrections.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

from graphql_api.behaviour.activities import WINDOW_CLASSES, Activity
from graphql_api.behaviour.features import FEATURE_INDEX

__all__ = [
    "Activity",
    "ActivityClassifier",
    "Classification",
    "Corrections",
    "PettyLevelClassifier",
    "PettyReading",
    "TrainedClassifier",
    "VedbaCutPoints",
    "adapt",
    "as_window_class",
]

# Corrections weigh in fully once a pet has this many corrected windows (a 1-minute segment is
# 59 windows); fewer move the parameters proportionally less.
FULL_TRUST_WINDOWS = 60.0


@dataclass(frozen=True, slots=True)
class Classification:
    """One activity and a confidence in [0, 1] per window, in window order."""

    activities: list[Activity]
    confidence: np.ndarray

    def __len__(self) -> int:
        return len(self.activities)


@dataclass(frozen=True, slots=True)
class Corrections:
    """Windows an owner labelled: feature rows (``features.FEATURE_NAMES`` columns) and the
    activity the owner says each one was. SLEEP counts as REST for a window classifier."""

    features: np.ndarray
    activities: Sequence[Activity]

    def __post_init__(self) -> None:
        if len(self.features) != len(self.activities):
            raise ValueError("one activity per corrected window")


class ActivityClassifier(Protocol):
    """Classifies feature rows (one per 2 s window, ``features.FEATURE_NAMES`` columns)."""

    name: str

    def classify(self, features: np.ndarray) -> Classification: ...


def as_window_class(activity: Activity) -> Activity:
    return Activity.REST if activity is Activity.SLEEP else Activity(activity)


def _margin_confidence(value: np.ndarray, cut, scale: float) -> np.ndarray:
    """0.5 on the cut point, approaching 1 as ``value`` moves away from it (log scale)."""
    distance = np.abs(np.log(np.maximum(value, 1e-6) / np.maximum(cut, 1e-6)))
    return 0.5 + 0.5 * np.tanh(distance / scale)


@dataclass(frozen=True, slots=True)
class VedbaCutPoints:
    """REST below ``rest_below`` g of mean VeDBA, WALK below ``walk_below``; above it RUN when
    at least ``run_peak_share`` of the gait-band power lies at the dominant frequency, else
    PLAY. Defaults: fitted on the simulator's training animals (``training.fit_cut_points``)."""

    rest_below: float = 0.087
    walk_below: float = 0.317
    run_peak_share: float = 0.65
    name: str = "vedba-cut-points"

    def classify(self, features: np.ndarray) -> Classification:
        features = np.atleast_2d(features)
        vedba = features[:, FEATURE_INDEX["vedba_mean"]]
        share = features[:, FEATURE_INDEX["peak_power_share"]]
        labels = np.where(
            vedba < self.rest_below,
            0,
            np.where(vedba < self.walk_below, 1, np.where(share >= self.run_peak_share, 2, 3)),
        )
        nearest_cut = np.where(
            vedba < np.sqrt(self.rest_below * self.walk_below), self.rest_below, self.walk_below
        )
        confidence = _margin_confidence(vedba, nearest_cut, 0.35)
        fast = labels >= 2
        confidence[fast] = np.minimum(
            confidence[fast], _margin_confidence(share[fast], self.run_peak_share, 0.35)
        )
        activities = [WINDOW_CLASSES[index] for index in labels]
        return Classification(activities, confidence)


@dataclass(frozen=True)
class TrainedClassifier:
    """A fitted gradient-boosting model plus optional per-class log-probability biases (the
    per-pet calibration ``adapt`` fits). ``classes`` are ``WINDOW_CLASSES``."""

    model: HistGradientBoostingClassifier
    class_bias: np.ndarray = field(default_factory=lambda: np.zeros(len(WINDOW_CLASSES)))
    trained_on: str = ""
    name: str = "gradient-boosting"

    @classmethod
    def fit(
        cls,
        features: np.ndarray,
        activities: Sequence[Activity],
        trained_on: str,
        sample_weight: np.ndarray | None = None,
        seed: int = 0,
    ) -> "TrainedClassifier":
        targets = np.array([WINDOW_CLASSES.index(as_window_class(a)) for a in activities])
        model = HistGradientBoostingClassifier(
            max_iter=120,
            learning_rate=0.15,
            max_leaf_nodes=24,
            l2_regularization=1.0,
            early_stopping=False,
            random_state=seed,
        )
        model.fit(np.asarray(features), targets, sample_weight=sample_weight)
        return cls(model=model, trained_on=trained_on)

    def log_probabilities(self, features: np.ndarray) -> np.ndarray:
        probabilities = np.zeros((len(features), len(WINDOW_CLASSES)))
        probabilities[:, self.model.classes_] = self.model.predict_proba(np.atleast_2d(features))
        return np.log(np.clip(probabilities, 1e-9, 1.0))

    def classify(self, features: np.ndarray) -> Classification:
        features = np.atleast_2d(features)
        if len(features) == 0:
            return Classification([], np.empty(0))
        probabilities = _softmax(self.log_probabilities(features) + self.class_bias)
        best = probabilities.argmax(axis=1)
        return Classification([WINDOW_CLASSES[i] for i in best], probabilities.max(axis=1))


def _softmax(logits: np.ndarray) -> np.ndarray:
    shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


# ---- Petty: activity level + heart rate ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PettyReading:
    """What a Petty collar reports (WIRE.md section 3): no raw acceleration."""

    activity_level: int  # 0 rest, 1 active, 2 play
    heart_rate: float | None


@dataclass(frozen=True, slots=True)
class PettyLevelClassifier:
    """Level 0 is REST, 2 is PLAY; level 1 is RUN when the heart rate is at least
    ``run_heart_ratio`` times the pet's resting heart rate, else WALK. Without a heart rate
    (or a resting one) level 1 is WALK at confidence 0.5."""

    resting_heart_rate: float | None = None
    run_heart_ratio: float = 1.45
    name: str = "petty-level"

    def classify_readings(self, readings: Sequence[PettyReading]) -> Classification:
        activities: list[Activity] = []
        confidence = np.empty(len(readings))
        for index, reading in enumerate(readings):
            activity, sure = self._one(reading)
            activities.append(activity)
            confidence[index] = sure
        return Classification(activities, confidence)

    def _one(self, reading: PettyReading) -> tuple[Activity, float]:
        if reading.activity_level == 0:
            return Activity.REST, 0.9
        if reading.activity_level == 2:
            return Activity.PLAY, 0.8
        if reading.heart_rate is None or not self.resting_heart_rate:
            return Activity.WALK, 0.5
        ratio = reading.heart_rate / self.resting_heart_rate
        sure = float(_margin_confidence(np.array([ratio]), self.run_heart_ratio, 0.15)[0])
        return (Activity.RUN if ratio >= self.run_heart_ratio else Activity.WALK), sure


# ---- per-pet adaptation ----------------------------------------------------------------------


def adapt(
    classifier: "VedbaCutPoints | TrainedClassifier | PettyLevelClassifier",
    corrections: "Corrections | Sequence[tuple[PettyReading, Activity]]",
):
    """The classifier adapted to one pet's corrections (a new object; the input is unchanged).

    - cut points: each cut point moves to the value that misclassifies the fewest corrected
      windows on its two sides, by a share ``n / FULL_TRUST_WINDOWS`` (at most 1) of the way;
    - trained model: per-class biases on the log-probabilities, fitted by gradient descent on
      the corrected windows' log-likelihood with an L2 pull towards zero;
    - Petty: the heart-rate ratio separating WALK from RUN, like a cut point, from corrected
      level-1 readings (``corrections`` is then ``[(PettyReading, Activity), ...]``)."""
    if isinstance(classifier, VedbaCutPoints):
        return _adapt_cut_points(classifier, corrections)
    if isinstance(classifier, TrainedClassifier):
        return _adapt_trained(classifier, corrections)
    if isinstance(classifier, PettyLevelClassifier):
        return _adapt_petty(classifier, corrections)
    raise TypeError(f"cannot adapt {type(classifier).__name__}")


def _best_cut(values: np.ndarray, above: np.ndarray, prior: float) -> tuple[float, int]:
    """The cut minimising errors when ``above`` windows should lie at or above it."""
    if len(values) == 0 or above.all() or not above.any():
        return prior, 0
    candidates = np.unique(values)
    midpoints = np.concatenate([[prior], (candidates[:-1] + candidates[1:]) / 2])
    errors = [((values >= cut) != above).sum() for cut in midpoints]
    best = int(np.argmin(errors))
    return float(midpoints[best]), len(values)


def _shrink(prior: float, fitted: float, count: int) -> float:
    trust = min(1.0, count / FULL_TRUST_WINDOWS)
    # Cut points live on a log scale (VeDBA spans decades): move geometrically.
    return float(np.exp(np.log(prior) + trust * (np.log(fitted) - np.log(prior))))


def _adapt_cut_points(cut: VedbaCutPoints, corrections: Corrections) -> VedbaCutPoints:
    rows = np.atleast_2d(corrections.features)
    if len(rows) == 0:
        return cut
    truth = np.array([WINDOW_CLASSES.index(as_window_class(a)) for a in corrections.activities])
    vedba = rows[:, FEATURE_INDEX["vedba_mean"]]
    share = rows[:, FEATURE_INDEX["peak_power_share"]]
    rest, n_rest = _best_cut(vedba, truth != 0, cut.rest_below)
    moving = truth != 0
    walk, n_walk = _best_cut(vedba[moving], truth[moving] >= 2, cut.walk_below)
    fast = truth >= 2
    run_share, n_run = _best_cut(share[fast], truth[fast] == 2, cut.run_peak_share)
    return replace(
        cut,
        rest_below=_shrink(cut.rest_below, rest, n_rest),
        walk_below=_shrink(cut.walk_below, walk, n_walk),
        run_peak_share=_shrink(cut.run_peak_share, run_share, n_run),
    )


def _adapt_trained(classifier: TrainedClassifier, corrections: Corrections) -> TrainedClassifier:
    rows = np.atleast_2d(corrections.features)
    if len(rows) == 0:
        return classifier
    truth = np.array([WINDOW_CLASSES.index(as_window_class(a)) for a in corrections.activities])
    log_p = classifier.log_probabilities(rows)
    one_hot = np.eye(len(WINDOW_CLASSES))[truth]
    bias = classifier.class_bias.copy()
    # Strong pull to zero with few corrections, weak with many.
    l2 = FULL_TRUST_WINDOWS / (len(rows) + 1.0) * 0.05
    for _ in range(300):
        gradient = (_softmax(log_p + bias) - one_hot).mean(axis=0) + l2 * bias
        bias -= 0.5 * gradient
    return replace(classifier, class_bias=bias)


def _adapt_petty(classifier: PettyLevelClassifier, corrections) -> PettyLevelClassifier:
    if not classifier.resting_heart_rate:
        return classifier
    pairs = [
        (reading.heart_rate / classifier.resting_heart_rate, activity)
        for reading, activity in corrections
        if reading.activity_level == 1
        and reading.heart_rate is not None
        and activity in (Activity.WALK, Activity.RUN)
    ]
    ratios = np.array([ratio for ratio, _ in pairs])
    is_run = np.array([activity is Activity.RUN for _, activity in pairs], dtype=bool)
    fitted, count = _best_cut(ratios, is_run, classifier.run_heart_ratio)
    return replace(classifier, run_heart_ratio=_shrink(classifier.run_heart_ratio, fitted, count))
