"""The workbench's core: a typed loss checked, trained and compared; an uploaded file read, refused
or analysed sample by sample."""

import csv
import io
import math
import time

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lossviz import losses
from lossviz.datasets import classification_data, regression_data
from lossviz.labs.workbench import upload
from lossviz.labs.workbench.expression import compile_expression
from lossviz.labs.workbench.typed import (
    CUSTOM,
    curve_checks,
    custom_curve,
    custom_loss,
    custom_objective,
    torch_check,
    train_custom_line,
)
from lossviz.models import train_classifier, train_linear
from lossviz.tables import csv_text

TRAINING = {"optimizer": "nag", "lr": 0.05, "momentum": 0.9, "epochs": 200}


def typed(text, task="regression"):
    return compile_expression(text, task)


# --- checks of a typed loss -------------------------------------------------------------------

@pytest.mark.parametrize(("text", "task", "keys"), [
    ("where(abs(r) < a, 0.5*r**2, a*(abs(r) - 0.5*a))", "regression", []),
    ("log(1 + r**2) - 1", "regression", ["workbench.check.negative"]),
    ("abs(r - 1)", "regression", ["workbench.check.minimum_r"]),
    ("1/r**2", "regression", ["workbench.check.nonfinite", "workbench.check.minimum_r"]),
    ("-log(p)", "binary", []),
    ("(p - 0.5)**2", "binary", ["workbench.check.minimum_p"]),
    ("softplus(-z)", "binary", []),
    ("z**2", "binary", ["workbench.check.minimum_z"]),
])
def test_curve_checks_name_each_expected_property_that_fails(text, task, keys):
    compiled = typed(text, task)
    curve = custom_curve(compiled, {"a": 1.0})
    assert [sentence.key for sentence in curve_checks(compiled, curve)] == keys


def test_a_curve_has_gaps_not_infinities_where_the_formula_has_no_value():
    compiled = typed("log(abs(r))")
    curve = custom_curve(compiled, {})
    assert np.isnan(curve.value[curve.x == 0]).all() and np.isnan(curve.slope[curve.x == 0]).all()
    assert not np.isinf(curve.value).any() and not np.isinf(curve.slope).any()


@pytest.mark.parametrize(("text", "task", "params"), [
    ("where(abs(r) < a, 0.5*r**2, a*(abs(r) - 0.5*a))", "regression", {"a": 0.7}),
    ("abs(r)**a", "regression", {"a": 1.5}),
    ("log(cosh(r)) + b*maximum(r, 0)", "regression", {"b": 0.3}),
    ("-(1 - p)**a * log(p)", "binary", {"a": 2.0}),
    ("softplus(-z) * sigmoid(-z)**a", "binary", {"a": 2.0}),
    ("where(z < 1, 1 - z, 0)", "binary", {}),
])
def test_the_torch_check_agrees_to_float64_rounding(text, task, params):
    found = torch_check(typed(text, task), params)
    assert found["points"] >= 290
    assert found["value"] <= 1e-12 * found["scale"] and found["slope"] <= 1e-12 * found["scale"]


def test_the_typed_binary_gradient_is_the_finite_difference_of_its_loss():
    for text in ("-(1 - p)**a * log(p)", "softplus(-z)*a"):
        loss = custom_loss(typed(text, "binary"), {"a": 1.5})
        labels = np.array([0.0, 1.0, 1.0, 0.0, 1.0])
        scores = np.array([-2.0, -0.3, 0.4, 1.7, 3.0])
        step = 1e-6
        moved = step * np.eye(5)
        numeric = [(loss.forward(labels, scores + moved[i]) - loss.forward(labels, scores - moved[i])) / (2 * step)
                   for i in range(5)]
        np.testing.assert_allclose(loss.backward(labels, scores), numeric, rtol=1e-6, atol=1e-9)
        value, gradient = loss.value_and_gradient(labels, scores)
        assert value == pytest.approx(loss.forward(labels, scores))
        np.testing.assert_allclose(gradient, loss.backward(labels, scores))


