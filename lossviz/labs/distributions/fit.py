"""A Gaussian fitted to a mixture of Gaussians by gradient descent on forward KL, reverse KL or
Jensen-Shannon: which modes each divergence covers."""

from __future__ import annotations

import math

import numpy as np

from lossviz import losses
from lossviz.i18n.sentence import Sentence
from lossviz.labs.distributions.charts import target_frames
from lossviz.losses import ParamSpec
from lossviz.numerics import KL_Q_FLOOR
from lossviz.training import History, descend

GRID = np.linspace(-8.0, 8.0, 321)
MODE_WIDTH = 0.6  # standard deviation of every mode of the target
DIVERGENCES = ("forward", "reverse", "js")  # KL(p||q), KL(q||p), JS(p, q)
TARGET_SPECS = {
    "modes": ParamSpec(default=2, min=1, max=3, step=1, integer=True, help="Modes of the target distribution."),
    "separation": ParamSpec(default=4.0, min=0.0, max=6.0, step=0.1, help="Distance between neighbouring modes."),
    "first_weight": ParamSpec(default=0.5, min=0.1, max=0.9, step=0.05,
                              help="Share of the first (leftmost) mode; the others share the rest equally."),
}
TARGET_KEYS = tuple(TARGET_SPECS)
FIT_SPECS = {
    "start_mean": ParamSpec(default=1.0, min=-6.0, max=6.0, step=0.1,
                            help="Mean q starts from (its spread starts at 1)."),
}
COVERED = 0.15  # a fit covers a mode when it puts at least this share of its mass nearest that mode


def mode_centres(modes: int, separation: float) -> np.ndarray:
    """The modes' centres, spaced `separation` apart around 0."""
    return (np.arange(modes) - (modes - 1) / 2.0) * separation


def mode_weights(modes: int, first_weight: float) -> np.ndarray:
    if modes == 1:
        return np.ones(1)
    return np.array([first_weight, *([(1.0 - first_weight) / (modes - 1)] * (modes - 1))])


def mixture(*, modes: int, separation: float, first_weight: float) -> np.ndarray:
    """The target p: a mixture of Gaussians of width MODE_WIDTH on GRID, as probabilities summing to 1."""
    modes = TARGET_SPECS["modes"].validate("modes", modes)
    separation = TARGET_SPECS["separation"].validate("separation", separation)
    first_weight = TARGET_SPECS["first_weight"].validate("first_weight", first_weight)
    density = sum(weight * np.exp(-0.5 * ((GRID - centre) / MODE_WIDTH) ** 2)
                  for weight, centre in zip(mode_weights(modes, first_weight), mode_centres(modes, separation),
                                            strict=True))
    return density / density.sum()


def gaussian(mean: float, log_std: float) -> np.ndarray:
    """q on GRID: a Gaussian of `mean` and standard deviation exp(log_std), summing to 1."""
    log_density = -0.5 * ((GRID - mean) * math.exp(-log_std)) ** 2
    density = np.exp(log_density - log_density.max())
    return density / density.sum()


def divergence_and_gradient(kind: str, target: np.ndarray, theta: np.ndarray) -> tuple[float, np.ndarray]:
    """The divergence `kind` between p = `target` and q(theta), theta = (mean, log std), and its
    gradient by theta. KL(p||q) and JS take their gradient by q from the registry; KL(q||p) needs it
    by its first argument: log q - log max(p, 1e-12) + 1, the registry's clip."""
    mean, log_std = theta
    q = gaussian(mean, log_std)
    if kind == "forward":
        value = losses.get("kl").forward(target, q)
        by_q = losses.get("kl").backward(target, q)
    elif kind == "js":
        value = losses.get("js").forward(target, q)
        by_q = losses.get("js").backward(target, q)
    elif kind == "reverse":
        value = losses.get("kl").forward(q, target)
        with np.errstate(divide="ignore"):
            by_q = np.where(q > 0, np.log(np.where(q > 0, q, 1.0)) - np.log(np.maximum(target, KL_Q_FLOOR)) + 1.0, 0.0)
    else:
        raise ValueError(f"unknown divergence {str(kind)[:40]!r}; choose one of {', '.join(DIVERGENCES)}")
    # q = g / sum(g): d q_i / d theta = q_i (s_i - sum_j q_j s_j), with s = d log g / d theta
    variance = math.exp(2.0 * log_std)
    scores = np.stack([(GRID - mean) / variance, (GRID - mean) ** 2 / variance])
    centred = scores - (scores @ q)[:, None]
    return float(value), centred @ (q * by_q)


