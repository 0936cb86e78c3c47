"""A loss typed by the visitor: a small expression language, safe on a public server.

The text is parsed by Python's `ast` (eval mode) and checked against a whitelist of node types,
names and functions, then built into a sympy expression node by node. Nothing the visitor types
is ever given to eval, exec, sympify or parse_expr. Numbers become floats, and every sub-expression
made of numbers alone is computed in float64 with overflow checks before any symbolic work, so
`9**9**9**9` is an overflow, not a hang. The symbolic steps (diff, latex, lambdify) of a new
expression first run in a separate worker process under a time limit (`vet`), so no expression
can hold the server.
"""

from __future__ import annotations

import ast
import atexit
import itertools
import json
import math
import os
import re
import select
import subprocess
import sys
import threading
from dataclasses import dataclass

import numpy as np
import sympy
from sympy.codegen.cfunctions import log1p as sympy_log1p
from sympy.printing.numpy import NumPyPrinter

from lossviz import numerics
from lossviz.expression_syntax import FUNCTIONS, PARAMETERS, REFUSED_NAMES, ExpressionError, parse_tree

SYMBOLIC_SECONDS = 3.0  # the worker's time limit for a new expression's diff, latex and lambdify
WORKER_MEMORY = 1 << 30  # bytes of address space the worker may use beyond what it starts with
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


def compile_vetted(text: str, task: str) -> Expression:
    """compile_expression, after the parse check here and the symbolic steps in the worker under
    SYMBOLIC_SECONDS."""
    parse_tree(text, task)  # the cheap refusals need no worker
    vet(text, task)
    return compile_expression(text, task)


# --- the worker: symbolic steps under a time limit ------------------------------------------

class Worker:
    """A child process that compiles expressions, one at a time; killed and restarted when one takes
    longer than the time limit. Threads share it, one request at a time."""

    def __init__(self):
        self._process: subprocess.Popen | None = None
        self._ready = False  # the running process has said it is ready
        self._lock = threading.Lock()

    def start(self) -> None:
        """Start the process if it is not running (it takes about a second to import sympy)."""
        with self._lock:
            self._ensure()

    def _ensure(self) -> subprocess.Popen:
        if self._process is None or self._process.poll() is not None:
            self._ready = False
            self._process = subprocess.Popen(
                [sys.executable, "-m", "lossviz.expression"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
        return self._process

    def _reply(self, process: subprocess.Popen, seconds: float) -> dict | None:
        """The worker's next line as a dict, or None when it sends none within `seconds` (or died)."""
        ready, _, _ = select.select([process.stdout], [], [], seconds)
        line = process.stdout.readline() if ready else b""
        return json.loads(line) if line else None

    def _kill(self) -> None:
        self._process.kill()
        self._process.wait()
        self._process.stdin.close()
        self._process.stdout.close()
        self._process = None

    def stop(self) -> None:
        with self._lock:
            if self._process is not None:
                self._kill()

    def run(self, text: str, task: str, seconds: float) -> None:
        """Compile in the worker; ExpressionError("too_complex") when it takes over `seconds`
        (counted from the request, once the worker is ready) or the worker dies."""
        with self._lock:
            process = self._ensure()
            if not self._ready and self._reply(process, STARTUP_SECONDS) is None:
                self._kill()
                raise RuntimeError("the expression worker did not start")
            self._ready = True
            process.stdin.write((json.dumps({"text": text, "task": task}) + "\n").encode())
            process.stdin.flush()
            reply = self._reply(process, seconds)
            if reply is None:
                self._kill()
            if reply is None or reply["seconds"] > seconds:
                raise ExpressionError("too_complex", seconds=f"{seconds:g}")


STARTUP_SECONDS = 20.0  # a new worker imports numpy and sympy (about a second) before it says it is ready
_WORKER = Worker()
atexit.register(_WORKER.stop)


def vet(text: str, task: str, seconds: float = SYMBOLIC_SECONDS) -> None:
    """Raise ExpressionError unless `text` compiles in the worker within `seconds`."""
    _WORKER.run(text, task, seconds)


def start_worker() -> None:
    """Start the worker ahead of the first expression (a page that takes expressions calls it)."""
    _WORKER.start()


def _serve() -> None:
    """The worker's loop: one JSON request per line in, one reply per line out."""
    import resource
    import time

    with open("/proc/self/statm") as statm:  # the address space in use now, in pages
        used = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    resource.setrlimit(resource.RLIMIT_AS, (used + WORKER_MEMORY, resource.RLIM_INFINITY))
    sys.stdout.write(json.dumps({"ready": True}) + "\n")
    sys.stdout.flush()
    for line in sys.stdin:
        request = json.loads(line)
        start = time.perf_counter()
        try:
            compile_expression(request["text"], request["task"])
            reply = {"ok": True}
        except ExpressionError as error:
            reply = {"ok": False, "key": error.key}
        except MemoryError:
            reply = {"ok": False, "key": "too_complex", "seconds": math.inf}
        reply.setdefault("seconds", time.perf_counter() - start)
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    _serve()
