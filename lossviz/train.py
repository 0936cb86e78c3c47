"""Training loops that return their whole run as a History, for charts and playback.

A linear model y = x @ w + b is fitted by full-batch gradient descent on a regression loss.
Every loss starts from the same point (all zeros), so runs differ only by their loss.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np

from lossviz import losses, optim
from lossviz.data import CLASSIFICATION_SPECS, VALIDATION_SHARE, RegressionData, classification_data, regression_data
from lossviz.gallery import drag_stops
from lossviz.losses import ParamSpec
from lossviz.losses.regression import RegressionLoss
from lossviz.metrics import binary_report, multiclass_report
from lossviz.tables import csv_text

TRAINING_SPECS = {"epochs": ParamSpec(default=300, min=10, max=2000, step=10, integer=True,
                                      help="Passes over the data.")}
# A run has diverged once its loss is not finite or has grown this many times beyond its start.
DIVERGENCE_FACTOR = 1e6
SWEEP_FRACTIONS = tuple(np.round(np.linspace(0.0, 0.5, 11), 2))
SCORES_PER_CHUNK = 32_768  # scores per vectorized pass over many models: its arrays (256 KB) stay in cache


@dataclass(frozen=True)
class History:
    """One training run: the loss and the parameters at the start of every epoch and at the end.

    `params` rows are (w_1, ..., w_d, b). A diverged run stops early: `diverged_at` is the
    epoch whose loss was not finite or exploded, and the arrays end just before it.
    """

    loss: str
    values: np.ndarray
    params: np.ndarray
    diverged_at: int | None = None
    val_values: np.ndarray | None = None  # classifiers: the validation loss at every epoch

    @property
    def epochs_run(self) -> int:
        return len(self.values) - 1

    @property
    def slopes(self) -> np.ndarray:
        return self.params[-1, :-1]

    @property
    def intercept(self) -> float:
        return float(self.params[-1, -1])

    def relative_values(self) -> np.ndarray:
        """The loss per epoch divided by its starting value, so losses of any scale compare."""
        start = self.values[0]
        return self.values / start if start > 0 else self.values.copy()


def design_matrix(x: np.ndarray) -> np.ndarray:
    """The features with a column of ones appended, so the intercept is one more weight."""
    return np.hstack([x, np.ones((x.shape[0], 1))])


def descend(name: str, loss_and_gradient, size: int, *, optimizer: str, lr: float, momentum: float,
            epochs: int, start: np.ndarray | None = None) -> History:
    """Full-batch descent on `size` parameters from `start` (zeros by default), recorded as a History.

    `loss_and_gradient(theta)` gives the mean training loss and its gradient with respect to
    theta. The run stops at the first epoch whose loss is not finite or has grown
    DIVERGENCE_FACTOR times beyond its start in size.
    """
    epochs = TRAINING_SPECS["epochs"].validate("epochs", epochs)
    stepper = optim.make(optimizer, lr=lr, momentum=momentum)
    theta = np.zeros(size) if start is None else np.array(start, dtype=np.float64)
    values, params = np.empty(epochs + 1), np.empty((epochs + 1, size))
    limit = math.inf
    with np.errstate(over="ignore", invalid="ignore"):
        for epoch in range(epochs + 1):
            value, grad = loss_and_gradient(theta)
            if not abs(value) <= limit:  # also catches NaN
                return History(name, values[:epoch].copy(), params[:epoch].copy(), diverged_at=epoch)
            values[epoch] = value
            params[epoch] = theta
            if epoch == 0 and value != 0:  # a typed loss may be negative: its size counts
                limit = DIVERGENCE_FACTOR * abs(value)
            if epoch < epochs:
                stepper.step(theta, grad)
    return History(name, values, params)


def train_linear(loss: RegressionLoss, data: RegressionData, *, optimizer: str = "gd", lr: float = 0.05,
                 momentum: float = 0.9, epochs: int = 300, start: np.ndarray | None = None) -> History:
    """Fit y = x @ w + b to `data` by minimising `loss` with full-batch `optimizer` steps from
    `start` ((w, b), zeros by default)."""
    if not isinstance(loss, RegressionLoss):
        raise ValueError(f"train_linear needs a regression loss; got {getattr(loss, 'name', type(loss).__name__)}")
    features = design_matrix(data.x)
    features_t = np.ascontiguousarray(features.T)

    def loss_and_gradient(theta):
        residual = np.dot(features, theta)  # np.dot: less overhead than @ on small arrays
        residual -= data.y
        value, slope = loss.value_and_slope(residual, data.y)
        return value, np.dot(features_t, slope)

    return descend(loss.name, loss_and_gradient, features.shape[1], optimizer=optimizer, lr=lr, momentum=momentum,
                   epochs=epochs, start=start)


SWITCH_SPEC = ParamSpec(default=50, min=10, max=1990, step=10, integer=True,
                        help="The epoch at which the run changes its loss.")
SWITCH_EPOCHS = 20  # a switched run's fewest epochs: at least ten before the switch and ten after


def latest_switch(epochs: int) -> int:
    """The latest epoch a run of `epochs` may switch its loss at: ten epochs at least after it."""
    return epochs - SWITCH_SPEC.min


def switch_epoch(switch_at: int, epochs: int) -> int:
    """The epoch a run of `epochs` switches at when asked for `switch_at` (at most latest_switch)."""
    return min(SWITCH_SPEC.validate("switch_at", switch_at), latest_switch(epochs))


def switched_fit(first: RegressionLoss, then: RegressionLoss, data: RegressionData, *, switch_at: int,
                 optimizer: str = "gd", lr: float = 0.05, momentum: float = 0.9, epochs: int = 300) -> History:
    """A line fitted with `first` for `switch_at` epochs, then with `then` from where it stood for the
    rest of `epochs` (its optimizer starts afresh, as after a change of loss in code), as one History
    named after `then`: each epoch's value is the loss it minimised then, so the curve jumps at the switch.
    The switch comes at least ten epochs before the end (SWITCH_SPEC)."""
    epochs = TRAINING_SPECS["epochs"].validate("epochs", epochs)
    if epochs < SWITCH_EPOCHS:
        raise ValueError(f"a switch of loss needs at least {SWITCH_EPOCHS} epochs (ten on each side); got {epochs:g}")
    switch_at = switch_epoch(switch_at, epochs)
    steps = {"optimizer": optimizer, "lr": lr, "momentum": momentum}
    head = train_linear(first, data, epochs=switch_at, **steps)
    if head.diverged_at is not None:
        return replace(head, loss=then.name)
    tail = train_linear(then, data, epochs=epochs - switch_at, start=head.params[-1], **steps)
    return History(then.name, np.concatenate([head.values[:-1], tail.values]),
                   np.concatenate([head.params[:-1], tail.params]),
                   diverged_at=None if tail.diverged_at is None else switch_at + tail.diverged_at)


def switch_trio(first: RegressionLoss, then: RegressionLoss, data: RegressionData, *, switch_at: int,
                **training) -> tuple[History, History, History]:
    """The switch experiment on one data set: switched_fit, `then` alone and `first` alone, all for
    the same epochs from the same start."""
    return (switched_fit(first, then, data, switch_at=switch_at, **training), train_linear(then, data, **training),
            train_linear(first, data, **training))


def switch_relative(switched: History, first_start: float, then_start: float, switch_at: int) -> History:
    """`switched` (switched_fit) with each epoch's value divided by the start value of the loss it
    measures then (`first_start` before the switch, `then_start` after, each loss at the run's
    start): before the switch its curve compares with the first loss alone, after it with the second."""
    scale = np.where(np.arange(switched.values.size) < switch_at, first_start or 1.0, then_start or 1.0)
    return replace(switched, values=switched.values / scale)


LINE_PARAMS = ("slope", "intercept")  # a History's params of a line fitted to one feature
BOUNDARY_PARAMS = ("weight_x1", "weight_x2", "bias")  # of a binary linear classifier on two features


def history_csv(histories: list[History], param_names: tuple[str, ...] = LINE_PARAMS,
                settings: dict[str, str] | None = None) -> str:
    """The runs as CSV: one row per epoch; each run's loss, validation loss where it has one, and
    parameters under `param_names` (empty once diverged). `settings` (the page's URL query) head the
    file as a comment line, so the file says how to reproduce it."""
    validated = [history.val_values is not None for history in histories]
    columns = [["loss", *(["validation_loss"] if has_validation else []), *param_names]
               for has_validation in validated]
    header = ["epoch", *(f"{history.loss}_{column}" for history, names in zip(histories, columns, strict=True)
                         for column in names)]
    rows = []
    for epoch in range(max((history.epochs_run + 1 for history in histories), default=0)):
        row = [epoch]
        for history, names, has_validation in zip(histories, columns, validated, strict=True):
            if epoch <= history.epochs_run:
                values = (history.values[epoch], *([history.val_values[epoch]] if has_validation else []),
                          *history.params[epoch])
                row += [f"{value:.10g}" for value in values]
            else:
                row += [""] * len(names)
        rows.append(row)
    return csv_text(header, rows, settings)


def influence(loss: RegressionLoss, data: RegressionData, params: np.ndarray) -> np.ndarray:
    """How hard each point pulls on the fit with parameters `params`: |d loss_i / d y_pred_i|.

    The gradient of every weight is a sum of these pulls times the point's features, so a loss
    whose pull stays bounded (MAE, Huber) cannot be dragged far by a few distant points.
    """
    residual = design_matrix(data.x) @ params - data.y
    _, slope = loss.value_and_slope(residual, data.y)
    return np.abs(slope) * slope.size


def parameter_error(history: History, data: RegressionData) -> dict[str, float]:
    """Distance of the final fit from the true line: slopes, intercept, and both together."""
    slope_error = float(np.linalg.norm(history.slopes - data.slopes))
    intercept_error = abs(history.intercept - data.intercept)
    return {"slope": slope_error, "intercept": intercept_error, "total": math.hypot(slope_error, intercept_error)}


NO_VALUE = "—"


def error_rows(data: RegressionData, histories: list[History]) -> list[dict]:
    """Each run's final distance from the true line, one row per loss (columns: loss, slope,
    intercept; and diverged, the epoch or "—", when some run diverged). A diverged run has no
    final fit: its errors are "—"."""
    any_diverged = any(history.diverged_at is not None for history in histories)
    rows = []
    for history in histories:
        error = parameter_error(history, data)
        row = {"loss": history.loss, "slope": error["slope"], "intercept": error["intercept"]}
        if history.diverged_at is not None:
            row.update(slope=NO_VALUE, intercept=NO_VALUE)
        if any_diverged:
            row["diverged"] = NO_VALUE if history.diverged_at is None else str(history.diverged_at)
        rows.append(row)
    return rows


def not_converging(history: History) -> bool:
    """A run that finished without diverging but ended no lower than it started (it oscillates)."""
    return history.diverged_at is None and history.values[-1] >= history.values[0]


SWEEP_SEEDS = 5  # data sets per sweep point (consecutive seeds): a mean, a spread, and a verdict from both
SWEEP_MAX_EPOCHS = 300  # per run of a sweep: every lab model settles well within it, and a sweep stays a few seconds


def sweep_training(training: dict) -> dict:
    """The training settings of a sweep's runs: the lab's, with at most SWEEP_MAX_EPOCHS epochs."""
    return {**training, "epochs": min(training.get("epochs", SWEEP_MAX_EPOCHS), SWEEP_MAX_EPOCHS)}


class SeedTable:
    """A measure over sweep points and seeds, `values[point, seed]`, NaN where a run diverged."""

    def __init__(self, values: np.ndarray):
        self.values = values

    @property
    def runs(self) -> np.ndarray:
        """Runs that finished, per point."""
        return np.sum(~np.isnan(self.values), axis=-1)

    @property
    def lost(self) -> np.ndarray:
        """Runs that did not finish (diverged), per point."""
        return self.values.shape[-1] - self.runs

    @property
    def mean(self) -> np.ndarray:
        """Mean over the finished runs of each point (NaN where none finished)."""
        total = np.where(np.isnan(self.values), 0.0, self.values).sum(axis=-1)
        return np.divide(total, self.runs, out=np.full(total.shape, np.nan), where=self.runs > 0)

    @property
    def spread(self) -> np.ndarray:
        """Standard deviation over the finished runs of each point (0 for a single run)."""
        centred = np.where(np.isnan(self.values), 0.0, self.values - self.mean[..., None])
        return np.sqrt(np.divide((centred ** 2).sum(axis=-1), np.maximum(self.runs - 1, 1)))


# What the fits behind a dragged slider's frames may cost: point-epochs, an epoch counted as a
# thousand points more (its fixed overhead), about 0.6 s on the project's machine (docs/PERFORMANCE.md)
DRAG_WORK = 80_000_000
DRAG_STOP_COUNTS = (41, 21, 11)  # tried in turn: the most stops whose fits stay within DRAG_WORK


def fit_work(data_settings: dict, losses_count: int, training: dict) -> float:
    """The cost of fitting `losses_count` lines to the data of these settings, in DRAG_WORK's units."""
    return losses_count * training["epochs"] * (data_settings["n"] + 1000)


