"""The loss language's syntax: its limits, variables and functions, and the whitelist every
expression is checked against before anything is built from it. No sympy here: the settings of
the workbench read these names without loading it.
"""

from __future__ import annotations

import ast

from lossviz.i18n import DEFAULT_LANGUAGE, translate

MAX_LENGTH, MAX_NODES, MAX_DEPTH = 300, 200, 30
PARAMETERS = ("a", "b", "c")
# the variables of each task; the first of each group is the axis a chart draws
VARIABLES = {"regression": ("r", "y", "yhat"), "binary": ("p", "z")}
TASKS = tuple(VARIABLES)
# name -> number of arguments
FUNCTIONS = {"abs": 1, "exp": 1, "log": 1, "log1p": 1, "sqrt": 1, "cosh": 1, "tanh": 1, "sigmoid": 1, "softplus": 1,
             "minimum": 2, "maximum": 2, "clip": 3, "where": 3}
# what the visitor may have meant by the constructs that are refused, for the message
REFUSED = {
    ast.Attribute: "attribute", ast.Subscript: "subscript", ast.Lambda: "lambda", ast.NamedExpr: "walrus",
    ast.JoinedStr: "string", ast.FormattedValue: "string", ast.ListComp: "comprehension",
    ast.SetComp: "comprehension", ast.DictComp: "comprehension", ast.GeneratorExp: "comprehension",
    ast.BoolOp: "boolean", ast.IfExp: "if", ast.Starred: "starred", ast.List: "collection",
    ast.Tuple: "collection", ast.Set: "collection", ast.Dict: "collection", ast.Await: "await",
    ast.Yield: "yield", ast.YieldFrom: "yield", ast.Slice: "subscript",
}
BINARY_OPERATORS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Pow: "**"}
# the operators the language leaves out, as the visitor typed them
OTHER_OPERATORS = {ast.FloorDiv: "//", ast.Mod: "%", ast.MatMult: "@", ast.BitAnd: "&", ast.BitOr: "|",
                   ast.LShift: "<<", ast.RShift: ">>", ast.Invert: "~", ast.Not: "not"}
COMPARISONS = (ast.Lt, ast.LtE, ast.Gt, ast.GtE)
PROBABILITY_CLIP = 1e-12  # training with a loss of p keeps p = sigmoid(z) this far from 0 and 1


DEFAULT_TEXT = {"regression": "where(abs(r) < a, 0.5*r**2, a*(abs(r) - 0.5*a))", "binary": "-(1 - p)**a * log(p)"}


class ExpressionError(ValueError):
    """An expression that cannot be used: `key` names its i18n message (`workbench.error.<key>`),
    filled with `values`; the exception's text is the English message."""

    def __init__(self, key: str, **values):
        self.key = key
        self.values = values
        super().__init__(translate(DEFAULT_LANGUAGE, f"workbench.error.{key}", **values))


# --- parsing ----------------------------------------------------------------------------------

def parse_tree(text, task: str) -> ast.Expression:
    """The validated syntax tree of `text` for `task`, or ExpressionError naming what is wrong."""
    if task not in VARIABLES:
        raise ValueError(f"task must be one of {', '.join(TASKS)}; got {str(task)[:40]!r}")
    if not isinstance(text, str):
        raise ExpressionError("not_text")
    if not text.strip():
        raise ExpressionError("empty")
    if len(text) > MAX_LENGTH:
        raise ExpressionError("too_long", length=len(text), limit=MAX_LENGTH)
    if not text.isprintable():
        raise ExpressionError("unprintable")
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as error:
        raise ExpressionError("syntax", column=error.offset or 1) from None
    except (RecursionError, MemoryError, ValueError):
        raise ExpressionError("too_deep", limit=MAX_DEPTH) from None
    nodes = list(ast.walk(tree))
    if len(nodes) > MAX_NODES:
        raise ExpressionError("too_many_nodes", count=len(nodes), limit=MAX_NODES)
    if depth(tree) > MAX_DEPTH:
        raise ExpressionError("too_deep", limit=MAX_DEPTH)
    allowed = (*VARIABLES[task], *PARAMETERS)
    for node in nodes:
        check_node(node, allowed)
    return tree


def depth(tree: ast.AST) -> int:
    """The depth of `tree`, counted without recursion."""
    deepest, stack = 0, [(tree, 1)]
    while stack:
        node, level = stack.pop()
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in ast.iter_child_nodes(node))
    return deepest


def check_node(node: ast.AST, allowed: tuple[str, ...]) -> None:
    """ExpressionError unless `node` is one the language has (names are checked in their context:
    a function only where it is called, a variable only where it is not)."""
    if isinstance(node, (ast.Expression, ast.Load, ast.BinOp, ast.UnaryOp, ast.Compare, ast.Name, ast.Call,
                         *BINARY_OPERATORS, ast.USub, ast.UAdd, *COMPARISONS)):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitXor):
            raise ExpressionError("caret")  # r^2 as a calculator writes it: say how to write a power
        if isinstance(node, ast.BinOp) and type(node.op) not in BINARY_OPERATORS:
            raise ExpressionError("operator", operator=OTHER_OPERATORS.get(type(node.op), "?"))
        if isinstance(node, ast.UnaryOp) and not isinstance(node.op, (ast.USub, ast.UAdd)):
            raise ExpressionError("operator", operator=OTHER_OPERATORS.get(type(node.op), "?"))
        if isinstance(node, ast.Compare) and not all(type(op) in COMPARISONS for op in node.ops):
            raise ExpressionError("comparison")
        if isinstance(node, ast.Name) and node.id not in allowed and node.id not in FUNCTIONS:
            raise ExpressionError("unknown_name", name=node.id[:40], names=", ".join(allowed))
        if isinstance(node, ast.Call):
            check_call(node)
        return
    if isinstance(node, ast.Constant):
        if isinstance(node.value, bool) or not isinstance(node.value, (int, float)):
            raise ExpressionError("refused", what=REFUSED_NAMES["string" if isinstance(node.value, (str, bytes))
                                                               else "constant"])
        return
    raise ExpressionError("refused", what=REFUSED_NAMES[REFUSED.get(type(node), "syntax")])


REFUSED_NAMES = {
    "attribute": "attribute access (.)", "subscript": "indexing ([ ])", "lambda": "lambda", "walrus": ":=",
    "string": "text in quotes", "comprehension": "a comprehension", "boolean": "and / or", "if": "if ... else",
    "starred": "*", "collection": "lists, tuples, sets and dicts", "await": "await", "yield": "yield",
    "constant": "this constant", "syntax": "this syntax",
}


def check_call(node: ast.Call) -> None:
    if not isinstance(node.func, ast.Name):
        raise ExpressionError("refused", what=REFUSED_NAMES[REFUSED.get(type(node.func), "syntax")])
    if node.func.id not in FUNCTIONS:
        raise ExpressionError("not_a_function", name=node.func.id[:40], functions=", ".join(FUNCTIONS))
    if node.keywords or any(isinstance(arg, ast.Starred) for arg in node.args):
        raise ExpressionError("keywords", name=node.func.id)
    if len(node.args) != FUNCTIONS[node.func.id]:
        raise ExpressionError("arguments", name=node.func.id, count=FUNCTIONS[node.func.id], given=len(node.args))
