"""The loss language: what it refuses (and that refusing runs nothing), its limits, its numbers,
and that its sympy derivatives equal PyTorch's autograd."""

import ast
import contextlib

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lossviz import losses
from lossviz.i18n import strings
from lossviz.labs.workbench.expression import compile_expression
from lossviz.labs.workbench.syntax import MAX_DEPTH, MAX_LENGTH, MAX_NODES, ExpressionError, parse_tree
from lossviz.labs.workbench.typed import custom_loss, torch_check

KOREAN = strings("ko")

CANARY = "/tmp/lossviz-canary"

REFUSED = [
    ("__import__('os').system('touch /tmp/lossviz-canary')", "refused"),
    ("__import__('os')", "not_a_function"),
    ("r.__class__", "refused"),
    ("r.real", "refused"),
    ("().__class__.__bases__[0].__subclasses__()", "refused"),
    ("__builtins__", "unknown_name"),
    ("[r][0]", "refused"),
    ("'text'", "refused"),
    ("f'{r}'", "refused"),
    ("b'bytes'", "refused"),
    ("lambda: 1", "refused"),
    ("[x for x in (1, 2)]", "refused"),
    ("(x := 2)", "refused"),
    ("open('/tmp/lossviz-canary', 'w')", "not_a_function"),
    ("eval('1')", "not_a_function"),
    ("exec('1')", "not_a_function"),
    ("getattr(r, 'real')", "not_a_function"),
    ("print(r)", "not_a_function"),
    ("exp(r, base=2)", "keywords"),
    ("exp(*r)", "keywords"),
    ("exp(r, r)", "arguments"),
    ("exp", "function_as_value"),
    ("r(2)", "not_a_function"),
    ("q + 1", "unknown_name"),
    ("p", "unknown_name"),
    ("r if r > 0 else -r", "refused"),
    ("r > 0", "comparison_outside"),
    ("where(r, 1, 2)", "where_condition"),
    ("where(r == 0, 1, 2)", "comparison"),
    ("r and 1", "refused"),
    ("r // 2", "operator"),
    ("r % 2", "operator"),
    ("r @ r", "operator"),
    ("~r", "operator"),
    ("not r", "operator"),
    ("r^2", "caret"),
    ("True", "refused"),
    ("1j", "refused"),
    ("...", "refused"),
    ("r;1", "syntax"),
    ("import os", "syntax"),
    ("r\n+1", "unprintable"),
    ("", "empty"),
    ("   ", "empty"),
    ("9**9**9**9", "overflow"),
    ("1e999", "overflow"),
    ("10**400", "overflow"),
    ("1" + "0" * 298 + "*r", "too_long"),
    ("1" + "0" * 290 + "**2 * r", "overflow"),
    ("exp(1000)", "overflow"),
    ("1/0", "division_by_zero"),
    ("r + 1/(2 - 2)", "division_by_zero"),
    ("(-8)**0.5", "complex"),
    ("log(-1)", "domain"),
    ("sqrt(-1) + r", "domain"),
    ("(" * 500 + "r" + ")" * 500, "too_long"),
    ("r" + "+r" * 150, "too_long"),
]


@pytest.mark.parametrize(("text", "key"), REFUSED)
def test_refused_with_the_reason_and_nothing_run(text, key):
    with pytest.raises(ExpressionError) as caught:
        compile_expression(text, "regression")
    assert caught.value.key == key
    assert str(caught.value)  # an English message
    assert f"workbench.error.{key}" in KOREAN
    import os

    assert not os.path.exists(CANARY)


@pytest.mark.parametrize(("text", "shown"), [("r^2", "write powers with **"), ("r // 2", "//"), ("~r", "~"),
                                             ("r & 1", "&")])
def test_a_refused_operator_is_named_as_typed_in_both_languages(text, shown):
    from lossviz.i18n import translate

    with pytest.raises(ExpressionError) as caught:
        compile_expression(text, "regression")
    korean = translate("ko", f"workbench.error.{caught.value.key}", **caught.value.values)
    for message in (str(caught.value), korean):
        assert "BitXor" not in message and "FloorDiv" not in message and "Invert" not in message
    assert shown in str(caught.value)
    assert ("**" if caught.value.key == "caret" else shown) in korean


