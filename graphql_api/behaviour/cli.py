"""``pawgraph behaviour ...``: train the activity model on real data, evaluate both classifiers,
evaluate anomaly detection. Wired into ``graphql_api/cli.py`` as the ``behaviour`` sub-app."""

from pathlib import Path
from typing import Annotated

import typer

from graphql_api.behaviour import training
from graphql_api.behaviour.dogmove import DogMoveFormatError, read_recordings
from graphql_api.behaviour.history_simulator import evaluate_detection, simulate_cohort

app = typer.Typer(
    help="Behaviour analytics: activity model and anomaly detection.", no_args_is_help=True
)

DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        help="DogMoveData.csv (Vehkaoja et al. 2022, CC BY 4.0)",
        exists=True,
        dir_okay=False,
        readable=True,
    ),
]
FoldsOption = Annotated[
    int | None,
    typer.Option(help="Groups of animals to hold out in turn; default: one per animal."),
]


def _print(reports) -> None:
    for report in reports:
        for line in report.lines():
            typer.echo(line)
        typer.echo("")


def _real_dataset(data: Path) -> training.WindowDataset:
    typer.echo(f"reading {data} (collar accelerometer ANeck_*, Behavior_1) ...")
    try:
        recordings = read_recordings(data)
    except DogMoveFormatError as error:
        typer.secho(f"error: {error}", fg=typer.colors.RED, err=True)
        raise typer.Exit(1) from error
    dataset = training.window_dataset(recordings)
    if len(dataset) == 0:
        typer.secho("error: no labelled 2 s window in the file", fg=typer.colors.RED, err=True)
        raise typer.Exit(1)
    return dataset


@app.command()
def train(
    data: DataOption = None,
    output: Annotated[Path, typer.Option(help="Where to write the trained model")] = Path(
        "behaviour-model.joblib"
    ),
    folds: FoldsOption = None,
) -> None:
    """Train the gradient-boosting model on DogMoveData.csv, print a leave-one-animal-out
    report for both classifiers, and write the model trained on every animal."""
    if data is None:
        typer.secho("error: --data FILE.csv is required", fg=typer.colors.RED, err=True)
        raise typer.Exit(2)
    dataset = _real_dataset(data)
    name = f"{data.name} ({len(set(dataset.animals))} dogs)"
    _print(training.leave_one_animal_out(dataset, f"{name}, leave-one-animal-out", folds))
    model = training.train_model(dataset, name)
    training.save_classifier(model, output)
    typer.echo(f"model trained on {len(dataset)} windows written to {output}")


@app.command()
def evaluate(data: DataOption = None, folds: FoldsOption = None) -> None:
    """Accuracy, per-class recall and confusion matrix of both classifiers, split by animal:
    leave-one-animal-out on --data, else a held-back set of simulated animals."""
    if data is None:
        _print(training.simulated_evaluation())
        return
    dataset = _real_dataset(data)
    name = f"{data.name} ({len(set(dataset.animals))} dogs), leave-one-animal-out"
    _print(training.leave_one_animal_out(dataset, name, folds))


@app.command("evaluate-anomalies")
def evaluate_anomalies(
    pets: Annotated[int, typer.Option(min=1, max=2000)] = 300,
    days: Annotated[int, typer.Option(min=45, max=365)] = 60,
    seed: int = 2026,
) -> None:
    """Recall and false alarms per 100 pet-days on simulated histories with injected changes."""
    report = evaluate_detection(simulate_cohort(pets, days, seed=seed))
    for line in report.lines():
        typer.echo(line)
