"""The regression lab's experiments: a run that switches its loss at an epoch, and the sweep of
every loss's error against the outlier fraction over several data sets."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from lossviz import losses
from lossviz.datasets import RegressionData, nth_seed, regression_data, regression_set
from lossviz.losses import ParamSpec
from lossviz.losses.regression import RegressionLoss
from lossviz.models import line_fit, parameter_error, train_linear
from lossviz.training import EPOCHS, SWEEP_SEEDS, History, SeedTable, sweep_training

SWEEP_FRACTIONS = tuple(np.round(np.linspace(0.0, 0.5, 11), 2))


SWITCH_SPEC = ParamSpec(default=50, min=10, max=1990, step=10, integer=True,
                        help="The epoch at which the run changes its loss.")
SWITCH_EPOCHS = 20  # a switched run's fewest epochs: at least ten before the switch and ten after


def latest_switch(epochs: int) -> int:
    """The latest epoch a run of `epochs` may switch its loss at: ten epochs at least after it."""
    return epochs - SWITCH_SPEC.min


def switch_epoch(switch_at: int, epochs: int) -> int:
    """The epoch a run of `epochs` switches at when asked for `switch_at` (at most latest_switch)."""
    return min(SWITCH_SPEC.validate("switch_at", switch_at), latest_switch(epochs))


def switched_fit(first: RegressionLoss, then: RegressionLoss, data: RegressionData, *, switch_at: int,
                 optimizer: str = "gd", lr: float = 0.05, momentum: float = 0.9, epochs: int = 300) -> History:
    """A line fitted with `first` for `switch_at` epochs, then with `then` from where it stood for the
    rest of `epochs` (its optimizer starts afresh, as after a change of loss in code), as one History
    named after `then`: each epoch's value is the loss it minimised then, so the curve jumps at the switch.
    The switch comes at least ten epochs before the end (SWITCH_SPEC)."""
    epochs = EPOCHS.validate("epochs", epochs)
    if epochs < SWITCH_EPOCHS:
        raise ValueError(f"a switch of loss needs at least {SWITCH_EPOCHS} epochs (ten on each side); got {epochs:g}")
    switch_at = switch_epoch(switch_at, epochs)
    steps = {"optimizer": optimizer, "lr": lr, "momentum": momentum}
    head = train_linear(first, data, epochs=switch_at, **steps)
    if head.diverged_at is not None:
        return replace(head, loss=then.name)
    tail = train_linear(then, data, epochs=epochs - switch_at, start=head.params[-1], **steps)
    return History(then.name, np.concatenate([head.values[:-1], tail.values]),
                   np.concatenate([head.params[:-1], tail.params]),
                   diverged_at=None if tail.diverged_at is None else switch_at + tail.diverged_at)


def switch_trio(first: RegressionLoss, then: RegressionLoss, data: RegressionData, *, switch_at: int,
                **training) -> tuple[History, History, History]:
    """The switch experiment on one data set: switched_fit, `then` alone and `first` alone, all for
    the same epochs from the same start."""
    return (switched_fit(first, then, data, switch_at=switch_at, **training), train_linear(then, data, **training),
            train_linear(first, data, **training))


def switch_relative(switched: History, first_start: float, then_start: float, switch_at: int) -> History:
    """`switched` (switched_fit) with each epoch's value divided by the start value of the loss it
    measures then (`first_start` before the switch, `then_start` after, each loss at the run's
    start): before the switch its curve compares with the first loss alone, after it with the second."""
    scale = np.where(np.arange(switched.values.size) < switch_at, first_start or 1.0, then_start or 1.0)
    return replace(switched, values=switched.values / scale)


@dataclass(frozen=True)
class Sweep:
    """Parameter errors of each loss against the outlier fraction, over SWEEP_SEEDS data sets.

    `error[measure][loss]` is a SeedTable for each measure of parameter_error ("slope",
    "intercept", "total"); a diverged run is NaN there and counted in `diverged[loss]`.
    """

    fractions: tuple[float, ...]
    seeds: int
    error: dict[str, dict[str, SeedTable]]
    diverged: dict[str, np.ndarray]


ERROR_MEASURES = ("total", "slope", "intercept")
OUTLIER_SWEEP_VARIES = ("outlier_fraction",)  # data settings the sweep sets itself


def outlier_sweep(chosen: list[RegressionLoss], data_settings: dict, training: dict,
                  fractions=SWEEP_FRACTIONS, seeds: int = SWEEP_SEEDS, on_progress=None) -> Sweep:
    """Train every loss on data with each outlier fraction and seed (the other data settings fixed).

    `on_progress(done, total, fraction, seed)` is called before each data set's runs."""
    table = np.full((len(ERROR_MEASURES), len(chosen), len(fractions), seeds), np.nan)
    first_seed, training = data_settings.get("seed", 0), sweep_training(training)
    for row, fraction in enumerate(fractions):
        for seed in range(seeds):
            if on_progress is not None:
                on_progress(row * seeds + seed, len(fractions) * seeds, fraction, seed)
            data = regression_data(**{**data_settings, "outlier_fraction": fraction,
                                      "seed": nth_seed(first_seed, seed)})
            for column, loss in enumerate(chosen):
                history = train_linear(loss, data, **training)
                if history.diverged_at is None:
                    error = parameter_error(history, data)
                    table[:, column, row, seed] = [error[measure] for measure in ERROR_MEASURES]
    return Sweep(tuple(float(f) for f in fractions), seeds,
                 {measure: {loss.name: SeedTable(table[index, column]) for column, loss in enumerate(chosen)}
                  for index, measure in enumerate(ERROR_MEASURES)},
                 {loss.name: np.sum(np.isnan(table[0, column]), axis=-1) for column, loss in enumerate(chosen)})