def test_the_limits_hold_and_each_is_named():
    assert ast.dump(parse_tree("(" * 100 + "r" + ")" * 100, "regression")) == ast.dump(parse_tree("r", "regression"))
    nested = "exp(" * MAX_DEPTH + "r" + ")" * MAX_DEPTH
    with pytest.raises(ExpressionError, match="nested too deeply"):
        parse_tree(nested, "regression")
    many = "+".join(["r*r"] * 60)  # within 300 characters, over 200 nodes
    assert len(many) <= MAX_LENGTH
    with pytest.raises(ExpressionError, match=f"at most {MAX_NODES}"):
        parse_tree(many, "regression")
    with pytest.raises(ExpressionError, match=f"at most {MAX_LENGTH}"):
        parse_tree("r" * (MAX_LENGTH + 1), "regression")
    with pytest.raises(ExpressionError):
        parse_tree(None, "regression")
    with pytest.raises(ValueError, match="task must be one of"):
        parse_tree("r", "segmentation")


@pytest.mark.parametrize(("text", "same_as"), [
    ("ｒ**2", "r**2"),  # fullwidth r: Python's parser reads it as r
    ("ℯxp(r)", "exp(r)"),  # script e normalises to e
    ("ｅｘｐ(ｒ)", "exp(r)"),
])
def test_unicode_look_alikes_become_exactly_the_whitelisted_name(text, same_as):
    assert compile_expression(text, "regression").value == compile_expression(
        same_as, "regression").value


@pytest.mark.parametrize("text", ["гr", "rг", "ꭇ", "ᴿ", "r·r"])
def test_other_unicode_names_are_refused(text):
    with pytest.raises(ExpressionError):
        compile_expression(text, "regression")


def test_numbers_are_floats_and_constants_are_folded_first():
    compiled = compile_expression("r**(2**3) + 2**0.5", "regression")
    assert compiled.evaluate(np.array([1.0]))[0][0] == pytest.approx(1.0 + 2**0.5, abs=1e-15)
    # a whole number of any size never reaches sympy as a Python int: 10**300 folds to a float
    big = compile_expression("r * 10**300", "regression")
    assert big.evaluate(np.array([1.0]))[0][0] == 1e300


def test_huber_typed_equals_the_builtin_huber():
    compiled = compile_expression("where(abs(r) < a, 0.5*r**2, a*(abs(r) - 0.5*a))", "regression")
    rng = np.random.default_rng(3)
    y_true, y_pred = rng.normal(size=500), rng.normal(size=500) * 4
    for delta in (0.1, 1.0, 2.5):
        typed = custom_loss(compiled, {"a": delta})
        builtin = losses.get("huber", delta=delta)
        assert abs(typed.forward(y_true, y_pred) - builtin.forward(y_true, y_pred)) <= 1e-12
        np.testing.assert_allclose(typed.elementwise(y_true, y_pred), builtin.elementwise(y_true, y_pred), atol=1e-12)
        np.testing.assert_allclose(typed.backward(y_true, y_pred), builtin.backward(y_true, y_pred), atol=1e-12)


def test_focal_typed_in_p_trains_like_its_formula():
    compiled = compile_expression("-(1 - p)**a * log(p)", "binary")
    p = np.linspace(0.01, 1.0, 100)
    values, slopes = compiled.evaluate(p, {"a": 2.0})
    np.testing.assert_allclose(values, -(1 - p) ** 2 * np.log(p), atol=1e-14)
    np.testing.assert_allclose(slopes, 2 * (1 - p) * np.log(p) - (1 - p) ** 2 / p, atol=1e-12)
    assert np.isfinite(slopes).all()  # (1 - p)^a / (1 - p) is simplified: finite at p = 1


