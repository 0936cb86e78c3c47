"""A typed loss (labs.workbench.expression) as a Loss: drawn, checked against PyTorch and trained next to
the built-in losses. Nothing here is registered: a typed loss lives in the visitor's session only."""

from __future__ import annotations

import itertools
import math
import time
from functools import lru_cache

import numpy as np

from lossviz.curves import Curve, axis_values, loss_curve, supports
from lossviz.datasets import RegressionData, classification_set, regression_set
from lossviz.i18n.sentence import Sentence
from lossviz.labs.workbench.program import Expression
from lossviz.labs.workbench.syntax import PROBABILITY_CLIP, ExpressionError, parse_tree
from lossviz.losses.base import Loss
from lossviz.losses.regression import RegressionLoss
from lossviz.models import Objective, line_fit, train_classifier, train_linear
from lossviz.numerics import sigmoid
from lossviz.training import History

CUSTOM = "custom"  # the typed loss's key in charts, tables and names
# the gallery view each axis variable is drawn on, and the built-in losses it compares with
VIEWS = {"r": ("regression", "residual"), "p": ("binary", "proba"), "z": ("binary", "logit")}
COMPARED = {"regression": ("mse", "mae", "huber", "log_cosh"), "binary": ("bce", "focal", "hinge")}
TRAINED_WITH = {"regression": ("mse", "mae", "huber"), "binary": ("bce", "weighted_bce", "focal")}
COMPILED_KEPT = 64  # typed formulas (or their refusals) the server keeps, shared by every session
RETRY_SECONDS, FAILURES_KEPT = 30.0, 8  # a session's memory of the formulas a worker failed on


# --- the typed loss as a Loss -----------------------------------------------------------------

class TypedLoss(Loss):
    """What every typed loss shares: its compiled expression and the values of its parameters."""

    name = CUSTOM

    def __init__(self, expression: Expression, params: dict):
        super().__init__()
        self.expression, self.values = expression, dict(params)

    @property
    def params(self) -> dict:
        return dict(self.values)


class CustomRegressionLoss(TypedLoss, RegressionLoss):
    """A typed regression loss with its parameter values, for training loops and per-sample tables."""

    def _pointwise(self, r, y_true):
        return self.expression.evaluate(r, self.values, target=y_true)

    def elementwise(self, y_true, y_pred) -> np.ndarray:
        y_true, y_pred = np.asarray(y_true, dtype=np.float64), np.asarray(y_pred, dtype=np.float64)
        return self._pointwise(y_pred - y_true, y_true)[0]

    def backward(self, y_true, y_pred) -> np.ndarray:
        y_true, y_pred = np.asarray(y_true, dtype=np.float64), np.asarray(y_pred, dtype=np.float64)
        return self._pointwise(y_pred - y_true, y_true)[1] / y_pred.size

    def forward(self, y_true, y_pred) -> float:
        return float(np.mean(self.elementwise(y_true, y_pred)))

    def value_and_slope(self, r: np.ndarray, y_true: np.ndarray | None = None) -> tuple[float, np.ndarray]:
        values, slopes = self._pointwise(r, y_true)
        return float(values.mean()), slopes / r.size


class CustomBinaryLoss(TypedLoss):
    """A typed binary loss of p (the probability of the true class) or z (its logit), read from a
    model's logit for class 1: z = s for a positive sample, -s for a negative one."""

    task = "classification"

    def _pointwise(self, labels, scores):
        """Each sample's loss and its derivative with respect to the score."""
        sign = 2.0 * np.asarray(labels, dtype=np.float64) - 1.0
        z = sign * np.asarray(scores, dtype=np.float64)
        if self.expression.axis == "z":
            values, slopes = self.expression.evaluate(z, self.values)
        else:  # p kept off 0 and 1, where a log of it has no finite value
            p = np.clip(sigmoid(z), PROBABILITY_CLIP, 1.0 - PROBABILITY_CLIP)
            values, slopes = self.expression.evaluate(p, self.values)
            slopes *= p * (1.0 - p)
        return values, sign * slopes

    def elementwise(self, y_true, y_pred) -> np.ndarray:
        return self._pointwise(y_true, y_pred)[0]

    def backward(self, y_true, y_pred) -> np.ndarray:
        return self._pointwise(y_true, y_pred)[1] / np.size(y_pred)

    def value_and_gradient(self, y_true, y_pred) -> tuple[float, np.ndarray]:
        values, slopes = self._pointwise(y_true, y_pred)
        return float(values.mean()), slopes / slopes.size


def custom_loss(expression: Expression, params: dict) -> Loss:
    """The typed loss as a Loss of its task, with its parameter values."""
    cls = CustomRegressionLoss if expression.task == "regression" else CustomBinaryLoss
    return cls(expression, {name: params[name] for name in expression.parameters})


def custom_objective(expression: Expression, params: dict) -> Objective:
    """The typed binary loss as the classification lab's Objective, trained on logits."""
    return Objective(CUSTOM, custom_loss(expression, params))


