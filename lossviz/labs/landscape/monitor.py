"""The training monitor: a polynomial fitted to noisy points of a curve, its training and
validation losses, early stopping, and the diagnosis of under- and over-fitting that they show."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np
from numpy.polynomial import legendre

from lossviz.datasets import REGRESSION_SPECS, checked_settings
from lossviz.i18n import translate
from lossviz.i18n.sentence import Sentence
from lossviz.losses import ParamSpec
from lossviz.training import History, descend, history_csv

MONITOR_SPECS = {
    "train_points": ParamSpec(default=25, min=8, max=500, step=1, integer=True,
                              help="Training points; the validation set always has 200."),
    "degree": ParamSpec(default=15, min=1, max=15, step=1, integer=True, help="Degree of the polynomial."),
    "noise": ParamSpec(default=0.3, min=0.0, max=1.5, step=0.05,
                       help="Standard deviation of the noise around the true curve."),
    "weight_decay": ParamSpec(default=0.0, min=0.0, max=0.1, step=0.001,
                              help="L2 penalty on the coefficients (not on the constant term)."),
    "patience": ParamSpec(default=100, min=1, max=2000, step=1, integer=True,
                          help="Epochs without a new best validation loss before early stopping."),
    "seed": REGRESSION_SPECS["seed"],
}
VALIDATION_POINTS = 200


def true_curve(x: np.ndarray) -> np.ndarray:
    """The function the monitor's data follow: one and a half waves of a sine on [-1, 1]."""
    return np.sin(1.5 * np.pi * x)


@dataclass(frozen=True)
class CurveData:
    """Noisy samples of `true_curve` on [-1, 1]: a small training set and a validation set."""

    x: np.ndarray
    y: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray
    noise: float


def curve_data(*, train_points: int, noise: float, seed: int) -> CurveData:
    """Seeded training and validation samples (validation always VALIDATION_POINTS)."""
    s = checked_settings({key: MONITOR_SPECS[key] for key in ("train_points", "noise", "seed")},
                         {"train_points": train_points, "noise": noise, "seed": seed})
    rng = np.random.default_rng(s["seed"])
    x = rng.uniform(-1.0, 1.0, s["train_points"])
    x_val = rng.uniform(-1.0, 1.0, VALIDATION_POINTS)
    return CurveData(x, true_curve(x) + rng.normal(0.0, s["noise"], x.size), x_val,
                     true_curve(x_val) + rng.normal(0.0, s["noise"], x_val.size), s["noise"])


def polynomial_features(x: np.ndarray, degree: int) -> np.ndarray:
    """Legendre polynomials P_0 ... P_degree of x (well conditioned on [-1, 1], unlike powers of x)."""
    return legendre.legvander(x, degree)


def train_polynomial(data: CurveData, *, degree: int, weight_decay: float, optimizer: str, lr: float,
                     momentum: float, epochs: int) -> History:
    """Fit a polynomial of `degree` by full-batch descent on MSE + weight_decay * |coefficients|^2
    (the constant term unpenalised), from zero. The History's `values` are the training MSE and
    `val_values` the validation MSE, at every epoch (the penalty is in the gradient, not in them)."""
    degree = MONITOR_SPECS["degree"].validate("degree", degree)
    weight_decay = MONITOR_SPECS["weight_decay"].validate("weight_decay", weight_decay)
    features = polynomial_features(data.x, degree)
    penalised = np.ones(degree + 1)
    penalised[0] = 0.0

    def loss_and_gradient(theta):
        residual = features @ theta - data.y
        value = float(residual @ residual) / residual.size
        grad = features.T @ residual * (2.0 / residual.size) + 2.0 * weight_decay * penalised * theta
        return value, grad

    run = descend("mse", loss_and_gradient, degree + 1, optimizer=optimizer, lr=lr, momentum=momentum,
                  epochs=epochs)
    with np.errstate(over="ignore", invalid="ignore"):
        val_residual = run.params @ polynomial_features(data.x_val, degree).T - data.y_val
        val_values = np.mean(np.square(val_residual), axis=1)
    return replace(run, val_values=val_values)


