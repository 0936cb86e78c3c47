"""The regression lab's verdicts, computed from its own runs over several data sets: where each loss
breaks down as outliers grow, and whether switching the loss at an epoch ends nearer the true line."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from lossviz import losses
from lossviz.datasets import nth_seed, regression_data
from lossviz.i18n.sentence import Name, Sentence
from lossviz.labs.regression.train import Sweep, switch_epoch, switch_trio
from lossviz.models import parameter_error
from lossviz.training import SWEEP_SEEDS

BREAKDOWN_ERROR = 0.5  # a fit this far off is broken: a third of the true slope (1.5), the whole intercept (0.5)


@dataclass(frozen=True)
class Breakdown:
    """Where a loss's fit first broke down in an outlier sweep (`fraction` None: never), its mean
    error and spread there, its largest mean error before, and how many of its runs diverged."""

    loss: str
    fraction: float | None
    error: float
    spread: float
    largest_before: float
    diverged: int
    runs: int


def breakdowns(sweep: Sweep, measure: str) -> list[Breakdown]:
    """Each loss's Breakdown: the first fraction whose mean error exceeds BREAKDOWN_ERROR or
    where more than half the runs diverged."""
    found = []
    for loss, table in sweep.error[measure].items():
        mean, spread, diverged = table.mean, table.spread, sweep.diverged[loss]
        broken = (np.nan_to_num(mean, nan=np.inf) > BREAKDOWN_ERROR) | (2 * diverged > sweep.seeds)
        index = int(np.argmax(broken)) if broken.any() else None
        before = mean[:index] if index is not None else mean
        finite = before[np.isfinite(before)]
        found.append(Breakdown(loss, None if index is None else sweep.fractions[index],
                               float(mean[index]) if index is not None else float("nan"),
                               float(spread[index]) if index is not None else float("nan"),
                               float(finite.max()) if finite.size else float("nan"),
                               int(diverged.sum()), sweep.seeds * len(sweep.fractions)))
    return found


def breakdown_sentences(sweep: Sweep, measure: str) -> list[Sentence]:
    """Where each loss broke down, in words, with its runs that diverged."""
    sentences = []
    for found in breakdowns(sweep, measure):
        values = {"loss": Name(found.loss), "threshold": BREAKDOWN_ERROR, "largest": f"{found.largest_before:.2f}"}
        diverged = (Sentence("regression.breakdown_diverged", {"diverged": found.diverged, "runs": found.runs}),
                    ) if found.diverged else ()
        if found.fraction is None:
            sentences.append(Sentence("regression.breakdown_never", {**values, "last": f"{sweep.fractions[-1]:.0%}"},
                                      diverged))
        else:
            sentences.append(Sentence("regression.breakdown_at", {
                **values, "fraction": f"{found.fraction:.0%}", "error": f"{found.error:.2f}",
                "spread": f"{found.spread:.2f}"}, diverged))
    return sentences


@dataclass(frozen=True)
class SwitchRuns:
    """Final distances from the true line (parameter_error's total) of three runs per data set: the
    switched one, the second loss alone and the first alone, all for the same epochs. On `real` data
    the distances are from the least-squares line before the outliers."""

    first: str
    then: str
    switch_at: int
    switched: np.ndarray
    then_alone: np.ndarray
    first_alone: np.ndarray
    real: bool = False


def switch_runs(first: tuple, then: tuple, data_settings, training, switch_at: int,
                seeds: int = SWEEP_SEEDS) -> SwitchRuns:
    """The switch experiment (train.switched_fit) on `seeds` data sets (seeds from data_settings'
    seed on); `first` and `then` are (loss, params); settings and params are dicts or (key, value) pairs."""
    errors = np.full((3, seeds), np.nan)
    data_settings, training = dict(data_settings), dict(training)
    first_loss, then_loss = losses.get(first[0], **dict(first[1])), losses.get(then[0], **dict(then[1]))
    for index in range(seeds):
        data = regression_data(**{**data_settings, "seed": nth_seed(data_settings.get("seed", 0), index)})
        for row, run in enumerate(switch_trio(first_loss, then_loss, data, switch_at=switch_at, **training)):
            if run.diverged_at is None:
                errors[row, index] = parameter_error(run, data)["total"]
    return SwitchRuns(first[0], then[0], switch_epoch(switch_at, training["epochs"]), *errors,
                      real=data_settings.get("data", "synthetic") != "synthetic")


def switch_sentences(runs: SwitchRuns) -> list[Sentence]:
    """The switch experiment in words: each run's mean final error over the data sets, and in how many
    of them the switched run ended closer to the true line than the second loss alone."""
    finished = ~np.isnan(runs.switched) & ~np.isnan(runs.then_alone)

    def mean(values) -> str:
        return f"{np.nanmean(values):.3f}" if np.any(~np.isnan(values)) else "—"

    said = [Sentence("verdict.switch_real" if runs.real else "verdict.switch", {
        "first": Name(runs.first), "then": Name(runs.then), "at": runs.switch_at, "seeds": runs.switched.size,
        "switched": mean(runs.switched), "then_alone": mean(runs.then_alone), "first_alone": mean(runs.first_alone),
        "closer": int(np.sum(runs.switched[finished] < runs.then_alone[finished])), "compared": int(finished.sum())})]
    diverged = int(np.isnan(runs.switched).sum() + np.isnan(runs.then_alone).sum() + np.isnan(runs.first_alone).sum())
    if diverged:
        said.append(Sentence("verdict.switch_diverged", {"runs": diverged}))
    return said
