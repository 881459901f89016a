import csv

import numpy as np
import pytest
from typer.testing import CliRunner

from graphql_api.behaviour import training
from graphql_api.behaviour.activities import Activity
from graphql_api.behaviour.cli import app
from graphql_api.behaviour.dogmove import DogMoveFormatError, read_recordings
from graphql_api.behaviour.gait_simulator import random_animals, simulate_session

HEADER = [
    "DogID",
    "TestNum",
    "t_sec",
    "ABack_x",
    "ABack_y",
    "ABack_z",
    "ANeck_x",
    "ANeck_y",
    "ANeck_z",
    "GBack_x",
    "GBack_y",
    "GBack_z",
    "GNeck_x",
    "GNeck_y",
    "GNeck_z",
    "Task",
    "Behavior_1",
    "Behavior_2",
    "Behavior_3",
    "PointEvent",
]
NAMES = {
    Activity.REST: "Lying chest",
    Activity.WALK: "Walking",
    Activity.RUN: "Trotting",
    Activity.PLAY: "Playing",
}
PLAN = [(Activity.REST, 20.0), (Activity.WALK, 20.0), (Activity.RUN, 20.0), (Activity.PLAY, 20.0)]


@pytest.fixture(scope="module")
def dogmove_csv(tmp_path_factory):
    """A DogMoveData.csv-shaped file: 4 simulated dogs at 100 Hz, the last 2 s of every test
    annotated as sniffing (a behaviour without a class)."""
    path = tmp_path_factory.mktemp("dogmove") / "DogMoveData.csv"
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for number, animal in enumerate(random_animals(4, seed=5), start=16):
            recording = simulate_session(animal, PLAN, seed=number, sample_rate=100.0)
            for index, (sample, label) in enumerate(
                zip(recording.samples, recording.labels, strict=True)
            ):
                behaviour = "Sniffing" if index >= len(recording.samples) - 200 else NAMES[label]
                writer.writerow(
                    [
                        number,
                        1,
                        f"{index / 100:.2f}",
                        0,
                        0,
                        0,
                        *sample,
                        0,
                        0,
                        0,
                        0,
                        0,
                        0,
                        "<undefined>",
                        behaviour,
                        "<undefined>",
                        "",
                        "",
                    ]
                )
    return path


class TestDogMoveReader:
    def test_one_recording_per_dog_and_test_with_mapped_labels(self, dogmove_csv):
        # when
        recordings = read_recordings(dogmove_csv)
        # then
        assert [r.animal_id for r in recordings] == ["dog-16", "dog-17", "dog-18", "dog-19"]
        first = recordings[0]
        assert first.sample_rate == 100.0
        assert first.samples.shape == (8000, 3)
        assert first.labels[0] is Activity.REST and first.labels[2500] is Activity.WALK
        assert first.labels[-1] is None  # sniffing has no class

    def test_a_file_without_the_collar_columns_is_refused(self, tmp_path):
        # given
        path = tmp_path / "other.csv"
        path.write_text("DogID,t_sec,ABack_x\n1,0.0,0.1\n")
        # when / then
        with pytest.raises(DogMoveFormatError, match="ANeck_x"):
            read_recordings(path)

    def test_unlabelled_windows_are_left_out_of_the_dataset(self, dogmove_csv):
        # when
        dataset = training.window_dataset(read_recordings(dogmove_csv))
        # then: 80 s at 1 s hops give 79 windows; the 2 s of sniffing and the mixed windows
        # around each change of behaviour drop out
        per_dog = len(dataset) / 4
        assert 60 <= per_dog < 79
        assert set(np.unique(dataset.labels)) == {0, 1, 2, 3}


class TestCommands:
    def test_evaluate_on_the_data_prints_both_leave_one_animal_out_reports(self, dogmove_csv):
        # when
        result = CliRunner().invoke(app, ["evaluate", "--data", str(dogmove_csv)])
        # then
        assert result.exit_code == 0, result.output
        assert "vedba-cut-points on DogMoveData.csv (4 dogs), leave-one-animal-out" in result.output
        assert (
            "gradient-boosting on DogMoveData.csv (4 dogs), leave-one-animal-out" in result.output
        )
        assert result.output.count("true \\ predicted") == 2
        assert "accuracy" in result.output and "recall: rest" in result.output

    def test_train_writes_a_model_that_loads_and_classifies(self, dogmove_csv, tmp_path):
        # given
        output = tmp_path / "model.joblib"
        # when
        result = CliRunner().invoke(
            app, ["train", "--data", str(dogmove_csv), "--output", str(output), "--folds", "2"]
        )
        # then
        assert result.exit_code == 0, result.output
        model = training.load_classifier(output)
        assert model.trained_on == "DogMoveData.csv (4 dogs)"
        dataset = training.window_dataset(read_recordings(dogmove_csv))
        assert len(model.classify(dataset.features[:5])) == 5

    def test_train_without_data_says_so(self):
        # when
        result = CliRunner().invoke(app, ["train"])
        # then
        assert result.exit_code == 2
        assert "--data FILE.csv is required" in result.output

    def test_evaluate_without_data_uses_held_back_simulated_animals(self):
        # when
        result = CliRunner().invoke(app, ["evaluate"])
        # then
        assert result.exit_code == 0, result.output
        assert "16 held-back simulated animals (seed 7); trained on 48 others" in result.output
        assert result.output.count("accuracy") == 2