def with_setting(data_settings: dict, configured: dict[str, dict], training: dict, key: str, value):
    """The three groups of a lab's settings (data, {loss: params}, training) with `key` (a data or
    training setting, or "<loss>.<parameter>") set to `value`."""
    if key in data_settings:
        return {**data_settings, key: value}, configured, training
    if key in training:
        return data_settings, configured, {**training, key: value}
    name, param = key.rsplit(".", 1)
    return data_settings, {**configured, name: {**configured[name], param: value}}, training


def affordable_stops(spec: ParamSpec, data_settings: dict, configured: dict[str, dict], training: dict,
                     key: str) -> list[float]:
    """The stops of setting `key` (over `spec`) at which a dragged slider's chart can hold fits:
    the most of DRAG_STOP_COUNTS whose fits together cost at most DRAG_WORK; none beyond it."""
    for most in DRAG_STOP_COUNTS:
        stops = drag_stops(spec, most)
        work = 0.0
        for stop in stops:
            data_at, _, training_at = with_setting(data_settings, configured, training, key, stop)
            work += fit_work(data_at, len(configured), training_at)
        if work <= DRAG_WORK:
            return stops
    return []


def fits_along(data_settings: dict, configured: dict[str, dict], training: dict, key: str, stops,
               pull_of: str | None = None) -> list[tuple[RegressionData, list[History], np.ndarray | None]]:
    """The regression lab's data, each configured loss's line and the points' pulls (influence) under
    loss `pull_of` (None: no pulls) with setting `key` at each of `stops` (with_setting), the others
    as given: what a dragged slider's chart holds."""
    fits = []
    for stop in stops:
        data, losses_at, training_at = with_setting(data_settings, configured, training, key, stop)
        points = regression_data(**data)
        pulls = None if pull_of is None else influence(losses.get(pull_of, **losses_at[pull_of]), points,
                                                        points.true_params)
        fits.append((points, [train_linear(losses.get(name, **params), points, **training_at)
                              for name, params in losses_at.items()], pulls))
    return fits


