"""Verdicts on the guide's claims, computed from a sweep's own numbers over its seeds.

A claim "a beats b" at one sweep point holds when a's mean exceeds b's by more than the spread
(standard deviation) of their per-seed differences, fails when it falls short by more than that,
and is undecided in between. The pages turn a Verdict into words; nothing here is written as a
fixed fact.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from lossviz import losses
from lossviz.data import regression_data
from lossviz.sentences import Name, Sentence
from lossviz.train import (
    SWEEP_SEEDS,
    SWEEP_VALIDATION_MINORITY,
    ImbalanceSweep,
    Sweep,
    parameter_error,
    switch_epoch,
    switch_trio,
)

HOLDS, FAILS, UNDECIDED = "holds", "fails", "undecided"
# The guide's claims on imbalance (seed 000, FAQ Q2), as (claim, better, worse, ratios it speaks of)
IMBALANCE_CLAIMS = (("weighting_helps", "weighted_bce", "bce", (10,)),
                    ("focal_beats_weighting", "focal", "weighted_bce", (100, 300, 1000)))
# The guide's claims on calibrated probabilities (its wizard's answer for them): plain BCE's are
# nearer the truth than a weighted or focal loss's, on calibration error (lower is better)
CALIBRATION_CLAIMS = (("calibration_weighting", "bce", "weighted_bce", (10, 100)),
                      ("calibration_focal", "bce", "focal", (10, 100)))
BREAKDOWN_ERROR = 0.5  # a fit this far off is broken: a third of the true slope (1.5), the whole intercept (0.5)


@dataclass(frozen=True)
class Verdict:
    """Whether `better` beat `worse` at one sweep point (`at`), with the numbers behind it."""

    claim: str
    at: float
    better: str
    worse: str
    mean_better: float
    mean_worse: float
    spread: float
    seeds: int
    outcome: str


def compare(claim: str, at: float, better: str, worse: str, better_values, worse_values,
            lower_is_better: bool = False) -> Verdict:
    """The Verdict on "`better` beats `worse`" from their per-seed values at one point (an error:
    `lower_is_better`)."""
    difference = np.asarray(better_values, dtype=float) - np.asarray(worse_values, dtype=float)
    if lower_is_better:
        difference = -difference
    mean = float(difference.mean())
    spread = float(difference.std(ddof=1)) if difference.size > 1 else 0.0
    outcome = HOLDS if mean > spread else FAILS if mean < -spread else UNDECIDED
    return Verdict(claim, at, better, worse, float(np.mean(better_values)), float(np.mean(worse_values)), spread,
                   int(difference.size), outcome)


def imbalance_verdicts(sweep: ImbalanceSweep) -> tuple[list[Verdict], list[tuple[str, str, str]]]:
    """Verdicts on the guide's imbalance claims, on minority recall, at the ratios the sweep has;
    and the claims it cannot test, as (claim, better, worse), because a method was not swept."""
    return claim_verdicts(sweep, IMBALANCE_CLAIMS, sweep.recall)


def calibration_verdicts(sweep: ImbalanceSweep) -> tuple[list[Verdict], list[tuple[str, str, str]]]:
    """Verdicts on the guide's calibration claims, on calibration error (lower is better), as
    imbalance_verdicts."""
    return claim_verdicts(sweep, CALIBRATION_CLAIMS, sweep.calibration, lower_is_better=True)


def claim_verdicts(sweep: ImbalanceSweep, claims, tables: dict, lower_is_better: bool = False
                   ) -> tuple[list[Verdict], list[tuple[str, str, str]]]:
    """Verdicts on `claims` ((claim, better, worse, ratios)) from the sweep's `tables` of one measure,
    at the ratios the sweep has; and the claims with a method the tables lack."""
    verdicts, untested = [], []
    for claim, better, worse, ratios in claims:
        if better not in tables or worse not in tables:
            untested.append((claim, better, worse))
            continue
        for ratio in ratios:
            if ratio in sweep.ratios:
                row = sweep.ratios.index(ratio)
                verdicts.append(compare(claim, ratio, better, worse, tables[better].values[row],
                                        tables[worse].values[row], lower_is_better))
    return verdicts, untested


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


def imbalance_sentences(sweep: ImbalanceSweep) -> list[Sentence]:
    """The imbalance verdicts in words: each with the numbers behind it and how many validation
    minority samples it rests on; then the claims the sweep could not test."""
    verdicts, untested = imbalance_verdicts(sweep)
    sentences = []
    for verdict in verdicts:
        minority = sweep.validation_minority[sweep.ratios.index(verdict.at)]
        note = "verdict.few_minority" if minority < SWEEP_VALIDATION_MINORITY else "verdict.minority"
        sentences.append(claim_sentence(verdict, "{:.0%}", Sentence(note, {"minority": minority,
                                                                          "wanted": SWEEP_VALIDATION_MINORITY})))
    return sentences + untested_sentences(untested)


def calibration_sentences(sweep: ImbalanceSweep) -> list[Sentence]:
    """The calibration verdicts in words, each with the mean calibration errors and their spread;
    then the claims the sweep could not test."""
    verdicts, untested = calibration_verdicts(sweep)
    return [claim_sentence(verdict, "{:.3f}") for verdict in verdicts] + untested_sentences(untested)


def claim_sentence(verdict: Verdict, number_format: str, *then: Sentence) -> Sentence:
    """A verdict in words (verdict.<claim>.<outcome>): the ratio, the methods, their means and the
    spread in `number_format`, the seeds; then the sentences `then`."""
    number = number_format.format
    return Sentence(f"verdict.{verdict.claim}.{verdict.outcome}", {
        "ratio": f"1:{verdict.at:g}", "better": Name(verdict.better), "worse": Name(verdict.worse),
        "mean_better": number(verdict.mean_better), "mean_worse": number(verdict.mean_worse),
        "spread": number(verdict.spread), "seeds": verdict.seeds}, then)


def untested_sentences(untested: list[tuple[str, str, str]]) -> list[Sentence]:
    """The claims a sweep could not test, each asking for the methods it needs."""
    return [Sentence(f"verdict.{claim}.untested", {"better": Name(better), "worse": Name(worse)})
            for claim, better, worse in untested]


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
    switched one, the second loss alone and the first alone, all for the same epochs."""

    first: str
    then: str
    switch_at: int
    switched: np.ndarray
    then_alone: np.ndarray
    first_alone: np.ndarray