def test_the_typed_loss_is_not_registered():
    custom_loss(typed("r**2"), {})
    assert CUSTOM not in losses.names()
    with pytest.raises(ValueError):
        losses.get(CUSTOM)


# --- trained ----------------------------------------------------------------------------------

def test_a_typed_mse_trains_exactly_as_the_builtin_mse():
    data = regression_data(n=200, noise=0.5, outlier_fraction=0.1, outlier_magnitude=5.0, features=1, seed=2)
    typed_run = train_custom_line(typed("r**2"), {}, data, TRAINING)
    builtin = train_linear(losses.get("mse"), data, **TRAINING)
    np.testing.assert_allclose(typed_run.params, builtin.params, rtol=1e-12, atol=1e-12)
    assert typed_run.loss == CUSTOM


def test_a_typed_loss_that_diverges_stops_as_a_diverged_run():
    data = regression_data(n=100, noise=0.5, outlier_fraction=0.0, outlier_magnitude=5.0, features=1, seed=0)
    run = train_custom_line(typed("-r**2"), {}, data, TRAINING)
    assert run.diverged_at is not None


def test_a_typed_cross_entropy_trains_as_the_builtin_bce():
    data = classification_data(n=600, imbalance=5, separation=2.0, seed=1, classes=2)
    training = {"optimizer": "adam", "lr": 0.05, "epochs": 100}
    for text in ("-log(p)", "softplus(-z)"):
        typed_run = train_classifier(custom_objective(typed(text, "binary"), {}), data, **training)
        from lossviz.models import objective

        builtin = train_classifier(objective("bce", {}), data, **training)
        np.testing.assert_allclose(typed_run.params, builtin.params, rtol=1e-6, atol=1e-8)
        np.testing.assert_allclose(typed_run.val_values, builtin.val_values, rtol=1e-6)


# --- the visitor's file -----------------------------------------------------------------------

def test_read_csv_reads_a_comma_file_with_a_bom():
    table = upload.read_csv("\ufeffy_true,y_pred\n1,2\n3,4\n".encode())
    assert table.header == ("y_true", "y_pred") and table.columns["y_pred"].tolist() == [2.0, 4.0]


def test_read_csv_guesses_a_semicolon_delimiter():
    table = upload.read_csv(b"label;probability\n0;0,1\n1;0.9\n")
    assert table.header == ("label", "probability") and table.rows == 2


def test_read_csv_guesses_a_tab_delimiter():
    assert upload.read_csv(b"x\ty\n1\t2\n3\t4\n").header == ("x", "y")


@pytest.mark.parametrize(("raw", "key"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"x,y\n\xff\xfe\xfa,1\n", "encoding"),
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (b"only_one_column\n1\n2\n", "columns"),
    (b"a,a\n1,2\n", "columns"),
    (b'x,y\n"1,2\n3,"4\n"5', "not_csv"),
])
def test_read_csv_refuses_what_it_cannot_use(raw, key):
    with pytest.raises(upload.UploadError) as caught:
        upload.read_csv(raw)
    assert caught.value.key == key


# Finding 2: parse time was unbounded. Each of these is refused by counting, before any parsing.
BOMBS = {
    "comma bomb, one line": (b"1," * 40_000, "long_line"),
    "comma bomb, 4.9 MB": (b"1," * 2_450_000, "too_large"),
    "500 000 column names": (",".join(f"c{i}" for i in range(500_000)).encode()[:upload.MAX_BYTES], "long_line"),
    "many short columns": ((",".join("abcdefghijklmnopqrstuvwxyz") + "\n1,2\n").encode(), "too_many_columns"),
    "a header field past the csv module's limit": (b"a" * 131_073 + b",b\n1,2\n", "long_line"),
    "a row past the row cap": (b"x,y\n" + b"1,2\n" * (upload.MAX_ROWS + 2), "too_many_rows"),
}


