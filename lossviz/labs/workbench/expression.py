"""A loss typed by the visitor: a small expression language, safe on a public server.

The text is parsed by Python's `ast` (eval mode) and checked against a whitelist of node types,
names and functions, then built into a sympy expression node by node. Nothing the visitor types
is ever given to eval, exec, sympify or parse_expr. Numbers become floats, and every sub-expression
made of numbers alone is computed in float64 with overflow checks before any symbolic work, so
`9**9**9**9` is an overflow, not a hang. The symbolic steps (diff, latex, lambdify) of a new
expression first run in a separate worker process under a time limit (labs.workbench.worker), so no expression
can hold the server.
"""

from __future__ import annotations

import ast
import itertools
import math
import re
from dataclasses import dataclass

import numpy as np
import sympy
from sympy.codegen.cfunctions import log1p as sympy_log1p
from sympy.printing.numpy import NumPyPrinter

from lossviz import numerics
from lossviz.labs.workbench.syntax import FUNCTIONS, PARAMETERS, REFUSED_NAMES, ExpressionError, parse_tree

COMPARISONS = {ast.Lt: sympy.StrictLessThan, ast.LtE: sympy.LessThan, ast.Gt: sympy.StrictGreaterThan,
               ast.GtE: sympy.GreaterThan}


class sigmoid(sympy.Function):  # lower case: sympy prints a function by its class name
    """1 / (1 + exp(-x)), evaluated by numerics.sigmoid (no overflow)."""

    def fdiff(self, argindex=1):
        value = sigmoid(self.args[0])
        return value * (1 - value)

    def _latex(self, printer, exp=None):
        power = f"^{{{exp}}}" if exp else ""
        return rf"\sigma{power}\left({printer._print(self.args[0])}\right)"


class softplus(sympy.Function):
    """log(1 + exp(x)), evaluated by numerics.softplus (no overflow)."""

    def fdiff(self, argindex=1):
        return sigmoid(self.args[0])

    def _latex(self, printer, exp=None):
        power = f"^{{{exp}}}" if exp else ""
        return rf"\operatorname{{softplus}}{power}\left({printer._print(self.args[0])}\right)"


SYMBOLS = {name: sympy.Symbol(name, real=True) for name in ("r", "y", "p", "z", *PARAMETERS)}
SYMBOLS["yhat"] = sympy.Symbol(r"\hat{y}", real=True)
def array_sigmoid(x):
    """numerics.sigmoid for arrays of any shape, a parameter's 0-d one included."""
    x = np.asarray(x, dtype=np.float64)
    return numerics.sigmoid(np.atleast_1d(x)).reshape(x.shape)


NUMPY_FUNCTIONS = [{"sigmoid": array_sigmoid, "softplus": numerics.softplus, "log1p": np.log1p}, "numpy"]


class NumpyCode(NumPyPrinter):
    """sympy's numpy printer with branches and logic as nested element-wise calls (its own forms,
    numpy.select and logical_and.reduce, stack a scalar parameter's test with an array's and fail),
    and numbers with all their digits."""

    def _print_Piecewise(self, expr):
        *branches, (last, condition) = expr.args
        code = self._print(last) if condition == sympy.true else "numpy.nan"
        for value, test in reversed(branches):
            code = f"numpy.where({self._print(test)}, {self._print(value)}, {code})"
        return code

    def _print_Float(self, expr):
        return repr(float(expr))  # every digit of the float64, where sympy prints 15

    def _print_And(self, expr):
        return self._nested("numpy.logical_and", expr.args)

    def _print_Or(self, expr):
        return self._nested("numpy.logical_or", expr.args)

    def _nested(self, function, args):
        code = self._print(args[-1])
        for arg in reversed(args[:-1]):
            code = f"{function}({self._print(arg)}, {code})"
        return code


def numpy_function(arguments, expr):
    return sympy.lambdify(arguments, expr, modules=NUMPY_FUNCTIONS, printer=NumpyCode(
        {"fully_qualified_modules": False, "inline": True, "allow_unknown_functions": True, "user_functions": {}}))
# float64 twins of the functions, for sub-expressions of numbers alone
FLOAT_FUNCTIONS = {"abs": abs, "exp": math.exp, "log": math.log, "log1p": math.log1p, "sqrt": math.sqrt,
                   "cosh": math.cosh, "tanh": math.tanh, "sigmoid": lambda x: float(array_sigmoid(x)),
                   "softplus": lambda x: float(numerics.softplus(x)), "minimum": min, "maximum": max,
                   "clip": lambda x, low, high: min(max(x, low), high)}


# --- building ---------------------------------------------------------------------------------

def build(tree: ast.Expression) -> sympy.Expr | float:
    """The sympy expression of a validated tree; a float where it holds numbers alone."""
    return _build(tree.body)


