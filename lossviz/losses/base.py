"""Shared machinery of every loss: parameter specs, validation and the mean reduction."""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass

import numpy as np

TASKS = ("regression", "classification", "segmentation", "distribution", "embedding", "detection", "ranking",
         "generative")
CALL_SHAPES = {
    "standard": "forward(y_true, y_pred)",
    "pair": "forward(y_true, x1, x2)",
    "two_input": "forward(a, b)",
    "triplet": "forward(anchor, positive, negative)",
}
"""How each loss is called; `backward` returns a gradient for every input after y_true (pair), or
for every input (two-input, triplet)."""


@dataclass(frozen=True)
class ParamSpec:
    """A numeric hyperparameter: its default, allowed range and slider step.

    `log` asks a slider to move on a logarithmic scale (for ranges spanning decades); `integer`
    allows whole numbers only (counts, seeds), returned as int; `switch`: every negative value
    means "off" (focal's α weighting), so a page shows a switch and a slider over [0, max].
    """

    default: float
    min: float
    max: float
    step: float
    help: str = ""
    log: bool = False
    integer: bool = False
    switch: bool = False

    def validate(self, name: str, value) -> float:
        """Return `value` as a float, or raise ValueError naming `name` and the range."""
        if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
            raise ValueError(
                f"{name} must be a number in [{self.min:g}, {self.max:g}]; "
                f"got {_short_repr(value)} of type {type(value).__name__}"
            )
        value = float(value)
        if math.isnan(value) or not self.min <= value <= self.max:
            raise ValueError(f"{name} must be in [{self.min:g}, {self.max:g}]; got {value:g}")
        if self.integer:
            if not value.is_integer():
                raise ValueError(f"{name} must be a whole number; got {value:g}")
            return int(value)
        return value

    def snap(self, value: float) -> float:
        """`value` clamped to the range and rounded to the nearest step from min, halves up (0.675 on
        steps of 0.05 is 0.70, as a reader rounds): what a slider can show."""
        steps = math.floor((min(max(value, self.min), self.max) - self.min) / self.step + 0.5 + 1e-9)
        return float(f"{min(self.min + steps * self.step, self.max):.10g}")

    @property
    def decimals(self) -> int:
        """As many decimals as the step has (2 for steps of 0.05; 0 for whole numbers)."""
        return 0 if self.integer else max(0, -math.floor(math.log10(self.step) + 1e-9))

    def shown(self, value: float) -> str:
        """`value` with the step's decimals (0.7 on steps of 0.05 reads 0.70)."""
        return f"{value:.{self.decimals}f}"

    def log_steps(self) -> list[float]:
        """1-2-5 values covering the range, plus its ends and the default: a log-scale slider's stops."""
        values = {self.min, self.max, self.default}
        decade = 10.0 ** int(f"{self.min:e}".split("e")[1])  # the decade of min, exactly
        while decade <= self.max:
            values.update(v * decade for v in (1.0, 2.0, 5.0) if self.min <= v * decade <= self.max)
            decade *= 10.0
        return sorted(float(f"{value:.6g}") for value in values)


