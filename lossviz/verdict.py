"""The rule that turns per-seed measurements into a verdict on a claim.

A claim "a beats b" at one setting holds when a's mean exceeds b's by more than the spread
(standard deviation) of their per-seed differences, fails when it falls short by more than that,
and is undecided in between. A measure of a class resting on fewer than MIN_SAMPLES of its samples per
seed is not judged at all: "too few samples to judge". The labs turn a Verdict into words; nothing is
written as a fixed fact."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

HOLDS, FAILS, UNDECIDED, TOO_FEW = "holds", "fails", "undecided", "too_few"
MIN_SAMPLES = 20  # samples of the class a measure counts, per seed, below which it is not judged


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


def enough(samples: int) -> bool:
    """Whether a measure of a class resting on `samples` of its samples (per seed) may be judged."""
    return samples >= MIN_SAMPLES


def judged(verdict: Verdict, samples: int) -> Verdict:
    """`verdict`, or "too few samples to judge" (TOO_FEW) when it rests on fewer than MIN_SAMPLES
    samples of the class it measures per seed."""
    return verdict if enough(samples) else replace(verdict, outcome=TOO_FEW)
