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

import sympy
from sympy.codegen.cfunctions import log1p as sympy_log1p

from lossviz import numerics
from lossviz.labs.workbench import program
from lossviz.labs.workbench.program import LONGEST_LATEX, MAX_PROGRAM_DEPTH, MAX_PROGRAM_NODES, Expression
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
NAMES = {symbol: name for name, symbol in SYMBOLS.items()}


# --- as a program -----------------------------------------------------------------------------

SYMPY_OPERATIONS = {sympy.exp: "exp", sympy.log: "log", sympy_log1p: "log1p", sympy.Abs: "abs", sympy.sign: "sign",
                    sympy.cosh: "cosh", sympy.sinh: "sinh", sympy.tanh: "tanh", sigmoid: "sigmoid",
                    softplus: "softplus", sympy.Add: "add", sympy.Mul: "mul", sympy.Min: "min", sympy.Max: "max",
                    sympy.And: "and", sympy.Or: "or", sympy.Not: "not", sympy.StrictLessThan: "lt",
                    sympy.LessThan: "le", sympy.StrictGreaterThan: "gt", sympy.GreaterThan: "ge",
                    sympy.Eq: "eq", sympy.Ne: "ne"}
UNDEFINED = (sympy.zoo, sympy.nan, sympy.oo, -sympy.oo)


def to_program(expr) -> list:
    """`expr` as a program (labs.workbench.program) in JSON form: nested lists; ExpressionError for
    an undefined part, a number beyond float64, or a program over its size limits."""
    count = 0

    def walk(node, level):
        nonlocal count
        count += 1
        if count > MAX_PROGRAM_NODES or level > MAX_PROGRAM_DEPTH:
            raise ExpressionError("too_large", limit=MAX_PROGRAM_NODES)
        if node in UNDEFINED or node is sympy.S.ComplexInfinity:
            raise ExpressionError("undefined")
        if node is sympy.true or node is sympy.false:
            return ["num", float(bool(node))]
        if node.is_Number or node.is_NumberSymbol:
            return ["num", float_of_sympy(node)]
        if node.is_Symbol:
            return ["var", NAMES[node]]
        if isinstance(node, sympy.Pow):
            base, power = walk(node.base, level + 1), node.exp
            if power == -1:
                return ["inv", base]
            if power == sympy.S.Half:
                return ["sqrt", base]
            if power == -sympy.S.Half:
                return ["inv", ["sqrt", base]]
            return ["pow", base, walk(power, level + 1)]
        if isinstance(node, sympy.Piecewise):
            *branches, (last, condition) = node.args
            code = walk(last, level + 1) if condition == sympy.true else ["num", float("nan")]
            for value, test in reversed(branches):
                code = ["where", walk(test, level + 1), walk(value, level + 1), code]
            return code
        if isinstance(node, sympy.Heaviside):
            return ["heaviside", walk(node.args[0], level + 1),
                    walk(node.args[1], level + 1) if len(node.args) > 1 else ["num", 0.5]]
        operation = next((name for kind, name in SYMPY_OPERATIONS.items() if isinstance(node, kind)), None)
        if operation is None:  # DiracDelta, an unevaluated Derivative, ...
            raise ExpressionError("unsupported")
        return [operation, *(walk(arg, level + 1) for arg in node.args)]

    return walk(expr, 1)


def float_of_sympy(number) -> float:
    """A sympy number as a float64; ExpressionError("overflow") beyond its range."""
    try:
        value = float(number)
    except OverflowError:
        raise ExpressionError("overflow") from None
    if not math.isfinite(value):
        raise ExpressionError("overflow")
    return value


# float64 twins of the functions, for sub-expressions of numbers alone
FLOAT_FUNCTIONS = {"abs": abs, "exp": math.exp, "log": math.log, "log1p": math.log1p, "sqrt": math.sqrt,
                   "cosh": math.cosh, "tanh": math.tanh, "sigmoid": lambda x: float(program.array_sigmoid(x)),
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
    if operator is ast.Div and is_number(right) and right == 0.0:
        raise ExpressionError("division_by_zero")
    left, right = as_sympy(left), as_sympy(right)
    if operator is ast.Add:
        return checked(left + right)
    if operator is ast.Sub:
        return checked(left - right)
    if operator is ast.Mult:
        return checked(left * right)
    if operator is ast.Div:
        return checked(left / right)
    return checked(left ** right)


def checked(expr):
    """`expr`, unless sympy's exact arithmetic made a number float64 cannot hold (1e308 * r * 10 is
    1e309 r, which sympy keeps and float64 cannot) or a part with no finite value (log(0)):
    ExpressionError then, so the chart and the PyTorch check never disagree about it."""
    if expr.has(*UNDEFINED):
        raise ExpressionError("undefined")
    for number in expr.atoms(sympy.Number):
        float_of_sympy(number)
    return expr


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
        return checked(sympy.Piecewise((as_sympy(first), test), (as_sympy(second), True)))
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
        return checked(sympy.Min(sympy.Max(args[0], args[1]), args[2]))
    return checked({"abs": sympy.Abs, "exp": sympy.exp, "log": sympy.log, "log1p": sympy_log1p, "sqrt": sympy.sqrt,
                    "cosh": sympy.cosh, "tanh": sympy.tanh, "sigmoid": sigmoid, "softplus": softplus,
                    "minimum": sympy.Min, "maximum": sympy.Max}[name](*args))


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

def compile_expression(text: str, task: str) -> Expression:
    """`text` as an Expression for `task`, or ExpressionError. The symbolic steps are bounded only by
    the tree's limits: on visitor text, run it in the worker (labs.workbench.worker)."""
    tree = parse_tree(text, task)
    try:
        return _compiled(text, task, tree)
    except ExpressionError:
        raise
    except (TypeError, ValueError, ArithmeticError, AttributeError, NotImplementedError, KeyError):
        # sympy's own limits (it cannot rewrite some max and min of absolute values, for one)
        raise ExpressionError("unsupported") from None
    except RecursionError:
        raise ExpressionError("too_large", limit=MAX_PROGRAM_NODES) from None


def _compiled(text: str, task: str, tree) -> Expression:
    built = as_sympy(build(tree))
    used = {NAMES[symbol] for symbol in built.free_symbols}
    if task == "regression":
        axis, display = "r", built
        value = built.subs(SYMBOLS["yhat"], SYMBOLS["y"] + SYMBOLS["r"])
    else:
        axis = "z" if "z" in used else "p"
        display = built
        value = built.subs(SYMBOLS["p"], sigmoid(SYMBOLS["z"])) if axis == "z" else built
    slope = sympy.powsimp(sympy.diff(value, SYMBOLS[axis]))  # (1 - p)^a / (1 - p) as (1 - p)^(a - 1): finite at p = 1
    latex, slope_latex = "L = " + sympy.latex(display), sympy.latex(slope)
    if max(len(latex), len(slope_latex)) > LONGEST_LATEX:
        raise ExpressionError("too_large", limit=MAX_PROGRAM_NODES)
    return Expression(
        text=text, task=task, axis=axis, value=program.from_json(to_program(value)),
        slope=program.from_json(to_program(slope)), parameters=tuple(name for name in PARAMETERS if name in used),
        reads_target=SYMBOLS["y"] in value.free_symbols, latex=latex, slope_latex=slope_latex)
