"""The gallery's views: each loss as a 1-D curve of its value and its derivative along the curve.

Every view holds all but one quantity fixed and varies that one over `points` values, evaluated
in one vectorised call (one sample, image, row or triplet per point). The derivative shown is
the total derivative along the curve, so it reads as the slope of the loss curve beside it.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from urllib.parse import urlencode

import numpy as np

from lossviz import losses

# Gallery tasks split classification into binary and multi-class: their curves differ.
TASK_LOSSES = {
    "regression": ("mse", "mae", "huber", "log_cosh", "quantile", "barron"),
    "binary": ("bce", "focal", "hinge"),
    "multiclass": ("cce", "softmax_focal", "poly1"),
    "segmentation": ("dice", "jaccard", "tversky", "dice_bce"),
    "distribution": ("kl",),
    "embedding": ("triplet",),
}
TASK_AXES = {
    "regression": ("residual",),
    "binary": ("proba", "logit"),
    "multiclass": ("proba", "logit"),
    "segmentation": ("proba", "logit"),
    "distribution": ("proba",),
    "embedding": ("distance",),
}
DEFAULT_LOSSES = {
    "regression": ("mse", "mae", "huber"),
    "binary": ("bce", "focal"),
    "multiclass": ("cce", "softmax_focal", "poly1"),
    "segmentation": ("dice", "tversky", "dice_bce"),
    "distribution": ("kl",),
    "embedding": ("triplet",),
}
SCORE_ONLY = frozenset({"hinge"})  # losses of raw scores: no probability view
N_CLASSES = 3
POINTS = 301


@dataclass(frozen=True)
class Curve:
    """One loss along one axis: x, the loss at each x, and d loss / d x."""

    name: str
    x: np.ndarray
    value: np.ndarray
    slope: np.ndarray


def axis_values(task: str, axis: str, points: int = POINTS) -> np.ndarray:
    """The x values of a view (kept off exact 0 and 1 so clamped logs do not flatten the plot)."""
    if axis == "residual":
        return np.linspace(-3.0, 3.0, points)
    if axis == "logit":
        return np.linspace(-6.0, 6.0, points)
    if axis == "distance":  # off 0, where the negative sits on the anchor and the slope's direction is undefined
        return np.linspace(0.02, 4.0, points)
    return np.linspace(0.01, 0.99 if task == "distribution" else 1.0, points)


def supports(name: str, axis: str) -> bool:
    """Whether loss `name` has a curve on `axis` (hinge has no probability input)."""
    return not (name in SCORE_ONLY and axis == "proba")


def configured_loss(name: str, axis: str, params: dict) -> losses.Loss:
    """Loss `name` with numeric `params`, reading logits on the logit axis and probabilities elsewhere."""
    flags = {"from_logits": axis == "logit"} if "from_logits" in losses.loss_class(name).flags else {}
    return losses.get(name, **params, **flags)


def loss_curve(task: str, axis: str, name: str, params: dict, points: int = POINTS,
               x: np.ndarray | None = None) -> Curve:
    """Loss `name` with numeric `params` along the view (`task`, `axis`), at `points` values of
    the view's axis, or at `x` when given."""
    if task not in TASK_LOSSES or name not in TASK_LOSSES[task]:
        raise ValueError(f"loss {name!r} is not in the gallery's {task!r} view")
    if axis not in TASK_AXES[task] or not supports(name, axis):
        raise ValueError(f"loss {name!r} has no {axis!r} view")
    loss = configured_loss(name, axis, params)
    x = axis_values(task, axis, points) if x is None else np.asarray(x, dtype=np.float64)
    points = x.size
    args, direction = _inputs(task, axis, x)
    value = loss.elementwise(*args)
    grads = loss.backward(*args)
    # backward is of the mean over `points` items; the sum over the moved entries of
    # gradient * (d entry / d x) is the slope along the curve
    if task == "embedding":
        slope = np.einsum("ij,ij->i", grads[2], direction) * points
    else:
        slope = (grads * direction).reshape(points, -1).sum(axis=1) * points
    return Curve(name, x, value, slope)