def _build(node: ast.AST):
    if isinstance(node, ast.Constant):
        return _finite(float_of(node.value))
    if isinstance(node, ast.Name):
        if node.id in FUNCTIONS:
            raise ExpressionError("function_as_value", name=node.id)
        return SYMBOLS[node.id]
    if isinstance(node, ast.UnaryOp):
        operand = _build(node.operand)
        return -operand if isinstance(node.op, ast.USub) else operand
    if isinstance(node, ast.BinOp):
        return _binary(type(node.op), _build(node.left), _build(node.right))
    if isinstance(node, ast.Compare):
        raise ExpressionError("comparison_outside")
    if isinstance(node, ast.Call):
        return _call(node)
    raise ExpressionError("refused", what=REFUSED_NAMES["syntax"])


def float_of(value) -> float:
    try:
        return float(value)
    except OverflowError:
        raise ExpressionError("overflow") from None


def _finite(value: float) -> float:
    if not math.isfinite(value):
        raise ExpressionError("overflow")
    return value


def is_number(value) -> bool:
    return isinstance(value, float)


def _binary(operator, left, right):
    if is_number(left) and is_number(right):
        try:
            if operator is ast.Add:
                return _finite(left + right)
            if operator is ast.Sub:
                return _finite(left - right)
            if operator is ast.Mult:
                return _finite(left * right)
            if operator is ast.Div:
                return _finite(left / right)
            result = left ** right
        except ZeroDivisionError:
            raise ExpressionError("division_by_zero") from None
        except OverflowError:
            raise ExpressionError("overflow") from None
        if isinstance(result, complex):
            raise ExpressionError("complex")
        return _finite(result)
    left, right = as_sympy(left), as_sympy(right)
    if operator is ast.Add:
        return left + right
    if operator is ast.Sub:
        return left - right
    if operator is ast.Mult:
        return left * right
    if operator is ast.Div:
        return left / right
    return left ** right


SIMPLE_LIMIT, SIMPLE_DIGITS = 1e4, 1000  # numbers up to 10^4 with at most three decimals are kept exact


def as_sympy(value):
    """A number as sympy sees it: simple ones (2, 0.5, 1.35) as exact rationals, so formulas read as
    written (r^2 / 2, not 0.5 r^{2.0}) and powers like r**2 stay whole; any other as a Float. The
    bound keeps exact powers small (a power of a rational is computed exactly)."""
    if not is_number(value):
        return value
    scaled = value * SIMPLE_DIGITS
    if abs(value) <= SIMPLE_LIMIT and scaled == round(scaled):
        return sympy.Rational(round(scaled), SIMPLE_DIGITS)
    return sympy.Float(value, precision=53)  # every bit of the float64 (sympy keeps 15 digits by default)


def _call(node: ast.Call):
    name = node.func.id
    if name == "where":
        condition, when_true, when_false = node.args
        if not isinstance(condition, ast.Compare):
            raise ExpressionError("where_condition")
        test = _comparison(condition)
        first, second = _build(when_true), _build(when_false)
        if isinstance(test, bool):
            return first if test else second
        return sympy.Piecewise((as_sympy(first), test), (as_sympy(second), True))
    args = [_build(arg) for arg in node.args]
    if all(is_number(arg) for arg in args):
        try:
            return _finite(float(FLOAT_FUNCTIONS[name](*args)))
        except OverflowError:
            raise ExpressionError("overflow") from None
        except (ValueError, ZeroDivisionError):
            raise ExpressionError("domain", name=name) from None
    args = [as_sympy(arg) for arg in args]
    if name == "clip":
        return sympy.Min(sympy.Max(args[0], args[1]), args[2])
    return {"abs": sympy.Abs, "exp": sympy.exp, "log": sympy.log, "log1p": sympy_log1p, "sqrt": sympy.sqrt,
            "cosh": sympy.cosh, "tanh": sympy.tanh, "sigmoid": sigmoid, "softplus": softplus,
            "minimum": sympy.Min, "maximum": sympy.Max}[name](*args)


def _comparison(node: ast.Compare):
    """A comparison (or a chain, as in 0 < r < 1) as a sympy relation, or a bool for numbers alone."""
    values = [_build(node.left), *(_build(side) for side in node.comparators)]
    tests = []
    for (left, right), op in zip(itertools.pairwise(values), node.ops, strict=True):
        if is_number(left) and is_number(right):
            tests.append({ast.Lt: left < right, ast.LtE: left <= right, ast.Gt: left > right,
                          ast.GtE: left >= right}[type(op)])
        else:
            tests.append(COMPARISONS[type(op)](as_sympy(left), as_sympy(right)))
    if any(test is False for test in tests):
        return False
    relations = [test for test in tests if test is not True]
    return sympy.And(*relations) if relations else True