def monitor_fits(run: History, best_epoch: int, points: int = 200) -> dict:
    """The true curve and the polynomial `run`'s fits at `best_epoch` and at its last epoch, on `points` x in
    [-1, 1]."""
    grid = np.linspace(-1.0, 1.0, points)
    features = polynomial_features(grid, run.params.shape[1] - 1)
    return {"x": grid, "truth": true_curve(grid), "best": features @ run.params[best_epoch],
            "last": features @ run.params[-1]}


def monitor_csv(run: History, settings: dict[str, str] | None = None) -> str:
    """The polynomial `run` as CSV (train.history_csv), its coefficients headed c0 ... c<degree>."""
    return history_csv([run], tuple(f"c{index}" for index in range(run.params.shape[1])), settings)


def stopping(run: History, patience: int) -> tuple[int, int | None]:
    """(best epoch, early-stopping epoch) of `run`: no stop for a run that diverged, which is reported
    as diverged (its lowest validation loss still marks the best epoch)."""
    if run.diverged_at is None:
        return early_stopping(run.val_values, patience)
    return early_stopping(run.val_values[:run.diverged_at], patience)[0], None


def early_stopping(val_values: np.ndarray, patience: int) -> tuple[int, int]:
    """(best epoch, stop epoch) of early stopping: training stops once `patience` epochs in a row
    have brought no new lowest validation loss, and keeps the model of the best epoch. Without a
    stop, the stop epoch is the last one."""
    patience = MONITOR_SPECS["patience"].validate("patience", patience)
    best = 0
    for epoch in range(1, len(val_values)):
        if val_values[epoch] < val_values[best]:
            best = epoch
        elif epoch - best >= patience:
            return best, epoch
    return best, len(val_values) - 1


DIAGNOSES = ("underfitting", "good_fit", "overfitting", "training_problem")
UNDERFIT_EXCESS = 0.05  # training MSE this far above the noise variance: the model misses the curve itself
OVERFIT_RISE = 1.2  # final validation loss this many times its lowest: the model got worse as it trained on


@dataclass(frozen=True)
class Diagnosis:
    """What a pair of training curves says, with the numbers behind it."""

    kind: str
    best_epoch: int
    best_val: float
    final_val: float
    final_train: float
    start_train: float
    diverged_at: int | None
    noise_floor: float  # the noise variance: the lowest mean squared error any model can expect


def diagnose(run: History, noise: float) -> Diagnosis:
    """The diagnosis of a training run from its own numbers, in this order:

    - training problem: the run diverged, or its training loss ended no lower than it started
      (both curves rising: the learning rate, not the model);
    - overfitting: the validation loss ended at least OVERFIT_RISE times its lowest value;
    - underfitting: the training loss stayed UNDERFIT_EXCESS or more above the noise variance;
    - good fit otherwise.
    """
    values, val_values = run.values, run.val_values
    best = int(np.argmin(val_values))
    numbers = {"best_epoch": best, "best_val": float(val_values[best]), "final_val": float(val_values[-1]),
               "final_train": float(values[-1]), "start_train": float(values[0]), "diverged_at": run.diverged_at,
               "noise_floor": noise**2}
    if run.diverged_at is not None or values[-1] >= values[0]:
        kind = "training_problem"
    elif val_values[-1] >= OVERFIT_RISE * val_values[best]:
        kind = "overfitting"
    elif values[-1] - noise**2 >= UNDERFIT_EXCESS:
        kind = "underfitting"
    else:
        kind = "good_fit"
    return Diagnosis(kind, **numbers)


