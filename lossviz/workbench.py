"""The workbench's core: a typed loss (lossviz.expression) drawn, checked and trained next to the
built-in losses, and the visitor's own CSV file read and analysed sample by sample.

Nothing here is registered: a typed loss lives in the visitor's session only.
"""

from __future__ import annotations

import csv
import io
import itertools
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from lossviz import gallery, losses
from lossviz.data import RegressionData
from lossviz.expression_syntax import PROBABILITY_CLIP, parse_tree
from lossviz.losses.base import Loss
from lossviz.losses.regression import RegressionLoss
from lossviz.numerics import sigmoid
from lossviz.sentences import Sentence
from lossviz.tables import csv_text
from lossviz.train import Objective, train_linear

if TYPE_CHECKING:  # lossviz.expression loads sympy: only the workbench page needs it
    from lossviz.expression import Expression

CUSTOM = "custom"  # the typed loss's key in charts, tables and names
# the gallery view each axis variable is drawn on, and the built-in losses it compares with
VIEWS = {"r": ("regression", "residual"), "p": ("binary", "proba"), "z": ("binary", "logit")}
COMPARED = {"regression": ("mse", "mae", "huber", "log_cosh"), "binary": ("bce", "focal", "hinge")}
TRAINED_WITH = {"regression": ("mse", "mae", "huber"), "binary": ("bce", "weighted_bce", "focal")}


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

def custom_curve(expression: Expression, params: dict, x: np.ndarray | None = None) -> gallery.Curve:
    """The typed loss and its slope along its gallery view; NaN (a gap in the chart) where the
    expression has no finite value."""
    task, axis = VIEWS[expression.axis]
    x = gallery.axis_values(task, axis) if x is None else np.asarray(x, dtype=np.float64)
    values, slopes = expression.evaluate(x, params)
    return gallery.Curve(CUSTOM, x, np.where(np.isfinite(values), values, np.nan),
                         np.where(np.isfinite(slopes), slopes, np.nan))


def custom_curves_along(expression: Expression, params: dict, name: str, stops) -> list[gallery.Curve]:
    """The typed loss's curve with its parameter `name` at each of `stops` (a drag slider's frames)."""
    return [custom_curve(expression, {**params, name: stop}) for stop in stops]


def compared_curves(axis_variable: str, names, x: np.ndarray | None = None) -> list[gallery.Curve]:
    """The built-in losses `names` (default parameters) on the typed loss's view."""
    task, axis = VIEWS[axis_variable]
    return [gallery.loss_curve(task, axis, name, {}, x=x) for name in names if gallery.supports(name, axis)]


def curve_checks(expression: Expression, curve: gallery.Curve) -> list[Sentence]:
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
    x = gallery.axis_values(task, axis) if x is None else np.asarray(x, dtype=np.float64)
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


# --- the visitor's file -----------------------------------------------------------------------

MAX_ROWS = 100_000
MODES = ("residuals", "classification", "points")
# the columns each mode reads, in order, and the header names each column is guessed from
COLUMNS = {"residuals": ("y_true", "y_pred"), "classification": ("label", "score"), "points": ("x", "y")}
GUESSES = {
    "y_true": ("y_true", "target", "true", "actual", "y", "label"), "y_pred": ("y_pred", "prediction", "pred",
                                                                          "predicted", "yhat", "output"),
    "label": ("label", "y_true", "target", "class", "y"), "score": ("probability", "prob", "p", "score", "logit",
                                                                   "y_pred", "prediction", "output"),
    "x": ("x", "feature", "input"), "y": ("y", "target", "output"),
}
SCORE_KINDS = ("probability", "logit")
DELIMITERS = ",;\t|"
SNIFF_BYTES = 8192


class UploadError(ValueError):
    """A file that cannot be used: `key` names its i18n message (`workbench.upload.<key>`)."""

    def __init__(self, key: str, **values):
        self.key, self.values = key, values
        super().__init__(f"{key}: {values}")


@dataclass(frozen=True)
class Table:
    """A CSV file's header and its cells as text, one list per column (nothing evaluated)."""

    header: tuple[str, ...]
    columns: dict[str, list[str]]

    @property
    def rows(self) -> int:
        return len(next(iter(self.columns.values()), []))


