"""Reader for ``DogMoveData.csv`` (Vehkaoja et al. 2022, "Description of movement sensor dataset
for dog behavior classification", Data in Brief 40:107822; Mendeley Data, CC BY 4.0).

45 dogs (17 of them twice, ``TestNum`` 1 and 2) wore ActiGraph GT9X sensors on the harness's
back and on the collar, 100 Hz, acceleration in g. Columns: ``DogID, TestNum, t_sec, ABack_x,
ABack_y, ABack_z, ANeck_x, ANeck_y, ANeck_z, GBack_x, GBack_y, GBack_z, GNeck_x, GNeck_y,
GNeck_z, Task, Behavior_1, Behavior_2, Behavior_3, PointEvent``. Only the collar accelerometer
(``ANeck_*``) and the first behaviour annotation (``Behavior_1``) are used: pawgraph's collars
have no harness sensor.

Behaviours map onto pawgraph's window classes; sniffing (the treat search), eating, drinking
and unannotated time (``<undefined>``, ``Extra_Synchronization``) have no class and are left
out of training and evaluation.
"""

import csv
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from graphql_api.behaviour.activities import Activity
from graphql_api.behaviour.gait_simulator import LabelledRecording

COLUMNS = ("DogID", "TestNum", "t_sec", "ANeck_x", "ANeck_y", "ANeck_z", "Behavior_1")
BEHAVIOURS: dict[str, Activity] = {
    "Lying chest": Activity.REST,
    "Sitting": Activity.REST,
    "Standing": Activity.REST,
    "Panting": Activity.REST,
    "Walking": Activity.WALK,
    "Pacing": Activity.WALK,
    "Trotting": Activity.RUN,
    "Galloping": Activity.RUN,
    "Playing": Activity.PLAY,
    "Tugging": Activity.PLAY,
    "Jumping": Activity.PLAY,
    "Bowing": Activity.PLAY,
    "Carrying object": Activity.PLAY,
    "Shaking": Activity.PLAY,
}


class DogMoveFormatError(ValueError):
    """The file does not have DogMoveData.csv's columns."""


def read_recordings(path: Path) -> list[LabelledRecording]:
    """One recording per dog and test, in file order; the animal id is ``dog-<DogID>``."""
    return list(_recordings(path))


def _recordings(path: Path) -> Iterator[LabelledRecording]:
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header is None:
            raise DogMoveFormatError(f"{path} is empty")
        missing = [name for name in COLUMNS if name not in header]
        if missing:
            raise DogMoveFormatError(f"{path} lacks the columns {', '.join(missing)}")
        index = [header.index(name) for name in COLUMNS]
        key, times, samples, labels = None, [], [], []
        for row in reader:
            dog, test, t_sec, x, y, z, behaviour = (row[i] for i in index)
            if (dog, test) != key:
                if key is not None:
                    yield _recording(key, times, samples, labels)
                key, times, samples, labels = (dog, test), [], [], []
            times.append(float(t_sec))
            samples.append((float(x), float(y), float(z)))
            labels.append(BEHAVIOURS.get(behaviour.strip()))
        if key is not None:
            yield _recording(key, times, samples, labels)


def _recording(key, times, samples, labels) -> LabelledRecording:
    steps = np.diff(np.asarray(times))
    steps = steps[steps > 0]
    rate = float(round(1.0 / np.median(steps))) if len(steps) else 100.0
    return LabelledRecording(
        animal_id=f"dog-{key[0]}",
        sample_rate=rate,
        samples=np.asarray(samples, dtype=np.float64),
        labels=np.asarray(labels, dtype=object),
    )