def monitor_sentences(diagnosis: Diagnosis, stop: tuple[int, int | None], patience: int,
                      last_epoch: int) -> list[Sentence]:
    """The diagnosis and what early stopping would do, as sentences with their numbers (a diverged
    run is said to have diverged, where early stopping has nothing to say)."""
    best_epoch, stop_epoch = stop
    kind = "diverged" if diagnosis.diverged_at is not None else diagnosis.kind
    said = [Sentence(f"landscape.monitor.verdict.{kind}", {
        "final_train": f"{diagnosis.final_train:.3g}", "start_train": f"{diagnosis.start_train:.3g}",
        "final_val": f"{diagnosis.final_val:.3g}", "best_val": f"{diagnosis.best_val:.3g}",
        "diverged_at": diagnosis.diverged_at, "best_epoch": diagnosis.best_epoch,
        "floor": f"{diagnosis.noise_floor:.3g}"})]
    if stop_epoch is not None and math.isfinite(diagnosis.final_val) and diagnosis.final_val > 0:
        share = diagnosis.best_val / diagnosis.final_val
        said.append(Sentence("landscape.monitor.best", {"epoch": diagnosis.best_epoch, "share": f"{share:.2g}"}))
        key = "landscape.monitor.stops" if stop_epoch < last_epoch else "landscape.monitor.no_stop"
        said.append(Sentence(key, {"patience": patience, "stop": stop_epoch, "best": best_epoch}))
    return said


def rule(lang: str, patience: int) -> str:
    """The diagnosis's rule (diagnose) and early stopping's, in `lang`, with their thresholds."""
    return translate(lang, "landscape.monitor_rule", rise=f"{OVERFIT_RISE:g}", excess=f"{UNDERFIT_EXCESS:g}",
                     patience=patience)


# The diagnosis table's presets: settings that produce each diagnosis (tests/unit/test_landscape.py)
PRESETS = {
    "underfitting": {"degree": 1, "train_points": 100, "noise": 0.2, "weight_decay": 0.0, "optimizer": "adam",
                     "lr": 0.05, "epochs": 500},
    "good_fit": {"degree": 6, "train_points": 100, "noise": 0.2, "weight_decay": 0.0, "optimizer": "adam",
                 "lr": 0.05, "epochs": 1000},
    "overfitting": {"degree": 15, "train_points": 25, "noise": 0.3, "weight_decay": 0.0, "optimizer": "adam",
                    "lr": 0.01, "epochs": 2000},
    "training_problem": {"degree": 6, "train_points": 100, "noise": 0.2, "weight_decay": 0.0, "optimizer": "gd",
                         "lr": 2.0, "epochs": 200},
}

# a preset's words for the lab's settings (its URL keys) where they differ
PRESET_KEYS = {"noise": "curve_noise", "lr": "monitor_lr", "epochs": "monitor_epochs"}


def preset_settings(kind: str) -> dict:
    """The lab's settings (its URL keys) that the diagnosis `kind`'s button sets (PRESETS)."""
    return {PRESET_KEYS.get(key, key): value for key, value in PRESETS[kind].items()}


@lru_cache(maxsize=32)
def curve_set(curve: tuple) -> CurveData:
    """The monitor's points for the settings `curve` (train_points, curve_noise, seed)."""
    values = dict(curve)
    return curve_data(train_points=values["train_points"], noise=values["curve_noise"], seed=values["seed"])


def polynomial_fit(curve: tuple, fit: tuple) -> History:
    """The polynomial trained on the monitor's points, per (curve settings, fit settings)."""
    values = dict(fit)
    return train_polynomial(curve_set(curve), degree=values["degree"], weight_decay=values["weight_decay"],
                            optimizer=values["optimizer"], lr=values["monitor_lr"], momentum=values["momentum"],
                            epochs=values["monitor_epochs"])


def monitored(settings, compute) -> tuple:
    """The monitor's points and the polynomial trained on them, as the page draws them and a lesson
    reads them; `compute`: the page's cache or a plain call."""
    curve = settings.group("curve")
    return compute(curve_set, curve, entries=32), compute(polynomial_fit, curve, settings.group("fit"))