def read_csv(raw: bytes) -> Table:
    """The cells of an uploaded CSV file (UTF-8 with or without a BOM; the delimiter guessed among
    `,;<tab>|`), every cell kept as text; UploadError for binary, non-UTF-8, one-column or
    over-long files."""
    import pandas as pd

    if b"\x00" in raw[:SNIFF_BYTES]:
        raise UploadError("binary")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UploadError("encoding") from None
    if not text.strip():
        raise UploadError("empty")
    try:
        delimiter = csv.Sniffer().sniff(text[:SNIFF_BYTES], delimiters=DELIMITERS).delimiter
    except csv.Error:
        delimiter = ","
    try:
        frame = pd.read_csv(io.StringIO(text), sep=delimiter, dtype=str, keep_default_na=False, nrows=MAX_ROWS + 1,
                            skipinitialspace=True, engine="c")
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError):
        raise UploadError("not_csv") from None
    if len(frame) > MAX_ROWS:
        raise UploadError("too_many_rows", limit=f"{MAX_ROWS:,}")
    written = [name.strip() for name in next(csv.reader(io.StringIO(text.lstrip()), delimiter=delimiter))]
    header = tuple(name[:40] for name in written)
    if len(header) < 2 or len(set(header)) != len(header) or len(header) != len(frame.columns):
        raise UploadError("columns")  # pandas would rename a repeated name (a, a.1)
    return Table(header, {name: frame[column].tolist() for name, column in zip(header, frame.columns, strict=True)})


def guess_columns(header: tuple[str, ...], mode: str) -> tuple[str, ...]:
    """The header names a mode's columns most likely are: by name where one matches, else in order."""
    lowered = {name.lower(): name for name in header}
    picked: list[str] = []
    for column in COLUMNS[mode]:
        match = next((lowered[guess] for guess in GUESSES[column] if guess in lowered
                      and lowered[guess] not in picked), None)
        picked.append(match or next((name for name in header if name not in picked), header[0]))
    return tuple(picked)


@dataclass(frozen=True)
class Samples:
    """The usable rows of a file for a mode: two numeric columns, and each row's number in the file
    (1 for the first row under the header); `dropped` rows had a missing or non-numeric cell."""

    first: np.ndarray
    second: np.ndarray
    rows: np.ndarray
    dropped: int


def numeric_samples(table: Table, names: tuple[str, str]) -> Samples:
    """The rows of columns `names` whose cells are both finite numbers (text such as `=cmd|...`
    is not a number and drops its row); UploadError when no row is left."""
    import pandas as pd

    if len(set(names)) != 2 or not set(names) <= set(table.header):
        raise UploadError("pick_columns")
    first, second = (pd.to_numeric(pd.Series(table.columns[name]), errors="coerce").to_numpy(np.float64)
                     for name in names)
    usable = np.isfinite(first) & np.isfinite(second)
    if not usable.any():
        raise UploadError("no_rows")
    return Samples(first[usable], second[usable], np.flatnonzero(usable) + 1, int((~usable).sum()))


def class_samples(samples: Samples, kind: str) -> Samples:
    """Samples as (label, probability or logit of class 1), checked: labels 0 or 1, probabilities in [0, 1]."""
    if kind not in SCORE_KINDS:
        raise ValueError(f"kind must be one of {', '.join(SCORE_KINDS)}; got {str(kind)[:40]!r}")
    labels, scores = samples.first, samples.second
    bad = ~np.isin(labels, (0.0, 1.0))
    if bad.any():
        raise UploadError("labels", row=int(samples.rows[bad][0]), value=f"{labels[bad][0]:g}")
    if kind == "probability":
        outside = (scores < 0.0) | (scores > 1.0)
        if outside.any():
            raise UploadError("probabilities", row=int(samples.rows[outside][0]), value=f"{scores[outside][0]:g}")
    return samples


def mode_samples(table: Table, mode: str, columns: tuple[str, ...], kind: str) -> Samples:
    """The usable rows of the file for `mode` from its `columns` (classification: checked labels and
    `kind` of score)."""
    samples = numeric_samples(table, columns)
    return class_samples(samples, kind) if mode == "classification" else samples


@dataclass(frozen=True)
class SampleLosses:
    """Each loss's value and gradient for every sample of a file: `x` is what the losses read per
    sample (the residual ŷ − y, or the probability or logit given to the true class), `axis` its
    gallery view, and `values[name]`, `gradients[name]` per sample (gradient with respect to the
    file's prediction column)."""

    axis: str
    x: np.ndarray
    rows: np.ndarray
    values: dict[str, np.ndarray]
    gradients: dict[str, np.ndarray]