def test_regression_text_in_y_and_yhat_reads_the_target():
    compiled = compile_expression("(yhat - y)**2 / (1 + abs(y))", "regression")
    assert compiled.reads_target and compiled.axis == "r"
    typed = custom_loss(compiled, {})
    y_true, y_pred = np.array([0.0, 3.0, -1.0]), np.array([1.0, 1.0, 1.0])
    np.testing.assert_allclose(typed.elementwise(y_true, y_pred), (y_pred - y_true) ** 2 / (1 + abs(y_true)))
    np.testing.assert_allclose(typed.backward(y_true, y_pred), 2 * (y_pred - y_true) / (1 + abs(y_true)) / 3)


def test_binary_text_in_z_and_p_together_reads_p_as_sigmoid_z():
    compiled = compile_expression("softplus(-z) + 0*p", "binary")
    assert compiled.axis == "z"
    z = np.linspace(-30, 30, 61)
    values, slopes = compiled.evaluate(z)
    np.testing.assert_allclose(values, np.logaddexp(0, -z), rtol=1e-14)
    np.testing.assert_allclose(slopes, -1 / (1 + np.exp(z)), rtol=1e-12, atol=1e-300)


LEAVES = st.sampled_from(["r", "a", "b", "1", "2.5", "0.5", "3"])


def _grow(children):
    return st.one_of(
        st.tuples(children, st.sampled_from(["+", "-", "*"]), children).map(lambda t: f"({t[0]} {t[1]} {t[2]})"),
        st.tuples(children, children).map(lambda t: f"({t[0]}) / (1 + ({t[1]})**2)"),
        st.tuples(st.sampled_from(["exp", "tanh", "sigmoid", "softplus", "abs", "cosh"]), children).map(
            lambda t: f"{t[0]}({t[1]})"),
        st.tuples(children, children).map(lambda t: f"maximum({t[0]}, {t[1]})"),
        st.tuples(children, children).map(lambda t: f"minimum({t[0]}, {t[1]})"),
        st.tuples(children, children, children).map(lambda t: f"where({t[0]} < {t[1]}, {t[1]}, {t[2]})"),
        children.map(lambda c: f"log1p(({c})**2)"),
        children.map(lambda c: f"sqrt(1 + ({c})**2)"),
        st.tuples(children, st.sampled_from(["2", "3", "1.5"])).map(lambda t: f"abs({t[0]})**{t[1]}"),
        st.tuples(children, children, children).map(lambda t: f"clip({t[0]}, -abs({t[1]}), abs({t[2]}))"),
    )


EXPRESSIONS = st.recursive(LEAVES, _grow, max_leaves=6)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=EXPRESSIONS, a=st.floats(-2, 2), b=st.floats(0.1, 3))
def test_sympy_derivatives_equal_torch_autograd_on_random_expressions(text, a, b):
    try:
        compiled = compile_expression(text, "regression")
    except ExpressionError:
        return  # a valid-looking text may still fold to an overflow
    x = np.linspace(-2.013, 2.017, 57)  # off the round numbers where max, min and where switch
    found = torch_check(compiled, {"a": a, "b": b, "c": 0.0}, x)
    if found["points"]:
        assert found["value"] <= 1e-9 * found["scale"], text
        assert found["slope"] <= 1e-7 * found["scale"], text


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=80))
def test_random_text_is_either_compiled_or_refused_by_the_parser(text):
    with contextlib.suppress(ExpressionError):
        compile_expression(text, "regression")


PIECES = st.sampled_from(["r", "a", "1", "(", ")", "+", "*", "**", "-", "exp", "log", ",", ".", "[", "]", "__",
                          "import", "lambda", ":", "=", "'", "x", "where", "<", "abs", " ", "0", "9", "e"])


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(PIECES, max_size=30))
def test_random_token_soup_is_either_compiled_or_refused_by_the_parser(pieces):
    with contextlib.suppress(ExpressionError):
        compile_expression("".join(pieces), "regression")


NODE_TYPES = [ast.Attribute, ast.Subscript, ast.Lambda, ast.ListComp, ast.NamedExpr, ast.JoinedStr, ast.Starred]


