"""Training and evaluation of the window classifiers, and the bundled model.

The bundled model is trained on the gait simulator (48 simulated animals, fixed seed), not on
real animals: no labelled pet IMU data can be downloaded at run time. It is trained at first use
(deterministic: same seeds, same scikit-learn version, same model) and kept in memory, and in
``cache_dir`` when one is given. A committed pickle would tie the repository to one
scikit-learn version (pickles do not load reliably across versions) and is code loaded from
disk; training takes a few seconds once per process (bench/behaviour.py prints the figure).

Evaluation is always split by animal: leave-one-animal-out on a real data set (``DogID``), or
a held-back set of simulated animals that the model never saw.
"""

import functools
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import joblib
import numpy as np
import sklearn
from numpy.lib.stride_tricks import sliding_window_view

from graphql_api.behaviour import features
from graphql_api.behaviour.activities import WINDOW_CLASSES, Activity
from graphql_api.behaviour.classifiers import ActivityClassifier, TrainedClassifier, VedbaCutPoints
from graphql_api.behaviour.gait_simulator import LabelledRecording, random_animals, simulate_animals

# Bump when the simulator, the features or the model's settings change: it names the cache.
MODEL_VERSION = "sim-1"
TRAINING_ANIMALS, TRAINING_SEED = 48, 20261204
HELD_OUT_ANIMALS, HELD_OUT_SEED = 16, 7
# A window is labelled when at least this share of its samples carry one label.
LABEL_PURITY = 0.75


@dataclass(frozen=True, slots=True)
class WindowDataset:
    features: np.ndarray
    labels: np.ndarray  # index into WINDOW_CLASSES
    animals: np.ndarray  # animal id per window

    def __len__(self) -> int:
        return int(self.labels.shape[0])

    @property
    def activities(self) -> list[Activity]:
        return [WINDOW_CLASSES[i] for i in self.labels]

    def subset(self, mask: np.ndarray) -> "WindowDataset":
        return WindowDataset(self.features[mask], self.labels[mask], self.animals[mask])


def window_dataset(recordings: Sequence[LabelledRecording]) -> WindowDataset:
    rows, labels, animals = [], [], []
    for recording in recordings:
        codes = np.array(
            [WINDOW_CLASSES.index(a) if a is not None else -1 for a in recording.labels]
        )
        length = features.window_length(recording.sample_rate)
        if codes.shape[0] < length:
            continue
        windows = sliding_window_view(codes, length)[:: features.window_hop(recording.sample_rate)]
        counts = np.stack([(windows == k).sum(axis=1) for k in range(len(WINDOW_CLASSES))], 1)
        keep = counts.max(axis=1) >= LABEL_PURITY * length
        if not keep.any():
            continue
        samples = features.window_view(recording.samples, recording.sample_rate)[keep]
        rows.append(features.window_features(samples, recording.sample_rate))
        labels.append(counts.argmax(axis=1)[keep])
        animals.append(np.full(int(keep.sum()), recording.animal_id, dtype=object))
    if not rows:
        return WindowDataset(
            np.empty((0, len(features.FEATURE_NAMES))), np.empty(0, int), np.empty(0, dtype=object)
        )
    return WindowDataset(np.concatenate(rows), np.concatenate(labels), np.concatenate(animals))


def simulated_dataset(animals: int, seed: int, prefix: str) -> WindowDataset:
    return window_dataset(simulate_animals(random_animals(animals, seed, prefix), seed=seed))


# ---- fitting -----------------------------------------------------------------------------------


def _best_threshold(values: np.ndarray, above: np.ndarray) -> float:
    """The cut maximising balanced accuracy between ``~above`` (below it) and ``above``."""
    candidates = np.unique(np.quantile(values, np.linspace(0.01, 0.99, 197)))
    best, best_score = float(np.median(values)), -1.0
    for cut in candidates:
        predicted = values >= cut
        score = (predicted[above].mean() + (~predicted[~above]).mean()) / 2.0
        if score > best_score:
            best, best_score = float(cut), score
    return best


def fit_cut_points(dataset: WindowDataset) -> VedbaCutPoints:
    """Cut points from labelled windows, each one separating the classes on its two sides."""
    vedba = dataset.features[:, features.FEATURE_INDEX["vedba_mean"]]
    share = dataset.features[:, features.FEATURE_INDEX["peak_power_share"]]
    labels = dataset.labels
    moving = labels != 0
    fast = labels >= 2
    return VedbaCutPoints(
        rest_below=_best_threshold(vedba, moving),
        walk_below=_best_threshold(vedba[moving], fast[moving]),
        run_peak_share=_best_threshold(share[fast], labels[fast] == 2),
    )


def train_model(dataset: WindowDataset, trained_on: str) -> TrainedClassifier:
    # Balanced classes: each class weighs the same whatever its share of windows.
    counts = np.bincount(dataset.labels, minlength=len(WINDOW_CLASSES)).astype(float)
    weights = (len(dataset) / (len(WINDOW_CLASSES) * np.maximum(counts, 1.0)))[dataset.labels]
    return TrainedClassifier.fit(dataset.features, dataset.activities, trained_on, weights)


# ---- the bundled model -------------------------------------------------------------------------


def _cache_name() -> str:
    digest = hashlib.sha256(
        f"{MODEL_VERSION}|{sklearn.__version__}|{np.__version__}|"
        f"{','.join(features.FEATURE_NAMES)}".encode()
    ).hexdigest()[:12]
    return f"behaviour-model-{MODEL_VERSION}-{digest}.joblib"