# --- drawn and checked ------------------------------------------------------------------------

def custom_curve(expression: Expression, params: dict, x: np.ndarray | None = None) -> Curve:
    """The typed loss and its slope along its gallery view; NaN (a gap in the chart) where the
    expression has no finite value."""
    task, axis = VIEWS[expression.axis]
    x = axis_values(task, axis) if x is None else np.asarray(x, dtype=np.float64)
    values, slopes = expression.evaluate(x, params)
    return Curve(CUSTOM, x, np.where(np.isfinite(values), values, np.nan),
                 np.where(np.isfinite(slopes), slopes, np.nan))


def custom_curves_along(expression: Expression, params: dict, name: str, stops) -> list[Curve]:
    """The typed loss's curve with its parameter `name` at each of `stops` (a drag slider's frames)."""
    return [custom_curve(expression, {**params, name: stop}) for stop in stops]


def compared_curves(axis_variable: str, names, x: np.ndarray | None = None) -> list[Curve]:
    """The built-in losses `names` (default parameters) on the typed loss's view."""
    task, axis = VIEWS[axis_variable]
    return [loss_curve(task, axis, name, {}, x=x) for name in names if supports(name, axis)]


def curve_checks(expression: Expression, curve: Curve) -> list[Sentence]:
    """What a loss is expected to be and this one is not, each as a Sentence: finite on the axis,
    never negative, smallest at r = 0 (regression) or at p = 1, z large (binary)."""
    found = []
    gaps = ~(np.isfinite(curve.value) & np.isfinite(curve.slope))
    if gaps.any():
        found.append(Sentence("workbench.check.nonfinite", {"count": int(gaps.sum()), "total": curve.x.size,
                                                            "first": f"{curve.x[gaps][0]:.3g}"}))
    finite = np.isfinite(curve.value)
    if not finite.any():
        return found
    values, x = curve.value[finite], curve.x[finite]
    lowest = int(np.argmin(values))
    if values[lowest] < 0:
        found.append(Sentence("workbench.check.negative", {"value": f"{values[lowest]:.3g}", "at": f"{x[lowest]:.3g}"}))
    step = float(np.max(np.diff(curve.x))) if curve.x.size > 1 else 0.0
    expected = 0.0 if expression.axis == "r" else float(curve.x[-1])
    tied = x[np.isclose(values, values[lowest], rtol=1e-12, atol=1e-12)]
    if not np.any(np.abs(tied - expected) <= step / 2 + 1e-12):
        found.append(Sentence(f"workbench.check.minimum_{expression.axis}",
                              {"at": f"{x[lowest]:.3g}", "expected": f"{expected:.3g}"}))
    return found


def torch_check(expression: Expression, params: dict, x: np.ndarray | None = None) -> dict:
    """The typed loss and its sympy derivative against PyTorch: the same text evaluated with torch
    operations, differentiated by autograd, on the finite points of the axis. Returns the largest
    absolute differences of value and slope, how many points were compared, and the largest
    magnitude among them (at least 1), against which the differences read."""
    import torch

    task, axis = VIEWS[expression.axis]
    x = axis_values(task, axis) if x is None else np.asarray(x, dtype=np.float64)
    values, slopes = expression.evaluate(x, params)
    point = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    scope = {name: torch.tensor(float(params.get(name, 0.0)), dtype=torch.float64) for name in ("a", "b", "c")}
    if expression.task == "regression":
        scope.update(r=point, y=torch.zeros_like(point), yhat=point)
    elif expression.axis == "z":
        scope.update(z=point, p=torch.sigmoid(point))
    else:
        scope.update(p=point)
    with np.errstate(all="ignore"):
        result = torch_value(parse_tree(expression.text, expression.task).body, scope) + torch.zeros_like(point)
        gradient = torch.autograd.grad(result.sum(), point)[0] if result.requires_grad else None
    torch_values = result.detach().numpy()
    torch_slopes = np.zeros_like(x) if gradient is None else gradient.numpy()
    compared = np.isfinite(values) & np.isfinite(slopes) & np.isfinite(torch_values) & np.isfinite(torch_slopes)
    if not compared.any():
        return {"value": math.nan, "slope": math.nan, "points": 0, "scale": math.nan}
    return {"value": float(np.max(np.abs(values[compared] - torch_values[compared]))),
            "slope": float(np.max(np.abs(slopes[compared] - torch_slopes[compared]))), "points": int(compared.sum()),
            "scale": float(max(np.max(np.abs(values[compared])), np.max(np.abs(slopes[compared])), 1.0))}


