"""Knowledge distillation: a teacher's probabilities softened by a temperature, and the T² that keeps
the gradient of the softened loss in scale."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from lossviz import losses
from lossviz.i18n.sentence import Sentence
from lossviz.losses import ParamSpec
from lossviz.numerics import log_softmax

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