@functools.lru_cache(maxsize=1)
def _bundled_in_memory(cache_dir: Path | None) -> TrainedClassifier:
    if cache_dir is not None:
        cached = cache_dir / _cache_name()
        if cached.exists():
            return joblib.load(cached)
    dataset = simulated_dataset(TRAINING_ANIMALS, TRAINING_SEED, "train")
    model = train_model(
        dataset, f"gait simulator: {TRAINING_ANIMALS} animals, seed {TRAINING_SEED}"
    )
    if cache_dir is not None:
        cache_dir.mkdir(parents=True, exist_ok=True)
        partial = cache_dir / f"{_cache_name()}.partial"
        joblib.dump(model, partial)
        partial.replace(cache_dir / _cache_name())
    return model


def bundled_classifier(cache_dir: Path | None = None) -> TrainedClassifier:
    """The model trained on the simulator: trained once per process (and per cache folder)."""
    return _bundled_in_memory(cache_dir)


def forget_bundled_classifier() -> None:
    """Drop the in-memory copy (the next call trains again or reads the cache folder)."""
    _bundled_in_memory.cache_clear()


def save_classifier(classifier: TrainedClassifier, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(classifier, path)


def load_classifier(path: Path) -> TrainedClassifier:
    """A model written by ``pawgraph behaviour train`` (a joblib file this deployment made)."""
    loaded = joblib.load(path)
    if not isinstance(loaded, TrainedClassifier):
        raise ValueError(f"{path} does not hold a behaviour model")
    return loaded


# ---- evaluation --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EvaluationReport:
    classifier: str
    data: str
    confusion: np.ndarray  # rows: true class, columns: predicted, WINDOW_CLASSES order
    animals: int

    @property
    def windows(self) -> int:
        return int(self.confusion.sum())

    @property
    def accuracy(self) -> float:
        return float(np.trace(self.confusion) / max(1, self.confusion.sum()))

    def recall(self) -> dict[Activity, float | None]:
        totals = self.confusion.sum(axis=1)
        return {
            activity: (float(self.confusion[i, i] / totals[i]) if totals[i] else None)
            for i, activity in enumerate(WINDOW_CLASSES)
        }

    def lines(self) -> list[str]:
        recall = ", ".join(
            f"{a.value.lower()} {'-' if r is None else f'{r:.1%}'}"
            for a, r in self.recall().items()
        )
        head = "true \\ predicted " + "".join(f"{a.value:>8}" for a in WINDOW_CLASSES)
        rows = [
            f"{a.value:<17}" + "".join(f"{int(n):>8}" for n in self.confusion[i])
            for i, a in enumerate(WINDOW_CLASSES)
        ]
        return [
            f"{self.classifier} on {self.data}: {self.windows} windows, {self.animals} animals",
            f"  accuracy {self.accuracy:.1%}; recall: {recall}",
            "  " + head,
            *("  " + row for row in rows),
        ]


def confusion(classifier: ActivityClassifier, dataset: WindowDataset) -> np.ndarray:
    matrix = np.zeros((len(WINDOW_CLASSES), len(WINDOW_CLASSES)), dtype=int)
    if len(dataset) == 0:
        return matrix
    predicted = [WINDOW_CLASSES.index(a) for a in classifier.classify(dataset.features).activities]
    np.add.at(matrix, (dataset.labels, np.array(predicted)), 1)
    return matrix


def held_out_evaluation(
    train: WindowDataset, test: WindowDataset, data: str
) -> list[EvaluationReport]:
    """Both classifiers fitted on ``train``'s animals and scored on ``test``'s."""
    animals = len(set(test.animals))
    return [
        EvaluationReport("vedba-cut-points", data, confusion(fit_cut_points(train), test), animals),
        EvaluationReport(
            "gradient-boosting", data, confusion(train_model(train, data), test), animals
        ),
    ]


def leave_one_animal_out(
    dataset: WindowDataset, data: str, folds: int | None = None
) -> list[EvaluationReport]:
    """Each animal (or each of ``folds`` groups of animals) scored by classifiers fitted on
    all the others; the confusion matrices of the folds are summed."""
    animals = np.array(sorted(set(dataset.animals)))
    groups = np.array_split(animals, folds if folds else len(animals))
    totals = {"vedba-cut-points": 0, "gradient-boosting": 0}
    for group in groups:
        held = np.isin(dataset.animals, group)
        train, test = dataset.subset(~held), dataset.subset(held)
        if len(test) == 0 or len(train) == 0:
            continue
        for report in held_out_evaluation(train, test, data):
            totals[report.classifier] = totals[report.classifier] + report.confusion
    return [
        EvaluationReport(name, data, np.asarray(matrix), len(animals))
        for name, matrix in totals.items()
    ]


def simulated_evaluation() -> list[EvaluationReport]:
    """Both classifiers trained on the bundled model's simulated animals and scored on a
    held-back set of other simulated animals (other seed, other individuals)."""
    train = simulated_dataset(TRAINING_ANIMALS, TRAINING_SEED, "train")
    test = simulated_dataset(HELD_OUT_ANIMALS, HELD_OUT_SEED, "held-out")
    data = (
        f"{HELD_OUT_ANIMALS} held-back simulated animals (seed {HELD_OUT_SEED}); trained on "
        f"{TRAINING_ANIMALS} others (seed {TRAINING_SEED})"
    )
    return held_out_evaluation(train, test, data)