def fit(kind: str, target: np.ndarray, *, start_mean: float, lr: float, epochs: int) -> History:
    """q fitted to `target` by Adam on divergence `kind` from (start_mean, std 1); params rows are (mean, log std)."""
    start_mean = FIT_SPECS["start_mean"].validate("start_mean", start_mean)
    return descend(kind, lambda theta: divergence_and_gradient(kind, target, theta), 2, optimizer="adam", lr=lr,
                   momentum=0.9, epochs=epochs, start=np.array([start_mean, 0.0]))


def fit_all(target: np.ndarray, *, start_mean: float, lr: float, epochs: int) -> dict[str, History]:
    return {kind: fit(kind, target, start_mean=start_mean, lr=lr, epochs=epochs) for kind in DIVERGENCES}


def mode_shares(q: np.ndarray, centres: np.ndarray) -> np.ndarray:
    """The share of q's mass nearest each mode centre."""
    nearest = np.argmin(np.abs(GRID[:, None] - centres[None, :]), axis=1)
    return np.bincount(nearest, weights=q, minlength=centres.size)


def coverage_sentences(fits: dict[str, History], centres: np.ndarray) -> list[Sentence]:
    """For each fit: the modes it covers (COVERED of its mass or more nearest them), with the shares."""
    said = []
    for kind, run in fits.items():
        mean, log_std = run.params[-1]
        shares = mode_shares(gaussian(mean, log_std), centres)
        covered = [str(index + 1) for index, share in enumerate(shares) if share >= COVERED]
        said.append(Sentence(f"distributions.covers.{kind}", {
            "modes": ", ".join(covered), "count": len(covered), "total": centres.size,
            "mean": f"{round(mean, 2) + 0.0:.2f}",
            "std": f"{math.exp(log_std):.2f}", "shares": ", ".join(f"{share:.0%}" for share in shares),
            "value": f"{max(run.values[-1], 0.0):.3g}"}))  # the Q floor can leave -1e-12
    return said


SAME_FIT = 0.05  # fitted Gaussians whose densities differ by at most this share of their mass look as one


def overlap_sentences(fits: dict[str, History]) -> list[Sentence]:
    """Each pair of fits that ended at nearly the same Gaussian (half their densities' L1 distance at most
    SAME_FIT): the chart draws the later one thinner on top of the earlier one."""
    finals = {kind: gaussian(*run.params[-1]) for kind, run in fits.items() if run.diverged_at is None}
    kinds = list(finals)
    said = []
    for index, first in enumerate(kinds):
        for second in kinds[index + 1:]:
            distance = 0.5 * float(np.sum(np.abs(finals[first] - finals[second])))
            if distance <= SAME_FIT:
                said.append(Sentence(f"distributions.overlap.{first}.{second}", {"distance": f"{distance:.1%}"}))
    return said


def divergence_fits(target: tuple, fit: tuple) -> dict[str, History]:
    """A Gaussian fitted to the target mixture by each divergence, per (target, fit settings)."""
    return fit_all(mixture(**dict(target)), **dict(fit))


def target_preview(target: tuple, setting: str, stops: tuple, names: tuple, note: str, top: float) -> list[dict]:
    """The fit chart's frames along the dragged target `setting` (the others as `target` holds them): the
    mixture at each of `stops` (charts.target_frames, the fits' peak `top` kept in view)."""
    return target_frames(GRID, [mixture(**(dict(target) | {setting: stop})) for stop in stops], names, note, top)
