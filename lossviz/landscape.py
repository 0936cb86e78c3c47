"""The surface a line fit's loss makes over (slope, intercept), the optimizers' paths on it, and the
training monitor: a polynomial that can overfit, its train and validation curves, early stopping
and a diagnosis computed from the curves.

    >>> from lossviz import landscape, losses
    >>> from lossviz.data import regression_data
    >>> data = landscape.surface_data(regression_data(n=200, seed=0), "scaled")
    >>> box = landscape.window([(-2.0, 4.0), tuple(data.true_params)])
    >>> landscape.surface(losses.get("mse"), data, *box).values.shape
    (80, 80)
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np
from numpy.polynomial import legendre

from lossviz import optim
from lossviz.data import REGRESSION_SPECS, RegressionData, checked_settings
from lossviz.losses import ParamSpec
from lossviz.losses.regression import RegressionLoss
from lossviz.sentences import Name, Sentence
from lossviz.train import NO_VALUE, History, descend, history_csv, parameter_error, train_linear

# --- the surface ------------------------------------------------------------------------------

SURFACE_POINTS = 1000  # a surface is the mean over at most this many points: a fixed subsample beyond
GRID = 80  # grid points per side
GRID_CHUNK = 64  # grid lines per pass: a 64 x 1000 residual block (512 KB) stays in cache
FEATURE_SCALES = ("scaled", "unscaled")
UNSCALED = (2.0, 10.0)  # x -> 2 x + 10: x on [4, 16] instead of [-3, 3], slope and intercept now entangled
START_SPECS = {
    "start_slope": ParamSpec(default=-2.0, min=-10.0, max=10.0, step=0.1, help="Slope the optimizers start from."),
    "start_intercept": ParamSpec(default=4.0, min=-10.0, max=10.0, step=0.1,
                                 help="Intercept the optimizers start from."),
}
PATH_EPOCHS = ParamSpec(default=100, min=10, max=500, step=10, integer=True, help="Steps of every optimizer.")


def surface_data(data: RegressionData, features: str) -> RegressionData:
    """The regression data as the surface view fits it: its first feature, scaled as the lab's
    ([-3, 3]), or unscaled (2 x + 10, on [4, 16]), with the true line rewritten for that x."""
    if features not in FEATURE_SCALES:
        raise ValueError(f"features must be one of {', '.join(FEATURE_SCALES)}; got {str(features)[:40]!r}")
    x, slope = data.x[:, :1], float(data.slopes[0])
    if features == "scaled":
        return replace(data, x=x, slopes=np.array([slope]))
    scale, shift = UNSCALED
    # y = s x + b = (s / scale) (scale x + shift) + b - s shift / scale
    return replace(data, x=x * scale + shift, slopes=np.array([slope / scale]),
                   intercept=data.intercept - slope * shift / scale)


def subsample(data: RegressionData, limit: int = SURFACE_POINTS) -> RegressionData:
    """At most `limit` points of `data`, the same ones every time (outliers kept in proportion)."""
    if data.y.size <= limit:
        return data
    keep = np.sort(np.random.default_rng(0).choice(data.y.size, size=limit, replace=False))
    return replace(data, x=data.x[keep], y=data.y[keep], is_outlier=data.is_outlier[keep])


def window(points, pad: float = 0.4, least: float = 1.0) -> tuple[tuple[float, float], tuple[float, float]]:
    """((slope low, high), (intercept low, high)) around `points` (slope, intercept pairs), each
    side padded by `pad` of the box's larger side, and at least `least` wide."""
    slopes, intercepts = np.array(points, dtype=float).T
    margin = max(pad * max(np.ptp(slopes), np.ptp(intercepts)), least / 2)
    return ((float(slopes.min() - margin), float(slopes.max() + margin)),
            (float(intercepts.min() - margin), float(intercepts.max() + margin)))


@dataclass(frozen=True)
class Surface:
    """A loss over a grid of lines: values[i, j] at intercepts[i] and slopes[j] (plotly's z layout)."""

    loss: str
    slopes: np.ndarray
    intercepts: np.ndarray
    values: np.ndarray

    @property
    def lowest(self) -> tuple[float, float]:
        """The grid's lowest point as (slope, intercept)."""
        row, column = np.unravel_index(np.argmin(self.values), self.values.shape)
        return float(self.slopes[column]), float(self.intercepts[row])