def torch_value(node, scope: dict):
    """A validated expression tree (expression.parse_tree) computed with torch operations."""
    import ast

    import torch

    if isinstance(node, ast.Constant):
        return torch.tensor(float(node.value), dtype=torch.float64)
    if isinstance(node, ast.Name):
        return scope[node.id]
    if isinstance(node, ast.UnaryOp):
        operand = torch_value(node.operand, scope)
        return -operand if isinstance(node.op, ast.USub) else operand
    if isinstance(node, ast.BinOp):
        left, right = torch_value(node.left, scope), torch_value(node.right, scope)
        return {ast.Add: torch.add, ast.Sub: torch.sub, ast.Mult: torch.mul, ast.Div: torch.div,
                ast.Pow: torch.pow}[type(node.op)](left, right)
    if isinstance(node, ast.Compare):
        sides = [torch_value(node.left, scope), *(torch_value(side, scope) for side in node.comparators)]
        test = None
        for (left, right), op in zip(itertools.pairwise(sides), node.ops, strict=True):
            part = {ast.Lt: torch.lt, ast.LtE: torch.le, ast.Gt: torch.gt, ast.GtE: torch.ge}[type(op)](left, right)
            test = part if test is None else test & part
        return test
    args = [torch_value(arg, scope) for arg in node.args]
    name = node.func.id
    if name == "where":
        return torch.where(*torch.broadcast_tensors(*args))
    if name == "clip":  # Min(Max(x, low), high), as sympy has it: a tie splits the gradient in two
        return torch.minimum(torch.maximum(args[0], args[1]), args[2])
    return {"abs": torch.abs, "exp": torch.exp, "log": torch.log, "log1p": torch.log1p, "sqrt": torch.sqrt,
            "cosh": torch.cosh, "tanh": torch.tanh, "sigmoid": torch.sigmoid,
            "softplus": lambda value: torch.logaddexp(value, torch.zeros_like(value)),
            "minimum": torch.minimum, "maximum": torch.maximum}[name](*args)


# --- trained --------------------------------------------------------------------------------

def train_custom_line(expression: Expression, params: dict, data: RegressionData, training: dict):
    """The regression lab's line fitted with the typed loss (a History named CUSTOM)."""
    return train_linear(custom_loss(expression, params), data, **training)


def typed_loss(text: str, task: str, failures: dict | None = None) -> Expression | ExpressionError:
    """The typed loss compiled in a worker, or the ExpressionError that refused it. A refusal of the
    text is kept for every session, so it is not checked again on every rerun. A worker's failure
    (JobFailed, returned as an ExpressionError) is kept only in `failures`, one session's own, for
    RETRY_SECONDS: its reruns do not send the same slow formula again and again."""
    from lossviz.labs.workbench.worker import JobFailed  # the pool starts with the first typed loss

    if failures is not None and (text, task) in failures:
        error, when = failures[(text, task)]
        if time.monotonic() - when < RETRY_SECONDS:
            return error
    try:
        return _compiled_or_refused(text, task)
    except JobFailed as failure:
        error = ExpressionError(failure.key, **failure.values)
        if failures is not None:
            failures[(text, task)] = (error, time.monotonic())
            while len(failures) > FAILURES_KEPT:
                failures.pop(next(iter(failures)))
        return error


@lru_cache(maxsize=COMPILED_KEPT)
def _compiled_or_refused(text: str, task: str) -> Expression | ExpressionError:
    from lossviz.labs.workbench.worker import compile_in_worker

    try:
        return compile_in_worker(text, task)
    except ExpressionError as error:
        return error


def typed_curve(text: str, task: str, params: tuple) -> Curve:
    return custom_curve(typed_loss(text, task), dict(params))


def typed_check(text: str, task: str, params: tuple) -> dict:
    """The typed loss against PyTorch on its axis (torch_check)."""
    return torch_check(typed_loss(text, task), dict(params))


def typed_line_fit(text: str, params: tuple, data: tuple, training: tuple) -> History:
    """The regression lab's line fitted with a typed loss."""
    return train_custom_line(typed_loss(text, "regression"), dict(params), regression_set(data), dict(training))


def typed_classifier(text: str, params: tuple, data: tuple, training: tuple) -> History:
    """The classification lab's linear classifier trained with a typed binary loss."""
    return train_classifier(custom_objective(typed_loss(text, "binary"), dict(params)), classification_set(data, 2),
                            **dict(training))


def trained_lines(text: str, params: tuple, outlier_fraction: float, compute) -> tuple:
    """The regression lab's data at `outlier_fraction` and the lines the typed loss and TRAINED_WITH
    fit to it, as the page draws them and a lesson reads them; `compute`: the page's cache or a plain call."""
    from lossviz.labs.regression.schema import REGRESSION  # the lab whose settings the typed loss trains in

    lab = REGRESSION.settings({"outlier_fraction": outlier_fraction}, {})
    data_key, training = lab.group("data"), lab.group("training")
    return compute(regression_set, data_key), [
        compute(typed_line_fit, text, params, data_key, training),
        *(compute(line_fit, data_key, name, (), training, entries=256) for name in TRAINED_WITH["regression"])]