@dataclass(frozen=True)
class Sweep:
    """Parameter errors of each loss against the outlier fraction, over SWEEP_SEEDS data sets.

    `error[measure][loss]` is a SeedTable for each measure of parameter_error ("slope",
    "intercept", "total"); a diverged run is NaN there and counted in `diverged[loss]`.
    """

    fractions: tuple[float, ...]
    seeds: int
    error: dict[str, dict[str, SeedTable]]
    diverged: dict[str, np.ndarray]


ERROR_MEASURES = ("total", "slope", "intercept")
OUTLIER_SWEEP_VARIES = ("outlier_fraction",)  # data settings the sweep sets itself


def outlier_sweep(configured: list[RegressionLoss], data_settings: dict, training: dict,
                  fractions=SWEEP_FRACTIONS, seeds: int = SWEEP_SEEDS, on_progress=None) -> Sweep:
    """Train every loss on data with each outlier fraction and seed (the other data settings fixed).

    `on_progress(done, total, fraction, seed)` is called before each data set's runs."""
    table = np.full((len(ERROR_MEASURES), len(configured), len(fractions), seeds), np.nan)
    first_seed, training = data_settings.get("seed", 0), sweep_training(training)
    for row, fraction in enumerate(fractions):
        for seed in range(seeds):
            if on_progress is not None:
                on_progress(row * seeds + seed, len(fractions) * seeds, fraction, seed)
            data = regression_data(**{**data_settings, "outlier_fraction": fraction,
                                      "seed": (first_seed + seed) % 10_000})
            for column, loss in enumerate(configured):
                history = train_linear(loss, data, **training)
                if history.diverged_at is None:
                    error = parameter_error(history, data)
                    table[:, column, row, seed] = [error[measure] for measure in ERROR_MEASURES]
    return Sweep(tuple(float(f) for f in fractions), seeds,
                 {measure: {loss.name: SeedTable(table[index, column]) for column, loss in enumerate(configured)}
                  for index, measure in enumerate(ERROR_MEASURES)},
                 {loss.name: np.sum(np.isnan(table[0, column]), axis=-1) for column, loss in enumerate(configured)})


