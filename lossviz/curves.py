"""Each loss of the registry seen along one axis (residual, probability, logit, distance, ...): its
value and its slope at every point, the gallery's curves and the workbench's comparisons."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from lossviz import losses
from lossviz.losses import ParamSpec
from lossviz.losses.regression import TRANSITION
from lossviz.numerics import clamped_log
from lossviz.tables import csv_text

# gallery entries that are one registry loss with fixed options: gan per objective
VARIANTS = {f"gan_{objective}": ("gan", {"objective": objective})
            for objective in losses.loss_class("gan").choices["objective"]}


def gallery_task(cls: type[losses.Loss]) -> str:
    """The gallery's task of a loss class: its own, classification split into binary and multi-class
    (their curves differ)."""
    if cls.task == "classification":
        return "multiclass" if cls.multiclass else "binary"
    return cls.task


def entries(cls: type[losses.Loss]) -> tuple[str, ...]:
    """The gallery entries of a loss class: its name, or one per fixed variant (gan per objective)."""
    return tuple(entry for entry, (name, _) in VARIANTS.items() if name == cls.name) or (cls.name,)


TASK_AXES = {
    "regression": ("residual", "log_rate"),
    "binary": ("proba", "logit"),
    "multiclass": ("proba", "logit"),
    "segmentation": ("proba", "logit"),
    "detection": ("offset",),
    "distribution": ("proba",),
    "embedding": ("distance", "cosine"),
    "ranking": ("gap",),
    "generative": ("generator", "discriminator"),  # the player whose loss is drawn against the fake's logit
}
# Every registered loss, in the registry's order, under its gallery task: a new loss is drawn the day it
# is registered.
TASK_LOSSES = {task: tuple(entry for cls in losses.registered() if gallery_task(cls) == task for entry in entries(cls))
               for task in TASK_AXES}
DEFAULT_LOSSES = {
    "regression": ("mse", "mae", "huber"),
    "binary": ("bce", "focal"),
    "multiclass": ("cce", "softmax_focal", "poly1"),
    "segmentation": ("dice", "tversky", "dice_bce"),
    "detection": ("giou", "diou"),
    "distribution": ("kl", "js"),
    "embedding": ("triplet", "contrastive"),
    "ranking": ("margin_ranking", "bpr"),
    "generative": ("gan_non_saturating", "gan_minimax"),
}
# the axes each loss has a curve on, where it is not every axis of its task
LOSS_AXES = {
    **dict.fromkeys(TASK_LOSSES["regression"], ("residual",)),
    "poisson_nll": ("log_rate",),
    # raw scores: no probability view
    **dict.fromkeys(("hinge", "soft_margin", "squared_hinge", "multilabel_soft_margin", "multi_margin"), ("logit",)),
    **dict.fromkeys(("triplet", "contrastive"), ("distance",)),
    **dict.fromkeys(("cosine_embedding", "info_nce"), ("cosine",)),
}
PAIR_KINDS = {"contrastive": ("similar", "dissimilar"), "cosine_embedding": ("similar", "dissimilar")}
# view settings that are not parameters of the loss: info_nce's number of in-batch negatives
VIEW_PARAMS = {
    ("info_nce", "negatives"): ParamSpec(default=7, min=1, max=63, step=1, integer=True,
                                         help="Negatives in the batch beside the positive."),
}
N_CLASSES = 3
POINTS = 301
POISSON_COUNT = 3.0  # the true count of the Poisson view
DISCRIMINATOR_REAL_LOGIT = 2.0  # the discriminator's view: fairly sure the real sample is real
NEGATIVE_POINTS = 61  # info_nce computes one batch per point: fewer points keep it quick


@dataclass(frozen=True)
class Curve:
    """One loss along one axis: x, the loss at each x, and d loss / d x; `pair` names the pair
    (similar or dissimilar) for losses drawn once per kind of pair."""

    name: str
    x: np.ndarray
    value: np.ndarray
    slope: np.ndarray
    pair: str = ""

    @property
    def key(self) -> str:
        """What tells this curve from the others of a view: the loss, and its pair when it has one."""
        return f"{self.name}.{self.pair}" if self.pair else self.name


def registry_name(entry: str) -> str:
    """The registry loss behind gallery entry `entry` (`gan` for `gan_minimax`)."""
    return VARIANTS.get(entry, (entry, {}))[0]


def entry_param_specs() -> dict:
    """(entry, parameter) -> ParamSpec of every gallery entry: its loss's parameters and its view's. A
    residual where the loss turns linear (Huber's δ, smooth L1's β) goes as far as the residual axis
    reaches: beyond it the curves on the axis would not change."""
    specs = {(entry, key): replace(spec, max=RESIDUAL_REACH) if spec is TRANSITION else spec
             for names in TASK_LOSSES.values() for entry in names
             for key, spec in losses.loss_class(registry_name(entry)).param_specs.items()}
    return {**specs, **VIEW_PARAMS}


RESIDUAL_REACH = 3.0  # the residual axis runs from -3 to 3


def axis_values(task: str, axis: str, points: int = POINTS) -> np.ndarray:
    """The x values of a view (kept off exact 0 and 1 so clamped logs do not flatten the plot)."""
    if axis == "residual":
        return np.linspace(-RESIDUAL_REACH, RESIDUAL_REACH, points)
    if axis in ("logit", "gap", "generator", "discriminator"):
        return np.linspace(-6.0, 6.0, points)
    if axis == "log_rate":  # around log 3, the minimiser
        return np.linspace(-2.0, 4.0, points)
    if axis == "offset":
        return np.linspace(-2.5, 2.5, points)
    if axis == "cosine":  # off ±1, where the moving vector's direction is undefined
        return np.linspace(-0.98, 0.98, points)
    if axis == "distance":  # off 0, where the moving point's direction is undefined
        return np.linspace(0.02, 4.0, points)
    return np.linspace(0.01, 0.99 if task == "distribution" else 1.0, points)


def supports(name: str, axis: str) -> bool:
    """Whether gallery entry `name` has a curve on `axis` (hinge has no probability input)."""
    return axis in LOSS_AXES.get(name, (axis,))


def configured_loss(name: str, axis: str, params: dict) -> losses.Loss:
    """Gallery entry `name` as a loss with numeric `params`, reading logits on the logit axis and
    probabilities elsewhere; view settings in `params` are left out."""
    base, fixed = VARIANTS.get(name, (name, {}))
    cls = losses.loss_class(base)
    options = {key: value for key, value in params.items() if key in cls.param_specs}
    if "from_logits" in cls.flags:
        options["from_logits"] = axis == "logit"
    if base == "gan":
        options["player"] = axis
    return losses.get(base, **options, **fixed)


def loss_curve(task: str, axis: str, name: str, params: dict, points: int = POINTS,
               x: np.ndarray | None = None, pair: str = "") -> Curve:
    """Loss `name` with numeric `params` along the view (`task`, `axis`), at `points` values of
    the view's axis, or at `x` when given; `pair` picks the kind of pair for pair losses."""
    if task not in TASK_LOSSES or name not in TASK_LOSSES[task]:
        raise ValueError(f"loss {name!r} is not in the gallery's {task!r} view")
    if axis not in TASK_AXES[task] or not supports(name, axis):
        raise ValueError(f"loss {name!r} has no {axis!r} view")
    if pair not in PAIR_KINDS.get(name, ("",)):
        raise ValueError(f"loss {name!r} has no {pair!r} pair view")
    loss = configured_loss(name, axis, params)
    if x is None:
        x = axis_values(task, axis, NEGATIVE_POINTS if name == "info_nce" else points)
    x = np.asarray(x, dtype=np.float64)
    value, slope = np.empty(x.size), np.empty(x.size)
    for points_done, (args, directions, per_point) in _batches(task, axis, name, x, pair, params):
        values = loss.elementwise(*args)
        grads = loss.backward(*args)
        grads = grads if isinstance(grads, tuple) else (grads,)
        moved = [(grad, direction) for grad, direction in zip(grads, directions[-len(grads):], strict=True)
                 if direction is not None]
        if per_point:  # one batch for one point: the mean is the value, its derivative the slope
            value[points_done] = values.mean()
            slope[points_done] = sum(float(np.sum(grad * direction)) for grad, direction in moved)
        else:  # one item per point: backward is of the mean over all points
            value[:] = values
            slope[:] = sum((grad * direction).reshape(x.size, -1).sum(axis=1) for grad, direction in moved) * x.size
    return Curve(name, x, value, slope, pair)