def outlier_sweep_key(settings) -> tuple:
    """The arguments of outlier_sweep_of for the lab's `settings`: the data settings the sweep does not
    set itself, the chosen losses with their parameters, the training."""
    return (settings.group("data", without=OUTLIER_SWEEP_VARIES),
            tuple((name, settings.params_key(name)) for name in settings.losses), settings.group("training"))


def outlier_sweep_of(data: tuple, loss_params: tuple, training: tuple, on_progress=None) -> Sweep:
    """outlier_sweep of the losses in `loss_params` ((name, params) pairs), per hashable settings."""
    return outlier_sweep([losses.get(name, **dict(params)) for name, params in loss_params], dict(data),
                         dict(training), on_progress=on_progress)


def switch_key(settings, first: str, then: str, switch_at: int) -> tuple:
    """The arguments of verdicts.switch_runs and switch_histories for the lab's `settings`."""
    return ((first, settings.params_key(first)), (then, settings.params_key(then)), settings.group("data"),
            settings.group("training"), switch_at)


def switch_histories(first: tuple, then: tuple, data: tuple, training: tuple, switch_at: int) -> list[History]:
    """The switch experiment's three runs on the lab's own data: switched (its loss named "switched",
    its values relative by phase: switch_relative), the second loss alone and the first alone."""
    first_loss, then_loss = losses.get(first[0], **dict(first[1])), losses.get(then[0], **dict(then[1]))
    steps = dict(training)
    switched, then_alone, first_alone = switch_trio(first_loss, then_loss, regression_set(data), switch_at=switch_at,
                                                    **steps)
    relative = switch_relative(switched, first_alone.values[0], then_alone.values[0],
                               switch_epoch(switch_at, steps["epochs"]))
    return [replace(relative, loss="switched"), then_alone, first_alone]


def line_fits(settings, compute) -> tuple:
    """The lab's data and each chosen loss's line on it, as the page draws them and a lesson reads them;
    `compute`: the page's cache or a plain call."""
    data = compute(regression_set, settings.group("data"))
    return data, [compute(line_fit, settings.group("data"), name, settings.params_key(name), settings.group("training"),
                          entries=256) for name in settings.losses]