def switch_runs(first: tuple[str, dict], then: tuple[str, dict], data_settings: dict, training: dict,
                switch_at: int, seeds: int = SWEEP_SEEDS) -> SwitchRuns:
    """The switch experiment (train.switched_fit) on `seeds` data sets (seeds from data_settings'
    seed on); `first` and `then` are (loss, params)."""
    errors = np.full((3, seeds), np.nan)
    first_loss, then_loss = losses.get(first[0], **first[1]), losses.get(then[0], **then[1])
    for index in range(seeds):
        data = regression_data(**{**data_settings, "seed": data_settings.get("seed", 0) + index})
        for row, run in enumerate(switch_trio(first_loss, then_loss, data, switch_at=switch_at, **training)):
            if run.diverged_at is None:
                errors[row, index] = parameter_error(run, data)["total"]
    return SwitchRuns(first[0], then[0], switch_epoch(switch_at, training["epochs"]), *errors)


def switch_sentences(runs: SwitchRuns) -> list[Sentence]:
    """The switch experiment in words: each run's mean final error over the data sets, and in how many
    of them the switched run ended closer to the true line than the second loss alone."""
    finished = ~np.isnan(runs.switched) & ~np.isnan(runs.then_alone)

    def mean(values) -> str:
        return f"{np.nanmean(values):.3f}" if np.any(~np.isnan(values)) else "—"

    said = [Sentence("verdict.switch", {
        "first": Name(runs.first), "then": Name(runs.then), "at": runs.switch_at, "seeds": runs.switched.size,
        "switched": mean(runs.switched), "then_alone": mean(runs.then_alone), "first_alone": mean(runs.first_alone),
        "closer": int(np.sum(runs.switched[finished] < runs.then_alone[finished])), "compared": int(finished.sum())})]
    diverged = int(np.isnan(runs.switched).sum() + np.isnan(runs.then_alone).sum() + np.isnan(runs.first_alone).sum())
    if diverged:
        said.append(Sentence("verdict.switch_diverged", {"runs": diverged}))
    return said
