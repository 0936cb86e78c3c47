"""Synthetic regression data: seeded, with the outliers asked for, and refusing bad settings."""

import numpy as np
import pytest

from lossviz.datasets import REGRESSION_SPECS, X_HALF_RANGE, classification_data, regression_data, with_enough_points


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


@pytest.mark.parametrize("imbalance", [1, 2, 10, 100, 1000])
def test_the_imbalance_asked_for_is_the_imbalance_produced_in_both_splits(imbalance):
    data = classification_data(n=10_000, imbalance=imbalance, seed=3)
    for labels in (data.y, data.y_val):
        counts = np.bincount(labels)
        # rounding to whole points: within one minority point of the exact ratio
        assert counts[0] / (counts[1] + 1) <= imbalance <= counts[0] / max(counts[1] - 1, 1)
    assert abs(data.y_val.size / (data.y.size + data.y_val.size) - 0.3) < 0.01


def test_classification_data_is_seeded_and_multi_class_sizes_fall_geometrically():
    first, again = classification_data(seed=4), classification_data(seed=4)
    np.testing.assert_array_equal(first.x, again.x)
    np.testing.assert_array_equal(first.y_val, again.y_val)
    three = classification_data(classes=3, n=3000, imbalance=100)
    counts = np.bincount(np.concatenate([three.y, three.y_val]))
    np.testing.assert_allclose(counts / counts[0], [1, 0.1, 0.01], rtol=0.1)


def test_separation_moves_the_class_centres_apart():
    data = classification_data(n=10_000, imbalance=1, separation=4.0)
    gap = data.x[data.y == 1].mean(axis=0) - data.x[data.y == 0].mean(axis=0)
    np.testing.assert_allclose(gap, [4.0, 0.0], atol=0.1)


@pytest.mark.parametrize(("settings", "message"), [
    ({"imbalance": 1000, "n": 200}, "leaves 0 minority point"),
    ({"imbalance": 0.5}, r"imbalance must be in \[1, 1000\]"),
    ({"separation": -1}, r"separation must be in \[0, 5\]"),
    ({"classes": 7}, "classes must be 2, 3, 4 or 5"),
    ({"n": 100_000}, r"n must be in \[200, 10000\]"),
])
def test_bad_classification_settings_are_refused(settings, message):
    with pytest.raises(ValueError, match=message):
        classification_data(**settings)


@pytest.mark.parametrize("classes", [2, 3])
@pytest.mark.parametrize("imbalance", [1, 10, 100, 300, 1000])
def test_points_needed_is_the_fewest_points_that_keep_two_minority_samples_in_each_split(imbalance, classes):
    from lossviz.datasets import MIN_PER_SPLIT, class_counts, points_needed

    needed = points_needed(imbalance, classes)
    assert min(class_counts(needed, imbalance, classes)) >= 2 * MIN_PER_SPLIT
    assert min(class_counts(needed - 1, imbalance, classes)) < 2 * MIN_PER_SPLIT or needed == 1
    data = classification_data(classes=classes, **with_enough_points({"n": 200, "imbalance": imbalance}, classes))
    assert data.size == max(200, needed) and min(np.bincount(data.y_val)) >= MIN_PER_SPLIT
