"""A compiled formula as plain data: a tree of tuples, ("num", 2.0), ("var", "r") or (operation,
*arguments), that numpy evaluates here. The worker builds it from sympy (labs.workbench.expression)
and sends it as JSON, so the server keeps a small bounded value, never a sympy object or generated
code, and evaluating it cannot reach anything but the numpy functions named below."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import numpy as np

from lossviz import numerics
from lossviz.labs.workbench.syntax import PARAMETERS

MAX_PROGRAM_NODES, MAX_PROGRAM_DEPTH = 2000, 200  # each of a formula and its derivative; larger is refused


def array_sigmoid(x):
    """numerics.sigmoid for arrays of any shape, a parameter's 0-d one included."""
    x = np.asarray(x, dtype=np.float64)
    return numerics.sigmoid(np.atleast_1d(x)).reshape(x.shape)


def _heaviside(x, at_zero=0.5):
    return np.heaviside(x, at_zero)


def _reciprocal(x):
    return 1.0 / x


# operation -> the numpy function it names; n-ary ones fold left
UNARY = {"exp": np.exp, "log": np.log, "log1p": np.log1p, "abs": np.abs, "sign": np.sign, "sqrt": np.sqrt,
         "cosh": np.cosh, "sinh": np.sinh, "tanh": np.tanh, "sigmoid": array_sigmoid,
         "softplus": lambda x: numerics.softplus(np.asarray(x, dtype=np.float64)), "inv": _reciprocal,
         "not": np.logical_not}
BINARY = {"pow": np.power, "lt": np.less, "le": np.less_equal, "gt": np.greater, "ge": np.greater_equal,
          "eq": np.equal, "ne": np.not_equal, "heaviside": _heaviside}
FOLDED = {"add": np.add, "mul": np.multiply, "min": np.minimum, "max": np.maximum, "and": np.logical_and,
          "or": np.logical_or}
OPERATIONS = {*UNARY, *BINARY, *FOLDED, "where", "num", "var"}


def evaluate(program, variables: dict):
    """The value of `program` with numpy, its variables read from `variables` (arrays or floats)."""
    with np.errstate(all="ignore"):
        return _evaluate(program, variables)


def _evaluate(node, variables):
    operation = node[0]
    if operation == "num":
        return np.float64(node[1])  # numpy's scalars give inf where Python's floats raise (0.0 ** -1, 10.0 ** 400)
    if operation == "var":
        return variables[node[1]]
    args = [_evaluate(child, variables) for child in node[1:]]
    if operation == "pow" and np.ndim(args[1]) == 0:
        return args[0] ** args[1]  # numpy's fast paths for x**2, x**0.5 and x**-1, as lambdify's code takes them
    if operation in UNARY:
        return UNARY[operation](args[0])
    if operation in BINARY:
        return BINARY[operation](*args)
    if operation in FOLDED:
        return functools.reduce(FOLDED[operation], args)
    return np.where(*args)  # where(condition, if true, if false)


def from_json(data) -> tuple:
    """A program sent as JSON (nested lists) as nested tuples, checked: known operations only, at
    most MAX_PROGRAM_NODES nodes; ValueError otherwise."""
    count = 0

    def walk(node, level):
        nonlocal count
        count += 1
        if (count > MAX_PROGRAM_NODES or level > MAX_PROGRAM_DEPTH or not isinstance(node, list) or not node
                or node[0] not in OPERATIONS):
            raise ValueError("not a program")
        if node[0] == "num":
            return ("num", float(node[1]))
        if node[0] == "var":
            return ("var", str(node[1]))
        return (node[0], *(walk(child, level + 1) for child in node[1:]))

    return walk(data, 1)


LONGEST_LATEX = 20_000  # characters of a formula's LaTeX the worker sends; a longer one is refused as too large


@dataclass(frozen=True)
class Expression:
    """A loss typed as text, ready to draw and train with: plain data, built in the worker
    (labs.workbench.expression) and sent to the server as JSON.

    `axis` is the variable a chart draws it against ("r", "p" or "z"); `value` is the loss in that
    variable as a program (regression: also in the target y where the text reads y or ŷ, with
    ŷ = y + r), and `slope` its derivative by sympy.diff. `parameters` are the ones the text uses.
    """

    text: str
    task: str
    axis: str
    value: tuple
    slope: tuple
    parameters: tuple[str, ...]
    reads_target: bool
    latex: str
    slope_latex: str

    def evaluate(self, x, params: dict | None = None, target=None) -> tuple[np.ndarray, np.ndarray]:
        """The loss and its slope at the axis values `x` (and targets `target`, 0 by default), for
        parameter values `params` ({"a": 1.0, ...}); non-finite where the expression is."""
        x = np.asarray(x, dtype=np.float64)
        variables = self._variables(x, params, target)
        values = np.broadcast_to(np.asarray(evaluate(self.value, variables), dtype=np.float64), x.shape)
        slopes = np.broadcast_to(np.asarray(evaluate(self.slope, variables), dtype=np.float64), x.shape)
        return values.copy(), slopes.copy()

    def _variables(self, x, params, target) -> dict:
        params = params or {}
        missing = [name for name in self.parameters if name not in params]
        if missing:
            raise ValueError(f"the expression needs a value for {', '.join(missing)}")
        variables = {name: np.float64(params.get(name, 0.0)) for name in PARAMETERS} | {self.axis: x}
        if self.task == "regression":
            variables["y"] = np.zeros_like(x) if target is None else np.asarray(target, dtype=np.float64)
        return variables

    def to_json(self) -> dict:
        return {"text": self.text, "task": self.task, "axis": self.axis, "value": self.value, "slope": self.slope,
                "parameters": self.parameters, "reads_target": self.reads_target, "latex": self.latex,
                "slope_latex": self.slope_latex}

    @classmethod
    def from_json(cls, data: dict) -> Expression:
        """An Expression from its JSON form (the worker's reply), its programs checked."""
        return cls(text=str(data["text"]), task=str(data["task"]), axis=str(data["axis"]),
                   value=from_json(data["value"]), slope=from_json(data["slope"]),
                   parameters=tuple(name for name in PARAMETERS if name in data["parameters"]),
                   reads_target=bool(data["reads_target"]), latex=str(data["latex"])[:LONGEST_LATEX],
                   slope_latex=str(data["slope_latex"])[:LONGEST_LATEX])


CASE_CONDITION = re.compile(r"\\text\{for\}\\: (.*?)(?= \\\\|\s*\\end\{cases\})")


def worded_cases(latex: str, case: str, otherwise: str) -> str:
    """sympy's LaTeX of a formula with branches (`\\text{for}\\: condition`, `\\text{otherwise}`) in
    the page's words: `case` is the branch's wording around "{condition}" ("if {condition}")."""
    before, after = case.split("{condition}")

    def worded(found) -> str:
        return "".join(part for part in (rf"\text{{{before}}}" if before else "", found[1],
                                         rf"\text{{{after}}}" if after else ""))

    return CASE_CONDITION.sub(worded, latex).replace(r"\text{otherwise}", rf"\text{{{otherwise}}}")