def _inputs(task, axis, x):
    """(arguments of the loss, d y_pred / d x of the same shape as y_pred) for each x."""
    points = x.size
    if task == "regression":  # y_true 0, y_pred = residual
        return (np.zeros(points), x.copy()), np.ones(points)
    if task == "binary":  # a positive example, y_pred = p_t or its logit
        return (np.ones(points), x.copy()), np.ones(points)
    if task == "multiclass":
        targets = np.zeros(points, dtype=np.intp)
        if axis == "logit":  # the true class's logit, the others at 0
            logits = np.zeros((points, N_CLASSES))
            logits[:, 0] = x
            direction = np.zeros_like(logits)
            direction[:, 0] = 1.0
            return (targets, logits), direction
        # p_t on the true class, the rest shared evenly by the other classes
        proba = np.repeat(((1.0 - x) / (N_CLASSES - 1))[:, None], N_CLASSES, axis=1)
        proba[:, 0] = x
        direction = np.full_like(proba, -1.0 / (N_CLASSES - 1))
        direction[:, 0] = 1.0
        return (targets, proba), direction
    if task == "segmentation":
        mask, prediction = segmentation_scene()
        masks = np.repeat(mask[None], points, axis=0)
        if axis == "logit":
            prediction = np.log(prediction / (1.0 - prediction))
        predictions = np.repeat(prediction[None], points, axis=0)
        predictions[:, 2, 2] = x  # one foreground pixel moves, the rest stay
        direction = np.zeros_like(predictions)
        direction[:, 2, 2] = 1.0
        return (masks, predictions), direction
    if task == "distribution":  # target P = (0.3, 0.7), model Q = (q, 1 - q)
        target = np.tile([0.3, 0.7], (points, 1))
        model = np.stack([x, 1.0 - x], axis=1)
        return (target, model), np.tile([1.0, -1.0], (points, 1))
    # embedding: anchor at 0, positive at distance 1, negative at distance x
    anchor = np.zeros((points, 2))
    positive = np.tile([1.0, 0.0], (points, 1))
    negative = np.stack([np.zeros(points), x], axis=1)
    return (anchor, positive, negative), np.tile([0.0, 1.0], (points, 1))


def segmentation_scene():
    """A 6x6 mask with a 2x2 object and a prediction that half finds it (the moving pixel is (2, 2))."""
    mask = np.zeros((6, 6))
    mask[2:4, 2:4] = 1.0
    prediction = np.full((6, 6), 0.1)
    prediction[2:4, 2:4] = 0.6
    return mask, prediction


def curve_inputs(task: str, axis: str, points: int = POINTS):
    """The loss arguments behind every point of a view (for checks against a reference)."""
    return _inputs(task, axis, axis_values(task, axis, points))[0]


def curves_csv(curves: list[Curve], axis_label: str, settings: dict[str, str] | None = None) -> str:
    """The curves as CSV: one row per x, a value and a slope column per loss; `settings` (the
    page's URL query, parameters included) head the file as a comment line."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    if settings:
        buffer.write(f"# settings: {urlencode(settings)}\n")
    writer.writerow([axis_label, *(f"{c.name}{suffix}" for c in curves for suffix in ("", "_slope"))])
    if curves:
        for index, x in enumerate(curves[0].x):
            writer.writerow([f"{x:.6g}", *(f"{v:.10g}" for c in curves for v in (c.value[index], c.slope[index]))])
    return buffer.getvalue()


FOCAL_GAMMAS = (0.0, 0.5, 1.0, 2.0, 5.0)  # the curves of the focal-loss paper's first figure


def focal_family(gammas, points: int = 200) -> tuple[np.ndarray, dict[float, tuple[np.ndarray, np.ndarray]]]:
    """p_t and, for each gamma, the focal loss of one example (alpha off) and its weight (1 - p_t)^gamma.

    gamma = 0 is cross-entropy; Lin et al. 2017, figure 1.
    """
    p_t = np.linspace(0.005, 1.0, points)
    curves = {}
    for gamma in gammas:
        loss = losses.get("focal", alpha=-1.0, gamma=float(gamma))
        curves[float(gamma)] = (loss.elementwise(np.ones(points), p_t), np.power(1.0 - p_t, gamma))
    return p_t, curves
