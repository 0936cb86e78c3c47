"""Synthetic regression data: seeded, with the outliers asked for, and refusing bad settings."""

import numpy as np
import pytest

from lossviz.data import REGRESSION_SPECS, X_HALF_RANGE, regression_data


def test_same_settings_give_the_same_data_and_another_seed_other_data():
    first = regression_data(n=300, outlier_fraction=0.2, seed=7)
    again = regression_data(n=300, outlier_fraction=0.2, seed=7)
    other = regression_data(n=300, outlier_fraction=0.2, seed=8)
    for field in ("x", "y", "is_outlier"):
        np.testing.assert_array_equal(getattr(first, field), getattr(again, field))
    assert not np.array_equal(first.y, other.y)


@pytest.mark.parametrize("kind", ["vertical", "leverage"])
@pytest.mark.parametrize(("n", "fraction"), [(20, 0.0), (20, 0.5), (200, 0.1), (1000, 0.23), (5000, 0.37)])
def test_the_requested_outlier_fraction_is_met(kind, n, fraction):
    data = regression_data(n=n, outlier_fraction=fraction, outlier_kind=kind)
    assert data.x.shape == (n, 1) and data.y.shape == (n,)
    assert data.is_outlier.sum() == round(fraction * n)


def test_vertical_outliers_are_errors_in_y_above_the_line():
    data = regression_data(n=1000, noise=0.5, outlier_fraction=0.2, outlier_magnitude=5.0)
    residual = data.y - data.true_line(data.x)
    spread = data.true_line(data.x).std()
    assert np.all(residual[data.is_outlier] > 4.0 * spread)  # magnitude 5 minus at most a few noise sds
    assert np.all(np.abs(data.x) <= X_HALF_RANGE)
    assert abs(residual[~data.is_outlier].std() - 0.5) < 0.05


def test_leverage_points_are_errors_in_x_beyond_the_clean_range_with_a_correct_y():
    data = regression_data(n=1000, noise=0.0, outlier_fraction=0.2, outlier_kind="leverage", outlier_magnitude=2.0)
    assert np.all(data.x[data.is_outlier, 0] > X_HALF_RANGE + 2.0 * 1.5)
    assert np.all(np.abs(data.x[~data.is_outlier]) <= X_HALF_RANGE)
    clean_y = data.true_line(data.x[~data.is_outlier])
    # y is the true line at the point's real x: within the clean data's range, far from the line at the wrong x
    assert clean_y.min() <= data.y[data.is_outlier].min() and data.y[data.is_outlier].max() <= clean_y.max()
    np.testing.assert_allclose(data.y[~data.is_outlier], clean_y)


def test_several_features_use_the_known_slopes():
    data = regression_data(n=500, features=3, noise=0.0, outlier_fraction=0.0)
    assert data.x.shape == (500, 3) and data.slopes.shape == (3,)
    np.testing.assert_allclose(data.y, data.x @ data.slopes + data.intercept)


def test_defaults_come_from_the_specs():
    data = regression_data()
    assert data.x.shape[0] == REGRESSION_SPECS["n"].default
    assert data.is_outlier.sum() == round(REGRESSION_SPECS["outlier_fraction"].default * data.x.shape[0])


@pytest.mark.parametrize(("settings", "message"), [
    ({"n": 5}, r"n must be in \[20, 5000\]; got 5"),
    ({"n": 100_000}, r"n must be in \[20, 5000\]"),
    ({"n": 50.5}, "n must be a whole number"),
    ({"noise": -1.0}, r"noise must be in \[0, 3\]"),
    ({"outlier_fraction": 0.6}, r"outlier_fraction must be in \[0, 0.5\]"),
    ({"outlier_fraction": float("nan")}, "outlier_fraction must be in"),
    ({"outlier_magnitude": "big"}, "outlier_magnitude must be a number"),
    ({"seed": -3}, r"seed must be in \[0, 9999\]"),
    ({"outlier_kind": "sideways"}, "outlier_kind must be one of vertical, leverage"),
    ({"n_points": 10}, "unknown setting"),
])
def test_bad_settings_are_refused_with_a_clear_message(settings, message):
    with pytest.raises(ValueError, match=message):
        regression_data(**settings)