def _short_repr(value, limit: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."



def margin_spec(default: float, help: str) -> ParamSpec:
    """A margin in [0, 5]: how far apart a loss wants two scores or distances before it stops."""
    return ParamSpec(default=default, min=0.0, max=5.0, step=0.05, help=help)


class Loss:
    """Base class: a configured loss with a numpy forward and a hand-derived backward.

    Subclasses set `name`, `task`, `call_shape` (a key of CALL_SHAPES), `param_specs` (numeric
    hyperparameters), `flags` (boolean options with their defaults), `choices` (named options,
    the first the default), `weight_vectors` (optional per-class weight sequences), `multiclass`
    (a classification loss of C scores per sample, not one), `latex`, `grad_latex`, and define
    `elementwise` and `backward`.
    """

    name: str = ""
    task: str = ""
    call_shape: str = "standard"
    param_specs: dict[str, ParamSpec] = {}
    flags: dict[str, bool] = {}
    choices: dict[str, tuple[str, ...]] = {}
    weight_vectors: tuple[str, ...] = ()
    multiclass: bool = False
    latex: str = ""
    grad_latex: str = ""

    def __init__(self, **params):
        allowed = (*self.param_specs, *self.flags, *self.choices, *self.weight_vectors)
        unknown = sorted(set(params) - set(allowed))
        if unknown:
            accepted = ", ".join(allowed) if allowed else "no parameters"
            raise ValueError(f"{self.name} got unknown parameter(s) {', '.join(map(str, unknown))}; "
                             f"it accepts {accepted}")
        for key, spec in self.param_specs.items():
            setattr(self, key, spec.validate(key, params.get(key, spec.default)))
        for key, default in self.flags.items():
            value = params.get(key, default)
            if not isinstance(value, (bool, np.bool_)):
                raise ValueError(f"{key} must be True or False; got {_short_repr(value)}")
            setattr(self, key, bool(value))
        for key, options in self.choices.items():
            value = params.get(key, options[0])
            if not isinstance(value, str) or value not in options:
                raise ValueError(f"{key} must be one of {', '.join(options)}; got {_short_repr(value)}")
            setattr(self, key, value)
        for key in self.weight_vectors:
            setattr(self, key, _validate_weights(key, params.get(key)))

    @property
    def params(self) -> dict:
        """Current parameter values, keyed by name."""
        keys = (*self.param_specs, *self.flags, *self.choices, *self.weight_vectors)
        return {key: getattr(self, key) for key in keys}

    def __repr__(self) -> str:
        args = ", ".join(f"{key}={value!r}" for key, value in self.params.items())
        return f"{type(self).__name__}({args})"

    def forward(self, *arrays) -> float:
        """Mean of `elementwise` (the reduction torch calls "mean")."""
        return float(np.mean(self.elementwise(*arrays)))

    def reduction_weight(self, y_true, values: np.ndarray) -> float:
        """What `forward` divides the sum of the `elementwise` `values` for `y_true` by: their count."""
        return values.size

    def value_and_gradient(self, y_true, y_pred) -> tuple[float, np.ndarray]:
        """`forward` and `backward` in one call, for training loops that call both every epoch.

        Losses may override it to share work between the two and, where noted, to skip input
        validation that the loop has done once for its data.
        """
        return self.forward(y_true, y_pred), self.backward(y_true, y_pred)

    def elementwise(self, y_true, y_pred) -> np.ndarray:
        raise NotImplementedError

    def backward(self, y_true, y_pred) -> np.ndarray:
        raise NotImplementedError


def _validate_weights(name: str, value):
    """None, or a 1-D sequence of finite non-negative weights with a positive sum, as a tuple."""
    if value is None:
        return None
    try:
        weights = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a sequence of numbers; got {_short_repr(value)}") from None
    if weights.ndim != 1 or weights.size == 0:
        raise ValueError(f"{name} must be a non-empty 1-D sequence; got shape {weights.shape}")
    if not np.all(np.isfinite(weights)) or np.any(weights < 0) or weights.sum() <= 0:
        raise ValueError(f"{name} must hold finite weights >= 0 with a positive sum; got {_short_repr(value)}")
    return tuple(weights.tolist())


# --- input validation -------------------------------------------------------------------------
# Each check is one or two cheap passes: training loops call forward and backward thousands of
# times, so validation is part of the per-call cost.


def as_array(name: str, value) -> np.ndarray:
    """`value` as a float64 ndarray (no copy when it already is one)."""
    if type(value) is np.ndarray and value.dtype == np.float64:
        return value
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be an array of real numbers; got {_short_repr(value)}") from None
    return array


def check_same_shape(y_true: np.ndarray, y_pred: np.ndarray) -> None:
    if y_true.shape != y_pred.shape:
        raise ValueError(f"shape mismatch: y_true has shape {y_true.shape}, y_pred has shape {y_pred.shape}")
    if y_true.size == 0:
        raise ValueError("inputs are empty: y_true and y_pred need at least one element")


def row_pair(y_true, y_pred, what: str) -> tuple[np.ndarray, np.ndarray]:
    """y_true and y_pred of one shape, (C,) or (n, C), as arrays of rows (a 1-D input is one row);
    `what` names the rows in the error."""
    target, scores = as_array("y_true", y_true), as_array("y_pred", y_pred)
    check_same_shape(target, scores)
    if target.ndim not in (1, 2):
        raise ValueError(f"{what} must have shape (C,) or (n, C); got {target.shape}")
    return np.atleast_2d(target), np.atleast_2d(scores)


def check_finite(name: str, array: np.ndarray) -> None:
    # One summing pass catches nan and inf; the element-wise test runs only to tell a genuine
    # non-finite entry from a sum that merely overflowed.
    with np.errstate(over="ignore", invalid="ignore"):
        total = np.add.reduce(array, axis=None)
    if not math.isfinite(total) and not np.isfinite(array).all():
        kind = "NaN" if np.isnan(array).any() else "infinite values"
        raise ValueError(f"{name} contains {kind}; every value must be finite")


def check_probabilities(name: str, array: np.ndarray) -> None:
    low, high = array.min(), array.max()
    if not (low >= 0.0 and high <= 1.0):  # also false for nan
        if np.isnan(array).any():
            raise ValueError(f"{name} contains NaN; probabilities must lie in [0, 1]")
        raise ValueError(f"{name} must hold probabilities in [0, 1]; found values in [{low:g}, {high:g}]"
                         " (pass from_logits=True for raw scores)")


def check_binary(name: str, array: np.ndarray) -> None:
    """Every value is exactly 0 or 1."""
    if not np.array_equal(array, array.astype(bool)):
        bad = array[(array != 0) & (array != 1)]
        raise ValueError(f"{name} must hold labels 0 or 1; found {_short_repr(bad[:5].tolist())}")


def score_pair(first_name, first, second_name, second):
    """Two validated score arrays of the same, non-empty shape."""
    first, second = as_array(first_name, first), as_array(second_name, second)
    if first.shape != second.shape:
        raise ValueError(f"shape mismatch: {first_name} has shape {first.shape}, "
                         f"{second_name} has shape {second.shape}")
    if first.size == 0:
        raise ValueError(f"inputs are empty: {first_name} and {second_name} need at least one score")
    check_finite(first_name, first)
    check_finite(second_name, second)
    return first, second


class Combined(Loss):
    """Weighted sum of losses: forward, elementwise and backward are the weighted sums.

    Terms may come from different tasks when they take the same inputs (Dice + BCE on masks,
    MSE + BCE on probabilities); the first term names the task. Each term keeps its own
    reduction (cce's weighted mean, dice's mean over images), so `forward` is the weighted sum
    of the terms' forwards.
    """

    def __init__(self, terms):
        terms = list(terms)
        if not terms:
            raise ValueError("combine needs at least one (weight, loss) pair")
        checked = []
        for term in terms:
            if not (isinstance(term, tuple) and len(term) == 2):
                raise ValueError(f"combine takes (weight, loss) pairs; got {_short_repr(term)}")
            weight, loss = term
            if not isinstance(loss, Loss):
                raise ValueError(f"combine takes Loss instances (from losses.get); got {_short_repr(loss)}")
            is_number = isinstance(weight, numbers.Real) and not isinstance(weight, (bool, np.bool_))
            if not (is_number and math.isfinite(weight)):
                raise ValueError(f"combine weights must be finite numbers; got {_short_repr(weight)}")
            checked.append((float(weight), loss))
        shapes = {loss.call_shape for _, loss in checked}
        if len(shapes) != 1:
            listed = "; ".join(f"{loss.name} takes {CALL_SHAPES[loss.call_shape]}" for _, loss in checked)
            raise ValueError(f"combine needs losses that take the same inputs; {listed}")
        self.call_shape = shapes.pop()
        self.terms = tuple(checked)
        self.task = checked[0][1].task
        self.name = " + ".join(f"{weight:g}*{loss.name}" for weight, loss in checked)
        symbols = [(weight, rf"L_{{\mathrm{{{_latex_name(loss)}}}}}") for weight, loss in checked]
        self.latex = "L = " + " + ".join(rf"{weight:g}\,{symbol}" for weight, symbol in symbols)
        self.grad_latex = r"\frac{\partial L}{\partial \hat y} = " + " + ".join(
            rf"{weight:g}\,\frac{{\partial {symbol}}}{{\partial \hat y}}" for weight, symbol in symbols)

    def __repr__(self) -> str:
        return f"Combined({list(self.terms)!r})"

    def forward(self, *arrays) -> float:
        return float(sum(weight * loss.forward(*arrays) for weight, loss in self.terms))

    def elementwise(self, *arrays):
        parts = [weight * loss.elementwise(*arrays) for weight, loss in self.terms]
        if len({part.shape for part in parts}) != 1:
            raise ValueError("the combined losses reduce to different shapes, so they have no common "
                             "elementwise form; use forward")
        return sum(parts)

    def backward(self, *arrays):
        total = None
        for weight, loss in self.terms:
            grad = loss.backward(*arrays)
            scaled = tuple(weight * g for g in grad) if isinstance(grad, tuple) else weight * grad
            if total is None:
                total = scaled
            elif isinstance(scaled, tuple):
                total = tuple(a + b for a, b in zip(total, scaled, strict=False))
            else:
                total = total + scaled
        return total


def _latex_name(loss: Loss) -> str:
    return loss.name.replace("_", r"\_")