def curves_along(task: str, axis: str, name: str, params, key: str, stops) -> list[list[Curve]]:
    """loss_curves of gallery entry `name` with its parameter `key` at each of `stops` (the others as in
    `params`, a dict or (key, value) pairs): what a dragged slider's chart holds."""
    return [loss_curves(task, axis, name, {**dict(params), key: stop}) for stop in stops]


def loss_curves(task: str, axis: str, name: str, params) -> list[Curve]:
    """The curves gallery entry `name` draws on a view (`params`: a dict or (key, value) pairs): one,
    or one per kind of pair."""
    return [loss_curve(task, axis, name, dict(params), pair=pair) for pair in PAIR_KINDS.get(name, ("",))]


def _batches(task, axis, name, x, pair, params):
    """(index, (loss arguments, d argument / d x for each argument or None, per_point)): one batch
    for all points, or (info_nce) one batch per point, whose in-batch negatives are the point."""
    if name == "info_nce":
        for index, similarity in enumerate(x):
            yield index, _info_nce_batch(similarity, int(params.get("negatives", VIEW_PARAMS[name, "negatives"]
                                                                    .default)))
        return
    yield slice(None), (*_inputs(task, axis, name, x, pair), False)


def _info_nce_batch(similarity: float, negatives: int):
    """K + 1 anchors, each at cosine `similarity` to its own positive and orthogonal to the K
    other positives: every row's loss is the same, so the batch's mean is one anchor's loss."""
    rows = negatives + 1
    positives = np.eye(rows, rows + 1)
    side = np.sqrt(1.0 - similarity**2)
    anchors = similarity * positives
    anchors[:, rows] = side
    direction = positives.copy()
    direction[:, rows] = -similarity / side
    return (anchors, positives), (direction, None), True