def surface(loss: RegressionLoss, data: RegressionData, slope_range, intercept_range, grid: int = GRID) -> Surface:
    """`loss` of the line (slope, intercept) on `data` (one feature) at every point of a grid,
    evaluated with the loss's own elementwise values, in blocks of grid points."""
    if not isinstance(loss, RegressionLoss):
        raise ValueError(f"a surface needs a regression loss of the residual; got {getattr(loss, 'name', loss)!r}")
    x, y = data.x[:, 0], data.y
    slopes = np.linspace(*slope_range, grid)
    intercepts = np.linspace(*intercept_range, grid)
    line_slopes, line_intercepts = (axis.reshape(-1) for axis in np.meshgrid(slopes, intercepts))
    values = np.empty(line_slopes.size)
    zeros = np.zeros((min(GRID_CHUNK, values.size), x.size))
    for start in range(0, values.size, GRID_CHUNK):
        block = slice(start, start + GRID_CHUNK)
        residual = np.multiply.outer(line_slopes[block], x)
        residual += line_intercepts[block, None]
        residual -= y
        # regression losses are functions of the residual alone: their value at (0, r)
        values[block] = loss.elementwise(zeros[:residual.shape[0]], residual).mean(axis=1)
    return Surface(loss.name, slopes, intercepts, values.reshape(grid, grid))


def paths(loss: RegressionLoss, data: RegressionData, start, *, lr: float, momentum: float,
          epochs: int) -> dict[str, History]:
    """Every optimizer of lossviz.optim from the same `start` (slope, intercept) on `loss`, by name."""
    return {name: train_linear(loss, data, optimizer=name, lr=lr, momentum=momentum, epochs=epochs,
                               start=np.asarray(start, dtype=np.float64))
            for name in optim.OPTIMIZERS}


def path_rows(histories: dict[str, dict[str, History]], data: RegressionData) -> list[dict]:
    """One row per (loss, optimizer): the final loss and distance from the true line; and, when some
    path diverged, the epoch it did ("—" for the others, and for a diverged path's end)."""
    any_diverged = any(run.diverged_at is not None for runs in histories.values() for run in runs.values())
    rows = []
    for loss, runs in histories.items():
        for optimizer, history in runs.items():
            diverged = history.diverged_at is not None
            distance = float(np.linalg.norm(history.params[-1] - data.true_params))
            row = {"loss": loss, "optimizer": optimizer,
                   "final_loss": NO_VALUE if diverged else float(history.values[-1]),
                   "distance": NO_VALUE if diverged else distance}
            if any_diverged:
                row["diverged"] = str(history.diverged_at) if diverged else NO_VALUE
            rows.append(row)
    return rows


def paths_csv(histories: dict[str, dict[str, History]], settings: dict[str, str] | None = None) -> str:
    """Every (loss, optimizer) path as CSV, its columns headed `<loss>_<optimizer>_…` (train.history_csv)."""
    return history_csv([replace(history, loss=f"{loss}_{optimizer}") for loss, runs in histories.items()
                        for optimizer, history in runs.items()], settings=settings)


NAG_LOSSES = ("mse", "mae", "huber")  # seed 003's experiment


def nag_experiment(configured: list[RegressionLoss], data: RegressionData, start, *, lr: float, momentum: float,
                   epochs: int) -> list[History]:
    """Seed 003's experiment on this data: Nesterov momentum on each loss from the same start."""
    return [train_linear(loss, data, optimizer="nag", lr=lr, momentum=momentum, epochs=epochs,
                         start=np.asarray(start, dtype=np.float64)) for loss in configured]


def nag_sentences(runs: list[History], data: RegressionData, *, lr: float, epochs: int) -> list[Sentence]:
    """Which loss's fit ends closest to the true line, and which farthest (diverged runs left out)."""
    distances = {run.loss: parameter_error(run, data)["total"] for run in runs if run.diverged_at is None}
    if not distances:
        return []
    closest, farthest = min(distances, key=distances.get), max(distances, key=distances.get)
    return [Sentence("landscape.nag_result", {
        "closest": Name(closest), "distance": f"{distances[closest]:.2g}", "farthest": Name(farthest),
        "far": f"{distances[farthest]:.2g}", "steps": epochs, "lr": f"{lr:g}"})]


# --- the monitor ------------------------------------------------------------------------------

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


def monitor_sentences(diagnosis: Diagnosis, stop: tuple[int, int], patience: int, last_epoch: int) -> list[Sentence]:
    """The diagnosis and what early stopping would do, as sentences with their numbers."""
    best_epoch, stop_epoch = stop
    said = [Sentence(f"monitor.verdict.{diagnosis.kind}", {
        "final_train": f"{diagnosis.final_train:.3g}", "start_train": f"{diagnosis.start_train:.3g}",
        "final_val": f"{diagnosis.final_val:.3g}", "best_val": f"{diagnosis.best_val:.3g}",
        "diverged_at": diagnosis.diverged_at, "best_epoch": diagnosis.best_epoch,
        "floor": f"{diagnosis.noise_floor:.3g}"})]
    if diagnosis.diverged_at is None and math.isfinite(diagnosis.final_val) and diagnosis.final_val > 0:
        share = diagnosis.best_val / diagnosis.final_val
        said.append(Sentence("monitor.best", {"epoch": diagnosis.best_epoch, "share": f"{share:.2g}"}))
        key = "monitor.stops" if stop_epoch < last_epoch else "monitor.no_stop"
        said.append(Sentence(key, {"patience": patience, "stop": stop_epoch, "best": best_epoch}))
    return said


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
