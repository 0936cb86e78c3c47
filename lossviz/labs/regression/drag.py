"""The regression lab's chart along a dragged slider: the data and every loss's line at the
slider's stops, as many stops as a bounded cost allows, held as animation frames."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from lossviz import bundled, losses
from lossviz.charts.training import held_still
from lossviz.datasets import RegressionData, regression_data, regression_set
from lossviz.labs.regression.charts import fit_frame, points_frames
from lossviz.losses import ParamSpec
from lossviz.models import influence, train_linear
from lossviz.state import frozen
from lossviz.training import History, drag_stops

# What the fits behind a dragged slider's frames may cost: point-epochs, an epoch counted as a
# thousand points more (its fixed overhead), about 0.6 s on the project's machine (docs/PERFORMANCE.md)
DRAG_WORK = 80_000_000
DRAG_STOP_COUNTS = (41, 21, 11)  # tried in turn: the most stops whose fits stay within DRAG_WORK


def fit_work(data_settings: dict, losses_count: int, training: dict) -> float:
    """The cost of fitting `losses_count` lines to the data of these settings, in DRAG_WORK's units
    (a real data set has its own number of points)."""
    source = data_settings.get("data", "synthetic")
    points = data_settings["n"] if source == "synthetic" else bundled.rows(source)
    return losses_count * training["epochs"] * (points + 1000)


def with_setting(data_settings: dict, loss_params: dict[str, dict], training: dict, key: str, value):
    """The three groups of a lab's settings (data, {loss: params}, training) with `key` (a data or
    training setting, or "<loss>.<parameter>") set to `value`."""
    if key in data_settings:
        return {**data_settings, key: value}, loss_params, training
    if key in training:
        return data_settings, loss_params, {**training, key: value}
    name, param = key.rsplit(".", 1)
    return data_settings, {**loss_params, name: {**loss_params[name], param: value}}, training


def affordable_stops(spec: ParamSpec, data_settings: dict, loss_params: dict[str, dict], training: dict,
                     key: str) -> list[float]:
    """The stops of setting `key` (over `spec`) at which a dragged slider's chart can hold fits:
    the most of DRAG_STOP_COUNTS whose fits together cost at most DRAG_WORK; none beyond it."""
    for most in DRAG_STOP_COUNTS:
        stops = drag_stops(spec, most)
        work = 0.0
        for stop in stops:
            data_at, _, training_at = with_setting(data_settings, loss_params, training, key, stop)
            work += fit_work(data_at, len(loss_params), training_at)
        if work <= DRAG_WORK:
            return stops
    return []


def fits_along(data_settings: dict, loss_params: dict[str, dict], training: dict, key: str, stops,
               pull_of: str | None = None) -> list[tuple[RegressionData, list[History], np.ndarray | None]]:
    """The regression lab's data, each loss_params loss's line and the points' pulls (influence) under
    loss `pull_of` (None: no pulls) with setting `key` at each of `stops` (with_setting), the others
    as given: what a dragged slider's chart holds."""
    fits = []
    for stop in stops:
        data, losses_at, training_at = with_setting(data_settings, loss_params, training, key, stop)
        points = regression_data(**data)
        pulls = None if pull_of is None else influence(losses.get(pull_of, **losses_at[pull_of]), points,
                                                       points.true_params)
        fits.append((points, [train_linear(losses.get(name, **params), points, **training_at)
                              for name, params in losses_at.items()], pulls))
    return fits


def data_preview(data: tuple, setting: str, stops: tuple, names: tuple, note: str, pull_of: str,
                 pull_params: tuple) -> list[dict]:
    """The lab's chart along the data `setting` before its fits exist: the data at each of `stops`
    (the other settings as `data` holds them), sized by the pull of loss `pull_of` with `pull_params`
    ("none": not sized), as frames named `names` carrying `note` (charts.points_frames)."""
    sets = [sampled(regression_set(frozen(dict(data) | {setting: stop}))) for stop in stops]
    pulls = None if pull_of == "none" else [influence(losses.get(pull_of, **dict(pull_params)), points,
                                                      points.true_params) for points in sets]
    return points_frames(sets, names, note, pulls)


PREVIEW_POINTS = 400  # points a preview's frame draws at most: 21 stops of 5,000 would weigh megabytes


def sampled(points: RegressionData, most: int = PREVIEW_POINTS) -> RegressionData:
    """An even sample of at most `most` of the points (the data are shuffled), outliers in their share."""
    if points.y.size <= most:
        return points
    keep = np.linspace(0, points.y.size - 1, most).astype(int)
    return replace(points, x=points.x[keep], y=points.y[keep], is_outlier=points.is_outlier[keep])


def pull_preview(data: tuple, loss: str, params: tuple, param: str, stops: tuple, names: tuple,
                 note: str) -> list[dict]:
    """The lab's chart along a loss's dragged `param` before its fits exist: the data of `data`, each
    point sized by its pull (influence at the true line) under `loss` with `params` and `param` at each
    of `stops`, as frames named `names` carrying `note`."""
    points = sampled(regression_set(data))
    pulls = [influence(losses.get(loss, **(dict(params) | {param: stop})), points, points.true_params)
             for stop in stops]
    return points_frames([points] * len(stops), names, note, pulls)


def fit_frames(data: tuple, loss_params: tuple, training: tuple, key: str, stops: tuple, names: tuple,
               pull_of: str) -> list[dict]:
    """The lab's chart at each of `stops` of setting `key` (fits_along), as frames named `names`
    that its drag slider scrubs through; points sized by the pull of loss `pull_of` ("none": not
    sized). Per (data, (loss, params) pairs, training, setting, stops, sizing)."""
    fits = fits_along(dict(data), {name: dict(params) for name, params in loss_params}, dict(training), key, stops,
                      None if pull_of == "none" else pull_of)
    return held_still([fit_frame(name, points, histories, pulls)
                       for name, (points, histories, pulls) in zip(names, fits, strict=True)])
