"""The distributions lab's math: a Gaussian q fitted to a mixture p on a grid by forward KL, reverse
KL and Jensen-Shannon; and the softened targets of knowledge distillation.

Values come from the registry's `kl` and `js`; their gradients by q are chained through q's
parameters (mean, log standard deviation) by hand.

    >>> target = mixture(modes=2, separation=4.0, first_weight=0.5)
    >>> fits = fit_all(target, start_mean=1.0, lr=0.05, epochs=300)
    >>> {kind: round(float(fit.params[-1, 0]), 1) + 0.0 for kind, fit in fits.items()}  # between the modes, on one
    {'forward': 0.0, 'reverse': 2.0, 'js': 0.0}
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from lossviz import losses
from lossviz.losses import ParamSpec
from lossviz.numerics import KL_Q_FLOOR, log_softmax
from lossviz.sentences import Sentence
from lossviz.train import History, descend

GRID = np.linspace(-8.0, 8.0, 321)
MODE_WIDTH = 0.6  # standard deviation of every mode of the target
DIVERGENCES = ("forward", "reverse", "js")  # KL(p||q), KL(q||p), JS(p, q)
TARGET_SPECS = {
    "modes": ParamSpec(default=2, min=1, max=3, step=1, integer=True, help="Modes of the target distribution."),
    "separation": ParamSpec(default=4.0, min=0.0, max=6.0, step=0.1, help="Distance between neighbouring modes."),
    "first_weight": ParamSpec(default=0.5, min=0.1, max=0.9, step=0.05,
                              help="Share of the first (leftmost) mode; the others share the rest equally."),
}
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


# --- distillation -----------------------------------------------------------------------------

TEACHER_SHAPE = np.array([2.0, 1.0, 0.3, -0.5, -1.2])  # a teacher's logits before scaling by its confidence
DISTILL_SPECS = {
    "temperature": ParamSpec(default=4.0, min=0.5, max=20.0, step=0.5, help="Divides the logits before the softmax."),
    "confidence": ParamSpec(default=2.0, min=0.5, max=5.0, step=0.1,
                            help="Scales the teacher's logits: the larger, the surer the teacher."),
}
TEMPERATURES = np.geomspace(0.5, 20.0, 40)


def softened(logits: np.ndarray, temperature: float) -> np.ndarray:
    """softmax(logits / T) of one row of logits."""
    return np.exp(log_softmax(np.atleast_2d(logits) / temperature))[0]


def entropy(proba: np.ndarray) -> float:
    """Entropy in nats (0 log 0 = 0)."""
    positive = proba[proba > 0]
    return float(-(positive * np.log(positive)).sum())


def students(teacher: np.ndarray) -> dict[str, np.ndarray]:
    """A few students' logits: the teacher itself, a half-as-confident copy, a student that learned
    only the top class (a hard label), and one that knows nothing."""
    hard = np.full_like(teacher, -2.0)
    hard[np.argmax(teacher)] = 2.0
    return {"teacher": teacher.copy(), "half": 0.5 * teacher, "hard": hard, "uniform": np.zeros_like(teacher)}


def distillation_loss_and_gradient(teacher: np.ndarray, student: np.ndarray, temperature: float
                                   ) -> tuple[float, np.ndarray]:
    """KL(p_T || q_T) between softened teacher and student, and its gradient by the student's logits:
    the registry's d KL / d q chained through softmax(z / T)."""
    target, model = softened(teacher, temperature), softened(student, temperature)
    kl = losses.get("kl")
    by_q = kl.backward(target, model)
    return kl.forward(target, model), model * (by_q - by_q @ model) / temperature


def gradient_scale(teacher: np.ndarray, student: np.ndarray, temperatures=TEMPERATURES) -> dict[str, np.ndarray]:
    """The norm of the soft loss's gradient by the student's logits at each temperature, as it is and
    multiplied by T^2 (Hinton et al. 2015), which keeps it comparable across temperatures."""
    raw = np.array([np.linalg.norm(distillation_loss_and_gradient(teacher, student, t)[1]) for t in temperatures])
    return {"temperature": np.asarray(temperatures), "raw": raw, "scaled": raw * np.asarray(temperatures) ** 2}


SCALE_RANGE = (1.0, 20.0)  # 1/T^2 describes T >= 1; below, the softmax saturates


@dataclass(frozen=True)
class Distillation:
    """Everything the distillation view shows for a teacher of `confidence` at `temperature`: its
    probabilities at T = 1 (`sharp`) and at T (`soft`), the gradient norm over TEMPERATURES for the
    half-as-confident student (`scale`), one row per student, and the sentences."""

    sharp: np.ndarray
    soft: np.ndarray
    scale: dict
    rows: list[dict]
    sentences: list[Sentence]


def distillation(*, confidence: float, temperature: float) -> Distillation:
    teacher = DISTILL_SPECS["confidence"].validate("confidence", confidence) * TEACHER_SHAPE
    temperature = DISTILL_SPECS["temperature"].validate("temperature", temperature)
    sharp, soft = softened(teacher, 1.0), softened(teacher, temperature)
    learners = students(teacher)
    rows = []
    for name, logits in learners.items():
        value, gradient = distillation_loss_and_gradient(teacher, logits, temperature)
        norm = float(np.linalg.norm(gradient))
        # the KL of equal rows is 0; floored because its floor at 1e-12 can leave -1e-17
        rows.append({"student": name, ("kl_at", f"{temperature:g}"): max(value, 0.0), "gradient_norm": norm,
                     "scaled_norm": norm * temperature**2})
    low, high = SCALE_RANGE
    ends = gradient_scale(teacher, learners["half"], SCALE_RANGE)
    sentences = [
        Sentence("distributions.entropy", {"sharp": f"{entropy(sharp):.2f}", "soft": f"{entropy(soft):.2f}",
                                           "temperature": f"{temperature:g}", "most": f"{math.log(teacher.size):.2f}"}),
        Sentence("distributions.t_squared", {"low": f"{low:g}", "high": f"{high:g}",
                                             "raw": f"{ends['raw'][0] / ends['raw'][1]:.0f}",
                                             "scaled": f"{max(ends['scaled']) / min(ends['scaled']):.1f}"}),
    ]
    return Distillation(sharp, soft, gradient_scale(teacher, learners["half"]), rows, sentences)