# --- Classification: logistic and softmax regression ------------------------------------------

BINARY_METHODS = ("bce", "weighted_bce", "focal", "hinge", "smoothed_bce")
MULTICLASS_METHODS = ("cce", "weighted_cce", "softmax_focal", "poly1")
# The registry loss behind each method and which of its parameters the method exposes.
METHOD_LOSSES = {
    "bce": ("bce", ()), "weighted_bce": ("bce", ("pos_weight",)), "focal": ("focal", ("alpha", "gamma")),
    "hinge": ("hinge", ()), "smoothed_bce": ("cce", ("label_smoothing",)),
    "cce": ("cce", ()), "weighted_cce": ("cce", ()), "softmax_focal": ("softmax_focal", ("gamma",)),
    "poly1": ("poly1", ("epsilon",)),
}


@dataclass(frozen=True)
class Objective:
    """A classification method: a registry loss and how it reads the model's scores.

    Binary models output one score per point (a logit or, for hinge, a margin); smoothed BCE is
    two-class cross-entropy with label smoothing on the logits (0, score), which is BCE with
    soft targets. Multi-class models output one logit per class.
    """

    method: str
    loss: object

    @property
    def binary(self) -> bool:
        """One score per point (every method but the multi-class ones, and a loss typed in the workbench)."""
        return self.method not in MULTICLASS_METHODS

    def value_and_gradient(self, labels: np.ndarray, scores: np.ndarray) -> tuple[float, np.ndarray]:
        """Mean loss and its gradient with respect to the scores."""
        if self.method == "smoothed_bce":
            value, grad = self.loss.value_and_gradient(labels, self._two_class_logits(scores))
            return value, grad[:, 1] - grad[:, 0]
        return self.loss.value_and_gradient(labels, scores)

    def elementwise(self, labels: np.ndarray, scores: np.ndarray) -> np.ndarray:
        """The loss of every point (labels as the method reads them: 0/1, or class indices)."""
        if self.method == "smoothed_bce":
            return self.loss.elementwise(labels.astype(np.intp), self._two_class_logits(scores))
        return self.loss.elementwise(labels, scores)

    def mean_per_model(self, labels: np.ndarray, scores: np.ndarray) -> np.ndarray:
        """The mean loss of each model whose scores on the points are `scores[k]`.

        One vectorized pass in chunks of about SCORES_PER_CHUNK scores, instead of a call per
        model: a run's validation loss at every epoch costs a fraction of an epoch loop.
        """
        if not len(scores):
            return np.empty(0)
        models = max(1, SCORES_PER_CHUNK // max(int(np.prod(scores.shape[1:])), 1))
        tiled = np.tile(labels, min(models, len(scores)))  # the labels of a whole chunk, sliced for the last
        sums = []
        for start in range(0, len(scores), models):
            chunk = scores[start:start + models]  # (models, points[, classes])
            per_point = self.elementwise(tiled[:len(chunk) * labels.size], chunk.reshape(-1, *scores.shape[2:]))
            per_model = per_point.reshape(chunk.shape[:2])
            sums.append(per_model.sum(axis=1))
        return np.concatenate(sums) / self.loss.reduction_weight(labels, per_model[0])  # as forward reduces

    @staticmethod
    def _two_class_logits(scores):
        return np.stack([np.zeros_like(scores), scores], axis=-1)


def objective(method: str, params: dict, labels: np.ndarray | None = None) -> Objective:
    """The Objective of `method` with its exposed `params`.

    weighted_cce weighs each class by n / (C n_c) of `labels` (the training labels), and
    weighted_bce without a pos_weight (or with None) uses n_negative / n_positive of them.
    """
    if method not in METHOD_LOSSES:
        raise ValueError(f"unknown method {str(method)[:40]!r}; choose one of {', '.join(METHOD_LOSSES)}")
    name, exposed = METHOD_LOSSES[method]
    unknown = sorted(set(params) - set(exposed))
    if unknown:
        raise ValueError(f"{method} has no parameter(s) {', '.join(unknown)}")
    settings = dict(params)
    if name != "hinge":
        settings["from_logits"] = True
    if method == "weighted_bce" and settings.get("pos_weight") is None:  # "auto": balance the classes
        settings["pos_weight"] = min(balancing_pos_weight(labels), 1000.0)
    if method == "weighted_cce":
        counts = np.bincount(labels)
        settings["class_weight"] = tuple(labels.size / (counts.size * np.maximum(counts, 1)))
    return Objective(method, losses.get(name, **settings))


def balancing_pos_weight(labels: np.ndarray) -> float:
    """n_negative / n_positive: the pos_weight that gives both classes the same total weight."""
    positives = int(labels.sum())
    return float((labels.size - positives) / max(positives, 1))


def train_classifier(goal: Objective, data, *, optimizer: str = "adam", lr: float = 0.05, momentum: float = 0.9,
                     epochs: int = 300) -> History:
    """Fit a linear classifier to `data` (a ClassificationData) by full-batch steps from zero.

    Binary methods fit one score x @ w + b; multi-class methods one score per class (softmax
    regression). `params` rows hold the flattened (features + 1, outputs) weights, bias last;
    `val_values` the validation loss at every epoch.
    """
    binary = goal.binary
    outputs = 1 if binary else data.classes
    # binary losses do their arithmetic in float64; labels converted once, not every epoch
    labels, val_labels = (data.y.astype(np.float64), data.y_val.astype(np.float64)) if binary else (data.y, data.y_val)
    features, val_features = design_matrix(data.x), design_matrix(data.x_val)
    features_t = np.ascontiguousarray(features.T)
    shape = (features.shape[1], outputs) if outputs > 1 else (features.shape[1],)

    def loss_and_gradient(theta):
        value, grad = goal.value_and_gradient(labels, features @ theta.reshape(shape))
        return value, (features_t @ grad).reshape(-1)

    history = descend(goal.method, loss_and_gradient, features.shape[1] * outputs, optimizer=optimizer, lr=lr,
                      momentum=momentum, epochs=epochs)
    val_scores = val_features @ history.params.reshape(-1, features.shape[1], outputs)  # (epochs, points, outputs)
    if binary:
        val_scores = val_scores[..., 0]
    return replace(history, val_values=goal.mean_per_model(val_labels, val_scores))


def scores(history: History, x: np.ndarray, epoch: int = -1) -> np.ndarray:
    """The model's scores (logits or margins) for points `x` with the parameters of `epoch`."""
    features = design_matrix(x)
    theta = history.params[epoch]
    outputs = theta.size // features.shape[1]
    return features @ (theta.reshape(features.shape[1], outputs) if outputs > 1 else theta)


def confidence_shares(goals: list[Objective], labels: np.ndarray, scores: np.ndarray,
                      edges=(0.0, 0.25, 0.5, 0.75, 1.0)) -> dict[str, np.ndarray]:
    """Each binary goal's share of its total loss from the points in each p_t bin.

    p_t is the probability the model gives the true class (from the logit `scores`): points with
    p_t near 1 are easy, near 0 badly wrong. Focal loss moves the total towards the hard bins.
    """
    labels = np.asarray(labels, dtype=np.float64)
    sign = 2.0 * labels - 1.0
    with np.errstate(over="ignore"):
        p_t = 1.0 / (1.0 + np.exp(-sign * scores))
    bins = np.clip(np.digitize(p_t, edges[1:-1]), 0, len(edges) - 2)
    shares = {}
    for goal in goals:
        per_point = goal.elementwise(labels, scores)
        totals = np.bincount(bins, weights=per_point, minlength=len(edges) - 1)
        shares[goal.method] = totals / totals.sum() if totals.sum() > 0 else totals
    return shares


def gives_probabilities(method: str) -> bool:
    """Whether a method's scores are logits, whose sigmoid is a probability: not a hinge's margins, nor
    the scores of a loss typed in the workbench, which may mean anything."""
    return method in METHOD_LOSSES and METHOD_LOSSES[method][0] != "hinge"


NO_PROBABILITY = "—"  # the calibration cell of a method whose scores are no probabilities


def method_report(method: str, y_true, scores) -> dict:
    """binary_report of a method's `scores`, its calibration NO_PROBABILITY where they are none."""
    report = binary_report(y_true, scores)
    if not gives_probabilities(method):
        report["calibration_error"] = NO_PROBABILITY
    return report


def report_rows(data, histories: list[History]) -> list[dict]:
    """Each binary classifier's validation metrics and confusion counts (method_report), one row per method."""
    return [{"method": history.loss, **method_report(history.loss, data.y_val, scores(history, data.x_val))}
            for history in histories]


def multiclass_results(data, histories: list[History]) -> tuple[dict[str, np.ndarray], list[dict]]:
    """Each softmax classifier's per-class validation recall ({method: recalls}) and its table rows
    (method, accuracy, and ("class_recall", label) per class)."""
    recalls, rows = {}, []
    for history in histories:
        report = multiclass_report(data.y_val, scores(history, data.x_val))
        recalls[history.loss] = report["recall"]
        rows.append({"method": history.loss, "accuracy": report["accuracy"],
                     **{("class_recall", label): float(value) for label, value in enumerate(report["recall"])}})
    return recalls, rows


IMBALANCE_RATIOS = (1, 3, 10, 30, 100, 300, 1000)
IMBALANCE_SWEEP_VARIES = ("n", "imbalance")  # data settings the sweep sets itself
SWEEP_POINTS = 5000
SWEEP_VALIDATION_MINORITY = 30  # validation minority samples a sweep point aims for, within the n cap


def sweep_points(ratio: float) -> int:
    """The data size of a sweep point at 1:`ratio`: SWEEP_POINTS, or more so that the validation
    split keeps SWEEP_VALIDATION_MINORITY minority samples, up to the data sets' cap on n."""
    needed = math.ceil(SWEEP_VALIDATION_MINORITY / VALIDATION_SHARE * (ratio + 1))
    return int(min(CLASSIFICATION_SPECS["n"].max, max(SWEEP_POINTS, needed)))


@dataclass(frozen=True)
class ImbalanceSweep:
    """Minority recall and PR-AUC on the validation split of each method, and the calibration error
    of each method that gives probabilities (gives_probabilities), per imbalance ratio and seed
    (SeedTables), with the data size and validation minority count behind each ratio."""

    ratios: tuple[int, ...]
    seeds: int
    recall: dict[str, SeedTable]
    pr_auc: dict[str, SeedTable]
    points: tuple[int, ...]
    validation_minority: tuple[int, ...]
    calibration: dict[str, SeedTable]

    def count_rows(self) -> list[dict]:
        """What each ratio's numbers rest on: the data size and the validation minority samples per seed."""
        return [{"ratio": f"1:{ratio:g}", "points": points, "validation_minority": minority}
                for ratio, points, minority in zip(self.ratios, self.points, self.validation_minority, strict=True)]


def imbalance_sweep(methods: list[tuple[str, dict]], data_settings: dict, training: dict,
                    ratios=IMBALANCE_RATIOS, seeds: int = SWEEP_SEEDS, on_progress=None) -> ImbalanceSweep:
    """Train every (method, params) at each imbalance ratio and seed (sweep_points(ratio) samples).

    `on_progress(done, total, ratio, seed)` is called before each data set's runs."""
    recall = {method: np.zeros((len(ratios), seeds)) for method, _ in methods}
    pr_auc = {method: np.zeros((len(ratios), seeds)) for method, _ in methods}
    calibration = {method: np.zeros((len(ratios), seeds)) for method, _ in methods if gives_probabilities(method)}
    first_seed, training = data_settings.get("seed", 0), sweep_training(training)
    minority = []
    for row, ratio in enumerate(ratios):
        for seed in range(seeds):
            if on_progress is not None:
                on_progress(row * seeds + seed, len(ratios) * seeds, ratio, seed)
            data = classification_data(**{**data_settings, "n": sweep_points(ratio), "imbalance": ratio,
                                          "seed": (first_seed + seed) % 10_000})
            for method, params in methods:
                history = train_classifier(objective(method, params, data.y), data, **training)
                report = binary_report(data.y_val, scores(history, data.x_val))
                recall[method][row, seed] = report["recall"]
                pr_auc[method][row, seed] = report["pr_auc"]
                if method in calibration:
                    calibration[method][row, seed] = report["calibration_error"]
        minority.append(int(data.y_val.sum()))
    return ImbalanceSweep(tuple(ratios), seeds, {method: SeedTable(values) for method, values in recall.items()},
                          {method: SeedTable(values) for method, values in pr_auc.items()},
                          tuple(sweep_points(ratio) for ratio in ratios), tuple(minority),
                          {method: SeedTable(values) for method, values in calibration.items()})