def regression_losses(samples: Samples, names, custom: Loss | None = None) -> SampleLosses:
    """Residual samples (y_true, y_pred) under the built-in losses `names` and the typed one."""
    y_true, y_pred = samples.first, samples.second
    configured = [losses.get(name) for name in names] + ([custom] if custom is not None else [])
    values = {loss.name: loss.elementwise(y_true, y_pred) for loss in configured}
    gradients = {loss.name: loss.backward(y_true, y_pred) * y_pred.size for loss in configured}
    return SampleLosses("r", y_pred - y_true, samples.rows, values, gradients)


def classification_losses(samples: Samples, kind: str, names, custom: Loss | None = None) -> SampleLosses:
    """(label, probability or logit of class 1) samples under the built-in binary losses `names`
    (those that read `kind`) and the typed one, which reads the logit."""
    labels, scores = samples.first, samples.second
    logits = scores if kind == "logit" else np.log(np.clip(scores, PROBABILITY_CLIP, 1.0)) - np.log(
        np.clip(1.0 - scores, PROBABILITY_CLIP, 1.0))
    values, gradients = {}, {}
    for name in names:
        if kind == "probability" and not gallery.supports(name, "proba"):
            continue
        loss = losses.get(name, **({"from_logits": kind == "logit"} if "from_logits" in losses.loss_class(name).flags
                                   else {}))
        values[name] = loss.elementwise(labels, scores)
        gradients[name] = loss.backward(labels, scores) * scores.size
    if custom is not None:
        custom_values, slopes = custom._pointwise(labels, logits)
        if kind == "probability":  # d loss / d p of class 1 = d loss / d s  ÷  p (1 − p)
            p = np.clip(scores, PROBABILITY_CLIP, 1.0 - PROBABILITY_CLIP)
            slopes = slopes / (p * (1.0 - p))
        values[CUSTOM], gradients[CUSTOM] = custom_values, slopes
    true_class = np.where(labels == 1.0, scores, 1.0 - scores) if kind == "probability" else \
        np.where(labels == 1.0, scores, -scores)
    return SampleLosses("p" if kind == "probability" else "z", true_class, samples.rows, values, gradients)


TOP_SHARES = (0.01, 0.10)
DOMINANT_ROWS = 20


def top_share(values: np.ndarray, fraction: float) -> float:
    """The share of the total loss carried by the `fraction` of samples with the largest losses
    (at least one sample); NaN when the total is not positive and finite."""
    total = float(np.sum(values))
    if not (total > 0 and math.isfinite(total)):
        return math.nan
    count = max(1, math.ceil(fraction * values.size))
    return float(np.sum(np.partition(values, values.size - count)[values.size - count:]) / total)


def share_rows(result: SampleLosses) -> list[dict]:
    """One row per loss: its mean, and the shares (in %) of the total carried by the top 1 % and 10 % of samples."""
    return [{"loss": name, "mean": float(np.mean(values)),
             **{("top_share", f"{fraction:.0%}"): 100.0 * top_share(values, fraction) for fraction in TOP_SHARES}}
            for name, values in result.values.items()]


def dominant_rows(result: SampleLosses, by: str, count: int = DOMINANT_ROWS) -> list[dict]:
    """The `count` samples with the largest loss `by`, largest first: the row in the file, what the
    losses read, and each loss's value and gradient."""
    order = np.argsort(-result.values[by], kind="stable")[:count]
    return [{"row": int(result.rows[index]), f"sample_{result.axis}": float(result.x[index]),
             **{("loss_of", name): float(values[index]) for name, values in result.values.items()},
             **{("gradient_of", name): float(result.gradients[name][index]) for name in result.values}}
            for index in order]


HISTOGRAM_BINS = 40


def histogram(values: np.ndarray, bins: int = HISTOGRAM_BINS) -> tuple[np.ndarray, np.ndarray, float]:
    """The bins' centres, their counts and their width."""
    counts, edges = np.histogram(values, bins=bins)
    return (edges[:-1] + edges[1:]) / 2, counts, float(edges[1] - edges[0])


def overlay_curves(result: SampleLosses, custom: Expression | None, params: dict) -> list[gallery.Curve]:
    """The losses of `result` drawn over the range of its samples, to lay over their histogram
    (the typed loss when `custom` is given)."""
    low, high = float(result.x.min()), float(result.x.max())
    if result.axis == "p":
        low, high = max(low, 0.01), 1.0
    if high <= low:
        low, high = low - 1.0, high + 1.0
    x = np.linspace(low, high, gallery.POINTS)
    curves = compared_curves(result.axis, [name for name in result.values if name != CUSTOM], x=x)
    if custom is not None and custom.axis == result.axis:
        curves.append(custom_curve(custom, params, x=x))
    return curves