def _inputs(task, axis, name, x, pair):
    """(arguments of the loss, d argument / d x for each argument or None) for each x, one item per x."""
    points = x.size
    ones, zeros = np.ones(points), np.zeros(points)
    if task == "regression":
        if axis == "log_rate":  # a count of 3 against the predicted log-rate
            return (np.full(points, POISSON_COUNT), x.copy()), (None, ones)
        return (zeros, x.copy()), (None, ones)  # y_true 0, y_pred = residual
    if task == "binary":  # a positive example, y_pred = p_t or its logit
        if name == "multilabel_soft_margin":  # one class per sample
            return (ones[:, None], x[:, None].copy()), (None, ones[:, None])
        return (ones, x.copy()), (None, ones)
    if task == "multiclass":
        return _multiclass_inputs(axis, name, x)
    if task == "segmentation":
        mask, prediction = segmentation_scene()
        masks = np.repeat(mask[None], points, axis=0)
        if axis == "logit":
            prediction = np.log(prediction / (1.0 - prediction))
        predictions = np.repeat(prediction[None], points, axis=0)
        predictions[:, 2, 2] = x  # one foreground pixel moves, the rest stay
        direction = np.zeros_like(predictions)
        direction[:, 2, 2] = 1.0
        return (masks, predictions), (None, direction)
    if task == "detection":  # the unit box and a unit box shifted right by x widths
        truth = np.tile([0.0, 0.0, 1.0, 1.0], (points, 1))
        predicted = truth + np.stack([x, zeros, x, zeros], axis=1)
        return (truth, predicted), (None, np.tile([1.0, 0.0, 1.0, 0.0], (points, 1)))
    if task == "distribution":  # target P = (0.3, 0.7), model Q = (q, 1 - q)
        target = np.tile([0.3, 0.7], (points, 1))
        model = np.stack([x, 1.0 - x], axis=1)
        return (target, model), (None, np.tile([1.0, -1.0], (points, 1)))
    if task == "ranking":  # the preferred item's score x above the other's 0
        if name == "bpr":
            return (x.copy(), zeros), (ones, None)
        return (ones, x.copy(), zeros), (None, ones, None)
    if task == "generative":  # the discriminator's logit on a fake sample; on a real one it is fixed
        return (np.full(points, DISCRIMINATOR_REAL_LOGIT), x.copy()), (None, ones)
    label = ones if pair == "similar" else zeros
    if axis == "cosine":  # x1 = (1, 0); x2 at cosine x from it
        side = np.sqrt(1.0 - x**2)
        first = np.tile([1.0, 0.0], (points, 1))
        second = np.stack([x, side], axis=1)
        return (label, first, second), (None, None, np.stack([ones, -x / side], axis=1))
    if name == "contrastive":  # x1 at the origin, x2 at distance x
        second = np.stack([zeros, x], axis=1)
        return (label, np.zeros((points, 2)), second), (None, None, np.tile([0.0, 1.0], (points, 1)))
    # triplet: anchor at 0, positive at distance 1, negative at distance x
    anchor = np.zeros((points, 2))
    positive = np.tile([1.0, 0.0], (points, 1))
    negative = np.stack([zeros, x], axis=1)
    return (anchor, positive, negative), (None, None, np.tile([0.0, 1.0], (points, 1)))