@pytest.mark.parametrize("name", BOMBS)
def test_bombs_are_refused_by_counting_before_parsing(name):
    raw, key = BOMBS[name]
    started = time.perf_counter()
    with pytest.raises(upload.UploadError) as caught:
        upload.check_upload(raw)
    assert caught.value.key == key
    assert time.perf_counter() - started < 1.0  # 22 s for the first before


# Finding 4: inputs that raised instead of being refused or drawn
def test_cr_only_line_endings_read_like_any_other():
    table = upload.read_csv(b"y_true,y_pred\r1,2\r3,5\r")
    assert table.header == ("y_true", "y_pred") and table.columns["y_pred"].tolist() == [2.0, 5.0]


@pytest.mark.parametrize("cells", [b"1e17,1e17\n1e17,1e17", b"1e308,-1e308\n-1e308,1e308", b"1e308,-1e308\n2,3"])
def test_numbers_beyond_the_magnitude_cap_drop_their_rows(cells):
    table = upload.read_csv(b"y_true,y_pred\n" + cells + b"\n")
    try:
        samples = upload.numeric_samples(table, ("y_true", "y_pred"))
    except upload.UploadError as error:
        assert error.key == "no_rows"
        return
    result = upload.regression_losses(samples, ["mse", "mae"])
    centres, counts, width = upload.histogram(result.x)
    assert np.isfinite(centres).all() and width > 0 and counts.sum() == samples.first.size


@pytest.mark.parametrize("value", [1e15, -1e15, 0.0, 123456.789])
def test_the_histogram_of_equal_values_has_bins_float64_tells_apart(value):
    centres, counts, width = upload.histogram(np.full(2, value))
    assert counts.sum() == 2 and width > 0 and np.unique(centres).size == upload.HISTOGRAM_BINS


def test_read_csv_refuses_a_file_over_the_row_cap():
    raw = ("x,y\n" + "1,2\n" * (upload.MAX_ROWS + 1)).encode()
    with pytest.raises(upload.UploadError) as caught:
        upload.read_csv(raw)
    assert caught.value.key == "too_many_rows"
    assert upload.read_csv(("x,y\n" + "1,2\n" * upload.MAX_ROWS).encode()).rows == upload.MAX_ROWS


def test_numeric_samples_drop_blank_text_and_formula_cells_and_count_them():
    table = upload.read_csv(b"x,y\n1,2\n=cmd|' /C calc'!A0,3\n,4\n5,abc\n6,inf\n7,8\n@SUM(1),9\n")
    samples = upload.numeric_samples(table, ("x", "y"))
    assert samples.first.tolist() == [1.0, 7.0] and samples.second.tolist() == [2.0, 8.0]
    assert samples.rows.tolist() == [1, 6] and samples.dropped == 5


def test_numeric_samples_refuse_a_file_with_no_usable_row():
    with pytest.raises(upload.UploadError) as caught:
        upload.numeric_samples(upload.read_csv(b"x,y\na,b\n,\n"), ("x", "y"))
    assert caught.value.key == "no_rows"


def test_numeric_samples_need_two_different_columns_of_the_file():
    table = upload.read_csv(b"x,y\n1,2\n")
    for names in (("x", "x"), ("x", "missing")):
        with pytest.raises(upload.UploadError, match="pick_columns"):
            upload.numeric_samples(table, names)


def test_class_samples_refuse_labels_other_than_0_and_1_naming_the_row():
    samples = upload.numeric_samples(upload.read_csv(b"label,p\n0,0.1\n1,0.7\n2,0.5\n"), ("label", "p"))
    with pytest.raises(upload.UploadError) as caught:
        upload.class_samples(samples, "probability")
    assert caught.value.key == "labels" and caught.value.values == {"row": 3, "value": "2"}