# --- the compiled expression ------------------------------------------------------------------

@dataclass(frozen=True)
class Expression:
    """A loss typed as text, ready to draw and train with.

    `axis` is the variable a chart draws it against ("r", "p" or "z"); `value` is the loss in that
    variable (regression: also in the target y where the text reads y or ŷ, with ŷ = y + r), and
    `slope` its derivative by sympy.diff. `parameters` are the ones the text uses.
    """

    text: str
    task: str
    axis: str
    value: sympy.Expr
    slope: sympy.Expr
    parameters: tuple[str, ...]
    reads_target: bool
    latex: str
    slope_latex: str
    _value_function: object
    _slope_function: object

    def evaluate(self, x, params: dict | None = None, target=None) -> tuple[np.ndarray, np.ndarray]:
        """The loss and its slope at the axis values `x` (and targets `target`, 0 by default), for
        parameter values `params` ({"a": 1.0, ...}); non-finite where the expression is."""
        x = np.asarray(x, dtype=np.float64)
        args = self._arguments(x, params, target)
        with np.errstate(all="ignore"):
            values = np.broadcast_to(np.asarray(self._value_function(*args), dtype=np.float64), x.shape)
            slopes = np.broadcast_to(np.asarray(self._slope_function(*args), dtype=np.float64), x.shape)
        return values.copy(), slopes.copy()

    def _arguments(self, x, params, target):
        params = params or {}
        missing = [name for name in self.parameters if name not in params]
        if missing:
            raise ValueError(f"the expression needs a value for {', '.join(missing)}")
        values = [float(params.get(name, 0.0)) for name in PARAMETERS]
        if self.task == "regression":
            return (x, np.zeros_like(x) if target is None else np.asarray(target, dtype=np.float64), *values)
        return (x, *values)


def compile_expression(text: str, task: str) -> Expression:
    """`text` as an Expression for `task`, or ExpressionError. The symbolic steps are bounded only by
    the tree's limits: run it on visitor text after `vet`, or through `compile_vetted`."""
    tree = parse_tree(text, task)
    try:
        return _compiled(text, task, tree)
    except ExpressionError:
        raise
    except (TypeError, ValueError, ArithmeticError, AttributeError, NotImplementedError, RecursionError):
        # sympy's own limits (it cannot rewrite some max and min of absolute values, for one)
        raise ExpressionError("unsupported") from None


def _compiled(text: str, task: str, tree) -> Expression:
    built = as_sympy(build(tree))
    used = {symbol.name for symbol in built.free_symbols}
    names = {symbol.name: key for key, symbol in SYMBOLS.items()}
    used = {names[name] for name in used}
    if task == "regression":
        axis, display = "r", built
        value = built.subs(SYMBOLS["yhat"], SYMBOLS["y"] + SYMBOLS["r"])
        arguments = (SYMBOLS["r"], SYMBOLS["y"], *(SYMBOLS[name] for name in PARAMETERS))
    else:
        axis = "z" if "z" in used else "p"
        display = built
        value = built.subs(SYMBOLS["p"], sigmoid(SYMBOLS["z"])) if axis == "z" else built
        arguments = (SYMBOLS[axis], *(SYMBOLS[name] for name in PARAMETERS))
    slope = sympy.powsimp(sympy.diff(value, SYMBOLS[axis]))  # (1 - p)^a / (1 - p) as (1 - p)^(a - 1): finite at p = 1
    reads_target = SYMBOLS["y"] in value.free_symbols
    return Expression(
        text=text, task=task, axis=axis, value=value, slope=slope,
        parameters=tuple(name for name in PARAMETERS if name in used), reads_target=reads_target,
        latex="L = " + sympy.latex(display), slope_latex=sympy.latex(slope),
        _value_function=numpy_function(arguments, value), _slope_function=numpy_function(arguments, slope))


CASE_CONDITION = re.compile(r"\\text\{for\}\\: (.*?)(?= \\\\|\s*\\end\{cases\})")


def worded_cases(latex: str, case: str, otherwise: str) -> str:
    """sympy's LaTeX of a formula with branches (`\\text{for}\\: condition`, `\\text{otherwise}`) in
    the page's words: `case` is the branch's wording around "{condition}" ("if {condition}")."""
    before, after = case.split("{condition}")

    def worded(found) -> str:
        return "".join(part for part in (rf"\text{{{before}}}" if before else "", found[1],
                                         rf"\text{{{after}}}" if after else ""))

    return CASE_CONDITION.sub(worded, latex).replace(r"\text{otherwise}", rf"\text{{{otherwise}}}")
