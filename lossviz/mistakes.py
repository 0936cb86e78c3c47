"""Where common sources go wrong, each point shown by LossViz's own numbers.

Common sources carry a few recurring errors: the BCE sign, the CCE
gradient, focal loss's α, the direction of Huber's δ, a printed MSE value, and "train and
validation loss both rising" read as underfitting. Each function computes the correct number
and the one the error gives, as a Sentence (i18n `mistake.<name>`) that the pages say.
"""

from __future__ import annotations

import numpy as np

from lossviz import losses
from lossviz.datasets import regression_data
from lossviz.i18n.sentence import Sentence
from lossviz.models import parameter_error, train_linear
from lossviz.verdict import compare

FINITE_STEP = 1e-6


def bce_sign() -> Sentence:
    """−[y log p − (1 − y) log(1 − p)] rewards a confident wrong answer on a negative sample."""
    label, proba = 0.0, 0.9
    correct = losses.get("bce").forward([label], [proba])
    mistyped = -(label * np.log(proba) - (1 - label) * np.log(1 - proba))
    return Sentence("mistake.bce_sign", {"p": f"{proba:g}", "correct": f"{correct:.3f}", "mistyped": f"{mistyped:.3f}"})


def cce_gradient() -> Sentence:
    """∂L/∂ŷ of cross-entropy is −y/ŷ (a finite difference agrees), not ŷ/y (undefined where y = 0)."""
    proba, target = np.array([[0.7, 0.2, 0.1]]), np.array([0])
    cce = losses.get("cce")
    ours = cce.backward(target, proba)[0, 0]
    step = np.array([[FINITE_STEP, 0.0, 0.0]])
    finite = (cce.forward(target, proba + step) - cce.forward(target, proba - step)) / (2 * FINITE_STEP)
    return Sentence("mistake.cce_gradient", {"p": f"{proba[0, 0]:g}", "ours": f"{ours:.4f}",
                                             "finite": f"{finite:.4f}", "mistyped": f"{proba[0, 0] / 1.0:g}"})


def focal_alpha(alpha: float = 0.25, gamma: float = 2.0, p_t: float = 0.6) -> Sentence:
    """α_t weighs a positive by α and a negative by 1 − α; scaling every sample by α weighs both alike."""
    focal = losses.get("focal", alpha=alpha, gamma=gamma)
    positive, negative = focal.elementwise(np.array([1.0, 0.0]), np.array([p_t, 1.0 - p_t]))
    return Sentence("mistake.focal_alpha", {"alpha": f"{alpha:g}", "confidence": f"{p_t:g}",
                                            "positive": f"{positive:.4f}", "negative": f"{negative:.4f}",
                                            "ratio": f"{negative / positive:.1f}"})


def huber_delta(fraction: float = 0.3, deltas=(0.5, 2.0), seeds: int = 5) -> Sentence:
    """On data with many outliers, does a smaller δ fit closer to the true line than a larger one?
    Judged per data set by the labs' rule (verdict.compare), with the means, spread and count."""
    errors = {delta: np.zeros(seeds) for delta in deltas}
    for delta in deltas:
        for seed in range(seeds):
            data = regression_data(n=200, outlier_fraction=fraction, seed=seed)
            history = train_linear(losses.get("huber", delta=delta), data, optimizer="nag", lr=0.01, epochs=300)
            errors[delta][seed] = parameter_error(history, data)["total"]
    small, large = deltas
    verdict = compare("huber_delta", fraction, f"{small:g}", f"{large:g}", errors[small], errors[large],
                      lower_is_better=True)
    values = {"fraction": f"{fraction:.0%}", "small": f"{small:g}", "large": f"{large:g}",
              "small_error": f"{verdict.mean_better:.2f}", "large_error": f"{verdict.mean_worse:.2f}",
              "spread": f"{verdict.spread:.2f}", "seeds": seeds,
              "closer": int(np.sum(errors[small] < errors[large]))}
    return Sentence("mistake.huber_delta", values, (Sentence(f"mistake.huber_delta.{verdict.outcome}", values),))


def mse_example() -> Sentence:
    """The guide's own example: MSE of y_pred (2.5, 3.0, 1.8) against y_true (3.0, 2.8, 2.1)."""
    y_true, y_pred = [3.0, 2.8, 2.1], [2.5, 3.0, 1.8]
    mse = losses.get("mse").forward(y_true, y_pred)
    half = losses.get("huber", delta=1.0).forward(y_true, y_pred)
    return Sentence("mistake.mse_example", {"mse": f"{mse:.4f}", "printed": "0.0633", "half": f"{half:.4f}"})


def rising_curves(lr_too_high: float = 1.0, lr_fine: float = 0.01, epochs: int = 10) -> Sentence:
    """Training loss that rises from the start is a step size problem: the same model trains at a smaller one."""
    data = regression_data(n=200, outlier_fraction=0.0, seed=0)
    high = train_linear(losses.get("mse"), data, optimizer="gd", lr=lr_too_high, epochs=epochs)
    fine = train_linear(losses.get("mse"), data, optimizer="gd", lr=lr_fine, epochs=300)
    return Sentence("mistake.rising_curves", {"lr": f"{lr_too_high:g}", "start": f"{high.values[0]:.3g}",
                                              "end": f"{high.values[-1]:.3g}", "epoch": high.epochs_run,
                                              "lr_fine": f"{lr_fine:g}", "fine_end": f"{fine.values[-1]:.3g}"})


MISTAKES = {"bce_sign": bce_sign, "cce_gradient": cce_gradient, "focal_alpha": focal_alpha,
            "huber_delta": huber_delta, "mse_example": mse_example, "rising_curves": rising_curves}


def mistake(name: str) -> Sentence:
    """The point of "where common sources go wrong" called `name`, with its numbers."""
    return MISTAKES[name]()