def test_class_samples_refuse_probabilities_outside_0_1_but_not_logits():
    samples = upload.numeric_samples(upload.read_csv(b"label,s\n0,-1.5\n1,2.5\n"), ("label", "s"))
    with pytest.raises(upload.UploadError) as caught:
        upload.class_samples(samples, "probability")
    assert caught.value.key == "probabilities" and caught.value.values["row"] == 1
    assert upload.class_samples(samples, "logit") is samples


@pytest.mark.parametrize(("header", "mode", "expected"), [
    (("id", "target", "prediction"), "residuals", ("target", "prediction")),
    (("Prediction", "Y_TRUE"), "residuals", ("Y_TRUE", "Prediction")),
    (("p", "label"), "classification", ("label", "p")),
    (("a", "b", "c"), "points", ("a", "b")),
])
def test_guess_columns_matches_names_then_takes_columns_in_order(header, mode, expected):
    assert upload.guess_columns(header, mode) == expected


# --- per-sample analysis ----------------------------------------------------------------------

def test_top_share_is_the_share_of_the_largest_losses():
    values = np.array([1.0] * 99 + [101.0])
    assert upload.top_share(values, 0.01) == pytest.approx(0.505)
    assert upload.top_share(np.ones(10), 0.10) == pytest.approx(0.1)
    assert upload.top_share(np.ones(3), 0.01) == pytest.approx(1 / 3)  # at least one sample
    assert math.isnan(upload.top_share(np.zeros(5), 0.1))


def test_regression_losses_per_sample_are_the_losses_elementwise_and_their_gradients():
    samples = upload.Samples(np.array([0.0, 1.0, 5.0]), np.array([0.5, 1.0, -5.0]), np.array([1, 2, 4]), 1)
    custom = custom_loss(typed("abs(r)**3"), {})
    result = upload.regression_losses(samples, ("mse", "huber"), custom)
    np.testing.assert_allclose(result.x, [0.5, 0.0, -10.0])
    np.testing.assert_allclose(result.values["mse"], [0.25, 0.0, 100.0])
    np.testing.assert_allclose(result.gradients["mse"], [1.0, 0.0, -20.0])
    np.testing.assert_allclose(result.values[CUSTOM], [0.125, 0.0, 1000.0])
    np.testing.assert_allclose(result.gradients[CUSTOM], [0.75, 0.0, -300.0])
    rows = upload.dominant_rows(result, CUSTOM)
    assert [row["row"] for row in rows] == [4, 1, 2]
    assert rows[0]["sample_r"] == -10.0 and rows[0][("gradient_of", CUSTOM)] == -300.0


def test_classification_losses_read_the_true_class_and_the_typed_loss_matches_bce():
    samples = upload.Samples(np.array([1.0, 0.0, 1.0]), np.array([0.9, 0.2, 0.3]), np.array([1, 2, 3]), 0)
    custom = custom_loss(typed("-log(p)", "binary"), {})
    result = upload.classification_losses(samples, "probability", ("bce", "focal", "hinge"), custom)
    assert set(result.values) == {"bce", "focal", CUSTOM}  # hinge reads scores, not probabilities
    np.testing.assert_allclose(result.x, [0.9, 0.8, 0.3])
    np.testing.assert_allclose(result.values[CUSTOM], result.values["bce"], rtol=1e-12)
    np.testing.assert_allclose(result.gradients[CUSTOM], result.gradients["bce"], rtol=1e-9)
    logits = upload.Samples(samples.first, np.log(samples.second / (1 - samples.second)), samples.rows, 0)
    by_logit = upload.classification_losses(logits, "logit", ("bce", "hinge"), custom)
    np.testing.assert_allclose(by_logit.values[CUSTOM], result.values["bce"], rtol=1e-12)
    np.testing.assert_allclose(by_logit.gradients[CUSTOM], by_logit.gradients["bce"], rtol=1e-9, atol=1e-15)
    assert by_logit.axis == "z" and "hinge" in by_logit.values