@settings(max_examples=100, deadline=None)
@given(tree=st.recursive(
    st.one_of(st.builds(lambda name: ast.Name(id=name, ctx=ast.Load()),
                        st.sampled_from(["r", "a", "os", "__import__", "exp", "open", "y", "system"])),
              st.builds(lambda value: ast.Constant(value=value),
                        st.one_of(st.floats(allow_nan=True), st.integers(), st.text(max_size=3), st.booleans()))),
    lambda children: st.one_of(
        st.builds(lambda left, right: ast.BinOp(left=left, op=ast.Pow(), right=right), children, children),
        st.builds(lambda func, arg: ast.Call(func=func, args=[arg], keywords=[]), children, children),
        st.builds(lambda value: ast.Attribute(value=value, attr="system", ctx=ast.Load()), children),
        st.builds(lambda value: ast.Subscript(value=value, slice=ast.Constant(0), ctx=ast.Load()), children),
    ), max_leaves=6))
def test_random_syntax_trees_unparsed_are_compiled_or_refused(tree):
    text = ast.unparse(ast.fix_missing_locations(ast.Expression(body=tree)))
    with contextlib.suppress(ExpressionError):
        compile_expression(text, "regression")
    import os

    assert not os.path.exists(CANARY)


def _formula(children):
    """A formula of the loss language from its grammar: operators, calls and where, over `children`."""
    return st.one_of(
        st.builds(lambda left, op, right: f"({left}{op}{right})", children, st.sampled_from(["+", "-", "*", "/", "**"]),
                  children),
        st.builds(lambda name, arg: f"{name}({arg})", st.sampled_from(
            ["abs", "exp", "log", "log1p", "sqrt", "cosh", "tanh", "sigmoid", "softplus"]), children),
        st.builds(lambda name, x, y: f"{name}({x},{y})", st.sampled_from(["minimum", "maximum"]), children, children),
        st.builds(lambda x, op, y, t, f: f"where({x}{op}{y},{t},{f})", children,
                  st.sampled_from(["<", "<=", ">", ">="]), children, children, children),
        st.builds(lambda x, low, high: f"clip({x},{low},{high})", children, children, children))


GRAMMAR = st.recursive(
    st.one_of(st.sampled_from(["r", "y", "yhat", "a", "b", "c", "0", "1", "2", "0.5", "1e308", "1e-308", "9999"]),
              st.floats(allow_nan=False, allow_infinity=False).map(repr)),
    _formula, max_leaves=12)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(GRAMMAR, st.builds(lambda formula, noise: formula + noise, GRAMMAR,
                                         st.sampled_from(["", ")", "**", " r", ",", "[0]", ".real", "\n"]))))
def test_formulas_from_the_grammar_are_refused_or_drawn_never_raise(text):
    """Every formula the language can write, and some with a stray token: an ExpressionError, or an
    Expression whose curve evaluates (non-finite points are the chart's gaps, not exceptions)."""
    try:
        compiled = compile_expression(text, "regression")
    except ExpressionError as error:
        assert str(error)
        return
    values, slopes = compiled.evaluate(np.linspace(-3, 3, 61), {"a": 1.0, "b": 2.0, "c": 0.5})
    assert values.shape == slopes.shape == (61,)


def test_a_parameter_at_zero_under_a_negative_power_is_a_gap_not_an_exception():
    """The drag frames evaluate every stop of a parameter's slider, 0 included: (r/a)**2 at a = 0 raised
    ZeroDivisionError where Python's floats met, and the page fell back to its defaults."""
    compiled = compile_expression("log(1 + (r/a)**2) + a**-2 + 10**a", "regression")
    values, _ = compiled.evaluate(np.linspace(-3, 3, 7), {"a": 0.0})
    assert np.isnan(values).any() or np.isinf(values).any()
    values, _ = compiled.evaluate(np.linspace(-3, 3, 7), {"a": 400.0})  # 10**400: inf, not OverflowError
    assert np.isinf(values).all()