def samples_csv(result: SampleLosses) -> str:
    """Every sample's row, input and each loss's value and gradient, as CSV (numbers only)."""
    names = list(result.values)
    header = ["row", result.axis, *(f"{name}_loss" for name in names), *(f"{name}_gradient" for name in names)]
    rows = [[int(row), f"{x:.10g}", *(f"{result.values[name][i]:.10g}" for name in names),
             *(f"{result.gradients[name][i]:.10g}" for name in names)]
            for i, (row, x) in enumerate(zip(result.rows, result.x, strict=True))]
    return csv_text(header, rows)


@dataclass(frozen=True)
class Scaling:
    """How uploaded points were standardised for fitting: z = (v − mean) / spread, per column."""

    x_mean: float
    x_spread: float
    y_mean: float
    y_spread: float


def points_data(samples: Samples) -> tuple[RegressionData, Scaling]:
    """Uploaded (x, y) points, standardised so the lab's learning rates suit any units, as the
    regression lab's data (no known true line: slopes NaN)."""
    if samples.first.size < 2 or np.ptp(samples.first) == 0:
        raise UploadError("one_x")
    scaling = Scaling(float(samples.first.mean()), float(samples.first.std()), float(samples.second.mean()),
                      max(float(samples.second.std()), 1e-12))
    x = (samples.first - scaling.x_mean) / scaling.x_spread
    y = (samples.second - scaling.y_mean) / scaling.y_spread
    return RegressionData(x[:, None], y, np.zeros(x.size, dtype=bool), np.array([np.nan]), math.nan), scaling


POINTS_TRAINING = {"optimizer": "nag", "lr": 0.05, "momentum": 0.9, "epochs": 200}  # the regression lab's defaults


def fit_points(data: RegressionData, names, custom: Loss | None = None) -> list:
    """A line fitted to uploaded (standardised) points with each built-in loss `names` and the typed
    one, by the regression lab's training."""
    configured = [losses.get(name) for name in names] + ([custom] if custom is not None else [])
    return [train_linear(loss, data, **POINTS_TRAINING) for loss in configured]


def line_in_units(params: np.ndarray, scaling: Scaling) -> tuple[float, float]:
    """A standardised line's (slope, intercept) in the file's own units."""
    slope = params[0] * scaling.y_spread / scaling.x_spread
    intercept = scaling.y_mean + scaling.y_spread * params[-1] - slope * scaling.x_mean
    return float(slope), float(intercept)


def fitted_line_rows(histories, scaling: Scaling) -> list[dict]:
    """Each fitted line in the file's units, one row per loss."""
    return [{"loss": history.loss, **dict(zip(("line_slope", "line_intercept"),
                                               line_in_units(history.params[-1], scaling), strict=True))}
            for history in histories]


# --- sample files ---------------------------------------------------------------------------

def sample_file(mode: str, seed: int = 0) -> str:
    """A small CSV file of the mode's columns to try the upload with: regression residuals with a
    few outliers, an imbalanced classifier's probabilities, or points around a line."""
    rng = np.random.default_rng(seed)
    n = 200
    if mode == "residuals":
        y_true = rng.normal(10.0, 3.0, n)
        y_pred = y_true + rng.normal(0.0, 0.8, n)
        y_pred[:6] += rng.choice([-1.0, 1.0], 6) * rng.uniform(8.0, 15.0, 6)
        return csv_text(["y_true", "y_pred"], [[f"{a:.4f}", f"{b:.4f}"] for a, b in zip(y_true, y_pred, strict=True)])
    if mode == "classification":
        labels = (rng.random(n) < 0.1).astype(int)
        logits = np.where(labels == 1, 0.5, -2.0) + rng.normal(0.0, 1.2, n)
        return csv_text(["label", "probability"], [[label, f"{p:.4f}"] for label, p in
                                                   zip(labels, sigmoid(logits), strict=True)])
    if mode == "points":
        x = rng.uniform(0.0, 50.0, n)
        y = 3.0 + 0.8 * x + rng.normal(0.0, 2.0, n)
        y[:8] += rng.uniform(25.0, 40.0, 8)
        return csv_text(["x", "y"], [[f"{a:.3f}", f"{b:.3f}"] for a, b in zip(x, y, strict=True)])
    raise ValueError(f"mode must be one of {', '.join(MODES)}; got {str(mode)[:40]!r}")