def test_share_rows_and_histogram_and_overlay_for_a_sample_file():
    table = upload.read_csv(upload.sample_file("residuals").encode())
    samples = upload.mode_samples(table, "residuals", ("y_true", "y_pred"), "probability")
    result = upload.regression_losses(samples, ("mse", "mae"))
    rows = {row["loss"]: row for row in upload.share_rows(result)}
    assert rows["mse"][("top_share", "1%")] > rows["mae"][("top_share", "1%")] > 1.0  # outliers carry MSE
    centres, counts, width = upload.histogram(result.x)
    assert counts.sum() == result.x.size and width > 0 and centres.size == upload.HISTOGRAM_BINS
    curves = upload.overlay_curves(result, typed("abs(r)"), {})
    assert [curve.name for curve in curves] == ["mse", "mae", CUSTOM]
    assert curves[0].x.min() == pytest.approx(result.x.min())


def test_points_are_standardised_and_fitted_lines_come_back_in_the_files_units():
    rng = np.random.default_rng(0)
    x = rng.uniform(100, 200, 300)
    y = 1000.0 - 3.0 * x + rng.normal(0, 0.01, 300)
    samples = upload.Samples(x, y, np.arange(1, 301), 0)
    data, scaling = upload.points_data(samples)
    assert abs(data.x.mean()) < 1e-12 and data.y.std() == pytest.approx(1.0)
    histories = upload.fit_points(data, ("mse",), custom_loss(typed("r**2"), {}))
    for row in upload.fitted_line_rows(histories, scaling):
        assert row["line_slope"] == pytest.approx(-3.0, abs=1e-3)
        assert row["line_intercept"] == pytest.approx(1000.0, abs=0.2)
    with pytest.raises(upload.UploadError, match="one_x"):
        upload.points_data(upload.Samples(np.ones(3), np.arange(3.0), np.arange(1, 4), 0))


@pytest.mark.parametrize("mode", upload.MODES)
def test_each_mode_has_a_sample_file_that_reads_back(mode):
    table = upload.read_csv(upload.sample_file(mode).encode())
    columns = upload.guess_columns(table.header, mode)
    samples = upload.mode_samples(table, mode, columns, "probability")
    assert samples.first.size == 200 and samples.dropped == 0


def test_exported_csv_never_starts_a_text_cell_with_a_formula_character():
    text = csv_text(["=name", "loss"], [["=cmd|' /C calc'!A0", "-1.5"], ["+SUM(A1)", "@x"], ["-", "ok"]])
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    for cell in cells:
        if cell[:1] in ("=", "+", "-", "@"):
            float(cell)  # only numbers may start so
    assert "-1.5" in cells and "'=cmd|' /C calc'!A0" in cells
    result = upload.regression_losses(upload.Samples(np.array([0.0]), np.array([-2.0]), np.array([1]), 0),
                                      ("mse",))
    assert upload.samples_csv(result).splitlines()[1] == "1,-2,4,-4"


@settings(max_examples=200, deadline=None)
@given(raw=st.one_of(
    st.binary(max_size=400),
    st.text(alphabet=st.sampled_from(list("0123456789.,;\t|\r\n\"' -eE+abxy")), max_size=400).map(str.encode),
    st.builds(lambda body, cut: body[:cut], st.just(upload.sample_file("residuals").encode()), st.integers(0, 4000)),
    st.builds(lambda cell, times: b"x,y\n" + cell * times, st.sampled_from([b"1,", b",", b"\"", b"1e308,", b"\r"]),
              st.integers(0, 3000))))
def test_any_bytes_give_a_table_or_a_refusal(raw):
    """Random, truncated, binary and bomb-like files: parse_table (the worker's side) returns a table or
    refuses with an UploadError, and what it returns holds finite numbers or NaN only."""
    try:
        header, columns = upload.parse_table(raw)
    except upload.UploadError as error:
        assert error.key in {"binary", "encoding", "empty", "not_csv", "columns", "too_many_rows", "long_line",
                             "too_many_columns", "too_large"}
        return
    assert len(header) == len(columns) >= 2
    assert all(not np.isinf(column).any() for column in columns)
