"""The landscape lab's lessons (lossviz.lessons): optimizers on a loss surface (the learning rate,
momentum, Nesterov), and reading a training monitor (under- and overfitting, early stopping); each
answer measured by the functions the page calls."""

from __future__ import annotations

from dataclasses import replace

from lossviz.i18n.sentence import Sentence
from lossviz.labs.landscape import monitor, surface
from lossviz.labs.landscape.schema import MONITOR_TAB_KEY
from lossviz.lessons import Answer, Lesson, Step, one_data_set
from lossviz.state import format_number
from lossviz.tables import cell_text

YES, NO = "lesson.choice.yes", "lesson.choice.no"
VALLEY = {"view": "surface", "features": "unscaled", "outlier_fraction": "0", "left": "mse", "right": "mae",
          "epochs": "200", "start_slope": "-1", "start_intercept": "-3", "lr": "0.005"}
KINDS = tuple(f"landscape.kind.{kind}" for kind in monitor.DIAGNOSES)


def path_rows(settings, compute) -> dict[tuple[str, str], dict]:
    """The page's table of paths, by (loss, optimizer), as the page computes it."""
    data, runs = surface.lab_paths(settings, compute)
    return {(row["loss"], row["optimizer"]): row for row in surface.path_rows(runs, data)}


def closer_optimizer(settings, compute) -> Answer:
    rows = path_rows(settings, compute)
    gd, momentum = rows["mse", "gd"], rows["mse", "momentum"]
    closer = "momentum" if momentum["distance"] < gd["distance"] else "gd"
    return Answer(f"optimizer.{closer}", (Sentence("lesson.landscape.valley.answer", {
        "gd": cell_text(gd["distance"]), "momentum": cell_text(momentum["distance"]), "steps": settings.epochs}),
        one_data_set(settings.seed)),
        (cell_text(gd["distance"]), cell_text(momentum["distance"])))


def gd_diverges(settings, compute) -> Answer:
    gd = path_rows(settings, compute)["mse", "gd"]
    rate = f"{settings.lr:g}"
    if isinstance(gd["distance"], str):
        return Answer(YES, (Sentence("lesson.landscape.lr_high.diverged", {"at": gd["diverged"], "lr": rate}),),
                      (gd["diverged"],))
    return Answer(NO, (Sentence("lesson.landscape.lr_high.kept", {"distance": cell_text(gd["distance"]), "lr": rate}),),
                  (cell_text(gd["distance"]),))


def scaling_helps(settings, compute) -> Answer:
    now = path_rows(settings, compute)["mse", "gd"]
    before = path_rows(replace(settings, values={**settings.values, "features": "unscaled"}), compute)["mse", "gd"]
    helps = now["distance"] < before["distance"]
    return Answer(YES if helps else NO, (Sentence("lesson.landscape.scaled.answer", {
        "before": cell_text(before["distance"]), "now": cell_text(now["distance"])}),), (cell_text(now["distance"]),))


def nag_farthest(settings, compute) -> Answer:
    data = compute(surface.surface_set, settings.group("data"), entries=32)
    runs = compute(surface.nag_runs, *surface.nag_key(settings), entries=32)
    said = surface.nag_sentences(runs, data, lr=settings.lr, epochs=settings.epochs)
    return Answer(f"name.{said[0].values['farthest'].key}", (*said, one_data_set(settings.seed)),
                  (said[0].values["far"],))


def monitor_said(settings, compute) -> tuple:
    """The monitor's run, its diagnosis, where early stopping stops and what the page says of them."""
    data, run = monitor.monitored(settings, compute)
    found, stop = monitor.diagnose(run, data.noise), monitor.stopping(run, settings.patience)
    return run, found, stop, monitor.monitor_sentences(found, stop, settings.patience, run.epochs_run)


def diagnosis(settings, compute) -> Answer:
    _, found, _, said = monitor_said(settings, compute)
    figure = str(found.diverged_at) if found.diverged_at is not None else said[0].values["final_val"]
    return Answer(f"landscape.kind.{found.kind}", (*said, one_data_set(settings.seed)), (figure,))


def early_stop_keeps_earlier(settings, compute) -> Answer:
    run, _, (best, stop), said = monitor_said(settings, compute)
    earlier = stop is not None and stop < run.epochs_run
    return Answer(YES if earlier else NO, tuple(said), (str(best), str(stop)))


def valley(**changed: str) -> tuple[tuple[str, str], ...]:
    """The surface's stretched valley (the landscape's own preset), with `changed` settings."""
    return tuple({**VALLEY, **changed}.items())


def preset(kind: str) -> tuple[tuple[str, str], ...]:
    """The monitor's settings of the diagnosis table's button for `kind`, as URL values."""
    return (("view", "monitor"), *((key, format_number(value) if isinstance(value, (int, float)) else value)
                                   for key, value in monitor.preset_settings(kind).items()))


LESSONS = (
    Lesson("landscape", (
        Step("landscape", valley(), "valley", ("optimizer.gd", "optimizer.momentum"),
             "optimizer.momentum", "paths", closer_optimizer, tab="training"),
        Step("landscape", valley(lr="0.02"), "lr_high", (YES, NO), YES, "paths", gd_diverges, tab="training"),
        Step("landscape", valley(features="scaled"), "scaled", (YES, NO), YES, "paths",
             scaling_helps),
        Step("landscape", (("view", "surface"),), "nag", ("name.mse", "name.mae", "name.huber"), "name.mse", "nag",
             nag_farthest, runs=("nag_run",)),
    ), minutes=12),
    Lesson("monitor", (
        Step("landscape", preset("good_fit"), "good_fit", KINDS, "landscape.kind.good_fit", "diagnosis", diagnosis),
        Step("landscape", preset("underfitting"), "underfitting", KINDS, "landscape.kind.underfitting", "diagnosis",
             diagnosis, tab="model", tab_key=MONITOR_TAB_KEY),
        Step("landscape", preset("overfitting"), "overfitting", KINDS, "landscape.kind.overfitting", "diagnosis",
             diagnosis, tab="model", tab_key=MONITOR_TAB_KEY),
        Step("landscape", preset("overfitting"), "early_stop", (YES, NO), YES, "diagnosis", early_stop_keeps_earlier,
             tab="training", tab_key=MONITOR_TAB_KEY),
        Step("landscape", preset("training_problem"), "training_problem", KINDS, "landscape.kind.training_problem",
             "diagnosis", diagnosis, tab="training", tab_key=MONITOR_TAB_KEY),
    ), minutes=12),
)
