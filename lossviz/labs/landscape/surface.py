"""The landscape's loss surface: a line's loss over (slope, intercept) on the regression lab's data,
the optimizers' paths across it, and Nesterov's momentum on three losses from one start."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np

from lossviz import losses, optim
from lossviz.datasets import RegressionData, regression_data
from lossviz.i18n.sentence import Name, Sentence
from lossviz.labs.landscape.charts import surface_frames
from lossviz.losses import ParamSpec
from lossviz.losses.regression import RegressionLoss
from lossviz.models import parameter_error, train_linear
from lossviz.state import frozen
from lossviz.training import NO_VALUE, History, history_csv

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


NAG_LOSSES = ("mse", "mae", "huber")  # Nesterov from one start on three losses: how each loss's slope steers momentum


def nag_experiment(chosen: list[RegressionLoss], data: RegressionData, start, *, lr: float, momentum: float,
                   epochs: int) -> list[History]:
    """Nesterov momentum on each of the `chosen` losses, all from the same start, on this data."""
    return [train_linear(loss, data, optimizer="nag", lr=lr, momentum=momentum, epochs=epochs,
                         start=np.asarray(start, dtype=np.float64)) for loss in chosen]


def nag_sentences(runs: list[History], data: RegressionData, *, lr: float, epochs: int) -> list[Sentence]:
    """Which loss's fit ends closest to the true line, and which farthest (diverged runs left out)."""
    distances = {run.loss: parameter_error(run, data)["total"] for run in runs if run.diverged_at is None}
    if not distances:
        return []
    closest, farthest = min(distances, key=distances.get), max(distances, key=distances.get)
    return [Sentence("landscape.nag_result", {
        "closest": Name(closest), "distance": f"{distances[closest]:.2g}", "farthest": Name(farthest),
        "far": f"{distances[farthest]:.2g}", "steps": epochs, "lr": f"{lr:g}"})]


@lru_cache(maxsize=32)
def surface_set(data: tuple) -> RegressionData:
    """The landscape's data: the regression lab's generator, its first feature scaled or not, subsampled."""
    values = dict(data)
    features = values.pop("features")
    return subsample(surface_data(regression_data(**values), features))


def loss_surface(data: tuple, name: str, params: tuple, box: tuple) -> Surface:
    """The surface of loss `name` over `box`, per (data, loss, parameters, box)."""
    return surface(losses.get(name, **dict(params)), surface_set(data), *box)


def optimizer_paths(data: tuple, name: str, params: tuple, path_settings: tuple) -> dict[str, History]:
    """Every optimizer's path on loss `name`, per (data, loss, parameters, path settings)."""
    values = dict(path_settings)
    start = (values.pop("start_slope"), values.pop("start_intercept"))
    return paths(losses.get(name, **dict(params)), surface_set(data), start, **values)


def nag_key(settings) -> tuple:
    """The arguments of nag_runs for the lab's `settings`: its data, NAG_LOSSES with their parameters, its paths."""
    return (settings.group("data"), tuple((name, settings.params_key(name)) for name in NAG_LOSSES),
            settings.group("paths"))


def nag_runs(data: tuple, loss_params: tuple, path_settings: tuple) -> list[History]:
    """Nesterov on each (loss, parameters) of `loss_params` from the paths' start, on the landscape's data."""
    values = dict(path_settings)
    start = (values.pop("start_slope"), values.pop("start_intercept"))
    return nag_experiment([losses.get(name, **dict(params)) for name, params in loss_params], surface_set(data),
                          start, **values)


def lab_paths(settings, compute) -> tuple:
    """The landscape's data and, for each of its two losses (one when both sides show the same), each
    optimizer's path: (data, {loss: {optimizer: History}}), as the page draws them and a lesson reads
    them; `compute`: the page's cache or a plain call."""
    data = compute(surface_set, settings.group("data"), entries=32)
    return data, {name: compute(optimizer_paths, settings.group("data"), name, settings.params_key(name),
                                settings.group("paths")) for name in dict.fromkeys((settings.left, settings.right))}


PREVIEW_GRID = 24  # grid points per side of a dragged slider's surfaces: about a tenth of GRID's work


def surface_preview(data: tuple, setting: str, stops: tuple, sides: tuple, start: tuple, paths_per_side: int,
                    names: tuple, note: str) -> list[dict]:
    """The surface chart along the dragged data `setting` (the others as `data` holds them): each side's
    surface ((loss, parameters) pairs `sides`) on a PREVIEW_GRID grid around `start` and the true line at
    each of `stops`, the paths hidden (charts.surface_frames), per hashable arguments."""
    surfaces, truths = [], []
    for stop in stops:
        points = surface_set(frozen(dict(data) | {setting: stop}))
        box = window([start, tuple(points.true_params)])
        surfaces.append([surface(losses.get(name, **dict(params)), points, *box, grid=PREVIEW_GRID)
                         for name, params in sides])
        truths.append(points.true_params)
    return surface_frames(surfaces, truths, names, note, paths_per_side)
