"""The models the labs train: a line (y = x @ w + b) and linear binary and softmax classifiers
in numpy, by full-batch descent on a registry loss; and a small torch MLP trained on LossViz's own
loss math (through torch_bridge) or on torch's.

torch is imported inside the functions, so importing this module costs nothing until a network
is trained.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from lossviz import losses
from lossviz.datasets import RegressionData, regression_set
from lossviz.losses import ParamSpec
from lossviz.losses.regression import RegressionLoss
from lossviz.metrics import binary_report
from lossviz.training import NO_VALUE, History, descend

# the lab fits a line by its residual: smooth_l1 and gaussian_nll would add a rescaled Huber and MSE,
# and poisson_nll needs counts, so they stay in the gallery
LINE_LOSSES = ("barron", "huber", "log_cosh", "mae", "mse", "quantile")
SCORES_PER_CHUNK = 32_768  # scores per vectorized pass over many models: its arrays (256 KB) stay in cache


def design_matrix(x: np.ndarray) -> np.ndarray:
    """The features with a column of ones appended, so the intercept is one more weight."""
    return np.hstack([x, np.ones((x.shape[0], 1))])


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


def line_fit(data: tuple, name: str, params: tuple, training: tuple) -> History:
    """One loss's line on the data set of settings `data`, per (data, loss, parameters, training): the
    arguments are (key, value) pairs, as Settings.group and Settings.params_key give them."""
    return train_linear(losses.get(name, **dict(params)), regression_set(data), **dict(training))


BOUNDARY_PARAMS = ("weight_x1", "weight_x2", "bias")  # of a binary linear classifier on two features


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


def gives_probabilities(method: str) -> bool:
    """Whether a method's scores are logits, whose sigmoid is a probability: not a hinge's margins, nor
    the scores of a loss typed in the workbench, which may mean anything."""
    return method in METHOD_LOSSES and METHOD_LOSSES[method][0] != "hinge"


def method_report(method: str, y_true, scores) -> dict:
    """binary_report of a method's `scores`, its calibration NO_VALUE where they are none."""
    report = binary_report(y_true, scores)
    if not gives_probabilities(method):
        report["calibration_error"] = NO_VALUE
    return report


def report_rows(data, histories: list[History]) -> list[dict]:
    """Each binary classifier's validation metrics and confusion counts (method_report), one row per method."""
    return [{"method": history.loss, **method_report(history.loss, data.y_val, scores(history, data.x_val))}
            for history in histories]


MLP_SPECS = {
    "hidden": ParamSpec(default=16, min=4, max=64, step=4, integer=True,
                        help="Units in each of the two hidden layers."),
    "epochs": ParamSpec(default=300, min=20, max=1000, step=20, integer=True, help="Full-batch Adam steps."),
}
GRID_POINTS = 60  # per side of the probability map
GRID_MARGIN = 0.3  # beyond the outermost points: no marker sits on the map's edge


@dataclass(frozen=True)
class NetworkRun:
    """A (possibly stopped) MLP run: losses per epoch, validation scores, and scores on a grid."""

    method: str
    values: np.ndarray
    val_values: np.ndarray
    val_scores: np.ndarray
    grid_x: np.ndarray
    grid_y: np.ndarray
    grid_scores: np.ndarray  # (GRID_POINTS, GRID_POINTS): binary score (logit or margin) per grid point
    stopped: bool = False

    def history(self) -> History:
        """The losses as a History (no parameters), for the charts that draw training runs."""
        return History(self.method, self.values, np.zeros((self.values.size, 0)), val_values=self.val_values)


def _network(inputs: int, hidden: int, outputs: int, seed: int):
    import torch

    torch.manual_seed(seed)
    return torch.nn.Sequential(torch.nn.Linear(inputs, hidden), torch.nn.Tanh(), torch.nn.Linear(hidden, hidden),
                               torch.nn.Tanh(), torch.nn.Linear(hidden, outputs)).double()


def _criterion(goal: Objective, bridge: bool):
    """(labels tensor, scores tensor) -> loss tensor, through the bridge or torch's reference."""
    import torch

    from lossviz.torch_bridge import as_module, reference_forward

    module = as_module(goal.loss) if bridge else None

    def criterion(labels, scores):
        if goal.method == "smoothed_bce":  # two-class cross-entropy on logits (0, score)
            scores = torch.stack([torch.zeros_like(scores), scores], dim=1)
        if bridge:
            return module(labels, scores)
        return reference_forward(goal.loss.name, goal.loss.params, labels, scores)

    return criterion


def train_mlp(goal: Objective, data, *, hidden: int = 16, epochs: int = 300, lr: float = 0.02, seed: int = 0,
              bridge: bool = True, report_every: int = 10,
              on_progress: Callable[[int, Callable[[], NetworkRun]], bool] | None = None) -> NetworkRun:
    """Train a 2-hidden-layer tanh MLP with full-batch Adam on a binary `goal`.

    Every `report_every` epochs `on_progress(epoch, partial)` is called, `partial()` giving the
    run so far (marked stopped), for a caller that may be interrupted; when it returns False,
    training stops there. With `bridge` the loss is LossViz's numpy math through
    torch_bridge.as_module, otherwise torch's reference.
    """
    import torch

    torch.set_num_threads(1)  # one core per training: with two slots a visitor cannot take the machine
    if goal.method not in BINARY_METHODS:
        raise ValueError(f"train_mlp trains binary methods ({', '.join(BINARY_METHODS)}); got {goal.method}")
    hidden = MLP_SPECS["hidden"].validate("hidden", hidden)
    epochs = MLP_SPECS["epochs"].validate("epochs", epochs)
    label_dtype = torch.long if goal.method == "smoothed_bce" else torch.float64
    x, x_val = torch.from_numpy(data.x), torch.from_numpy(data.x_val)
    y, y_val = (torch.as_tensor(labels, dtype=label_dtype) for labels in (data.y, data.y_val))
    network = _network(x.shape[1], hidden, 1, seed)
    optimizer = torch.optim.Adam(network.parameters(), lr=lr)
    criterion = _criterion(goal, bridge)
    values, val_values = [], []
    low = np.minimum(data.x.min(axis=0), data.x_val.min(axis=0)) - GRID_MARGIN
    high = np.maximum(data.x.max(axis=0), data.x_val.max(axis=0)) + GRID_MARGIN
    grid_x, grid_y = np.linspace(low[0], high[0], GRID_POINTS), np.linspace(low[1], high[1], GRID_POINTS)
    grid = torch.from_numpy(np.stack(np.meshgrid(grid_x, grid_y), axis=-1).reshape(-1, 2))

    def run(stopped: bool) -> NetworkRun:
        with torch.no_grad():
            val_scores = network(x_val)[:, 0].numpy()
            grid_scores = network(grid)[:, 0].numpy().reshape(GRID_POINTS, GRID_POINTS)
        return NetworkRun(goal.method, np.array(values), np.array(val_values), val_scores, grid_x, grid_y,
                          grid_scores, stopped)

    for epoch in range(epochs):
        optimizer.zero_grad()
        loss = criterion(y, network(x)[:, 0])
        loss.backward()
        optimizer.step()
        values.append(loss.item())
        with torch.no_grad():
            val_values.append(criterion(y_val, network(x_val)[:, 0]).item())
        if on_progress is not None and (epoch + 1) % report_every == 0 and epoch + 1 < epochs \
                and on_progress(epoch + 1, lambda: run(stopped=True)) is False:
            return run(stopped=True)
    return run(stopped=False)