def _multiclass_inputs(axis, name, x):
    """Three classes, the first true: p_t (the others share 1 - p_t) or its logit (the others at 0).
    nll takes the log of those probabilities."""
    points = x.size
    targets = np.zeros(points, dtype=np.intp)
    if axis == "logit":
        logits = np.zeros((points, N_CLASSES))
        logits[:, 0] = x
        direction = np.zeros_like(logits)
        direction[:, 0] = 1.0
        if name == "nll":  # log-softmax: d log p_j / d z_0 = [j = 0] - p_0
            log_p = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
            return (targets, log_p), (None, direction - np.exp(log_p[:, :1]))
        return (targets, logits), (None, direction)
    proba = np.repeat(((1.0 - x) / (N_CLASSES - 1))[:, None], N_CLASSES, axis=1)
    proba[:, 0] = x
    direction = np.full_like(proba, -1.0 / (N_CLASSES - 1))
    direction[:, 0] = 1.0
    if name == "nll":  # d log p_j / d x = (d p_j / d x) / p_j; at p_t = 1 the others' logs clamp at -100
        positive = proba > 0
        return (targets, clamped_log(proba)), (None, np.divide(direction, proba, out=np.zeros_like(proba),
                                                               where=positive))
    return (targets, proba), (None, direction)


def segmentation_scene():
    """A 6x6 mask with a 2x2 object and a prediction that half finds it (the moving pixel is (2, 2))."""
    mask = np.zeros((6, 6))
    mask[2:4, 2:4] = 1.0
    prediction = np.full((6, 6), 0.1)
    prediction[2:4, 2:4] = 0.6
    return mask, prediction


def curve_inputs(task: str, axis: str, name: str, params: dict | None = None, points: int = POINTS) -> list[tuple]:
    """The loss arguments behind the points of a view, as batches (for checks against a reference):
    one batch per kind of pair, or (info_nce) a few of its one-point batches."""
    x = axis_values(task, axis, points)
    if name == "info_nce":
        return [batch[0] for _, batch in _batches(task, axis, name, x[::points // 6], "", params or {})]
    return [_inputs(task, axis, name, x, pair)[0] for pair in PAIR_KINDS.get(name, ("",))]


def curves_csv(curves: list[Curve], axis_label: str, settings: dict[str, str] | None = None) -> str:
    """The curves as CSV: one row per x, a value and a slope column per loss; `settings` (the
    page's URL query, parameters included) head the file as a comment line."""
    header = [axis_label, *(f"{c.key}{suffix}" for c in curves for suffix in ("", "_slope"))]
    rows = ([f"{x:.6g}", *(f"{v:.10g}" for c in curves for v in (c.value[index], c.slope[index]))]
            for index, x in enumerate(curves[0].x)) if curves else []
    return csv_text(header, rows, settings)
