"""Limits and identities between losses: each one a formula that holds by construction."""

import numpy as np
import pytest

from lossviz import losses

rng = np.random.default_rng(7)
Y_TRUE = rng.normal(size=50)
Y_PRED = Y_TRUE + 3 * rng.normal(size=50)
LABELS = rng.integers(0, 2, 40).astype(float)
PROBA = rng.uniform(0.01, 0.99, 40)
LOGITS = 4 * rng.normal(size=40)


def _same(a, b, x_true, x_pred, rel=1e-12):
    assert a.forward(x_true, x_pred) == pytest.approx(b.forward(x_true, x_pred), rel=rel)
    np.testing.assert_allclose(a.backward(x_true, x_pred), b.backward(x_true, x_pred), rtol=rel, atol=1e-15)


@pytest.mark.parametrize("from_logits", [False, True])
def test_focal_without_focusing_or_weighting_is_bce(from_logits):
    pred = LOGITS if from_logits else PROBA
    _same(losses.get("focal", gamma=0.0, alpha=-1.0, from_logits=from_logits),
          losses.get("bce", from_logits=from_logits), LABELS, pred)


def test_twice_quantile_at_the_median_is_mae():
    quantile, mae = losses.get("quantile", q=0.5), losses.get("mae")
    assert 2 * quantile.forward(Y_TRUE, Y_PRED) == pytest.approx(mae.forward(Y_TRUE, Y_PRED), rel=1e-14)
    np.testing.assert_allclose(2 * quantile.backward(Y_TRUE, Y_PRED), mae.backward(Y_TRUE, Y_PRED))
    # at a zero residual both choose the subgradient 0
    assert quantile.backward([1.0], [1.0])[0] == 0.0 == mae.backward([1.0], [1.0])[0]


def test_barron_at_alpha_two_is_half_the_squared_error():
    barron = losses.get("barron", alpha=2.0, scale=1.0)
    mse = losses.get("mse")
    assert barron.forward(Y_TRUE, Y_PRED) == pytest.approx(mse.forward(Y_TRUE, Y_PRED) / 2, rel=1e-14)
    np.testing.assert_allclose(barron.backward(Y_TRUE, Y_PRED), mse.backward(Y_TRUE, Y_PRED) / 2)


@pytest.mark.parametrize("alpha", [2.0, 0.0])
def test_barron_special_cases_are_the_limits_of_the_general_formula(alpha):
    exact = losses.get("barron", alpha=alpha)
    for nearby in (alpha - 1e-7, alpha + 1e-7):
        _same(exact, losses.get("barron", alpha=nearby), Y_TRUE, Y_PRED, rel=1e-5)


def test_barron_at_alpha_one_is_pseudo_huber():
    barron = losses.get("barron", alpha=1.0, scale=0.5)
    residual = Y_PRED - Y_TRUE
    assert barron.forward(Y_TRUE, Y_PRED) == pytest.approx(np.mean(np.sqrt((residual / 0.5) ** 2 + 1) - 1))


def test_huber_with_large_delta_is_half_mse():
    small = Y_TRUE + 0.5 * np.tanh(Y_PRED)  # residuals below 0.5 < delta
    _same(losses.get("huber", delta=10.0), losses.combine([(0.5, losses.get("mse"))]), Y_TRUE, small)


def test_huber_with_small_delta_is_delta_times_mae_far_from_zero():
    far = Y_TRUE + np.where(Y_PRED > Y_TRUE, 1.0, -1.0) * (1 + np.abs(Y_PRED))  # |r| > 1 >> delta
    huber = losses.get("huber", delta=0.05)
    mae = losses.get("mae")
    np.testing.assert_allclose(huber.backward(Y_TRUE, far), 0.05 * mae.backward(Y_TRUE, far))


@pytest.mark.parametrize("smooth", [0.0, 1.0, 3.0])
@pytest.mark.parametrize("from_logits", [False, True])
def test_tversky_with_equal_halves_is_dice_with_twice_the_smoothing(smooth, from_logits):
    mask = (rng.random((3, 8, 8)) < 0.2).astype(float)
    pred = 3 * rng.normal(size=(3, 8, 8)) if from_logits else rng.uniform(0, 1, (3, 8, 8))
    tversky = losses.get("tversky", alpha=0.5, beta=0.5, smooth=smooth, from_logits=from_logits)
    dice = losses.get("dice", smooth=2 * smooth, from_logits=from_logits)
    _same(tversky, dice, mask, pred)


def test_tversky_with_alpha_beta_one_is_jaccard():
    mask = (rng.random((2, 6, 6)) < 0.3).astype(float)
    pred = rng.uniform(0, 1, (2, 6, 6))
    _same(losses.get("tversky", alpha=1.0, beta=1.0), losses.get("jaccard"), mask, pred)


def test_softmax_focal_without_focusing_is_cross_entropy():
    logits = 3 * rng.normal(size=(8, 3))
    targets = rng.integers(0, 3, 8)
    _same(losses.get("softmax_focal", gamma=0.0, from_logits=True), losses.get("cce", from_logits=True),
          targets, logits)


def test_poly1_with_zero_epsilon_is_cross_entropy():
    logits = 3 * rng.normal(size=(8, 3))
    targets = rng.integers(0, 3, 8)
    _same(losses.get("poly1", epsilon=0.0, from_logits=True), losses.get("cce", from_logits=True),
          targets, logits)


def test_one_hot_and_index_targets_agree_without_weights():
    logits = rng.normal(size=(5, 4))
    targets = np.array([0, 3, 1, 2, 3])
    cce = losses.get("cce", from_logits=True, label_smoothing=0.1)
    _same(cce, cce, targets, logits)
    assert cce.forward(targets, logits) == pytest.approx(cce.forward(np.eye(4)[targets], logits), rel=1e-14)


def test_bce_with_logits_equals_bce_on_probabilities():
    logits = rng.normal(size=20)
    labels = rng.integers(0, 2, 20).astype(float)
    proba = 1 / (1 + np.exp(-logits))
    for pos_weight in (1.0, 4.0):
        with_logits = losses.get("bce", from_logits=True, pos_weight=pos_weight)
        with_proba = losses.get("bce", pos_weight=pos_weight)
        assert with_logits.forward(labels, logits) == pytest.approx(with_proba.forward(labels, proba), rel=1e-12)
        # chain rule: dL/dx = dL/dp * p (1 - p)
        np.testing.assert_allclose(with_logits.backward(labels, logits),
                                   with_proba.backward(labels, proba) * proba * (1 - proba), rtol=1e-10)


def test_kl_of_a_distribution_with_itself_is_zero():
    p = np.array([[0.0, 0.3, 0.7], [0.5, 0.5, 0.0]])
    assert losses.get("kl").forward(p, p) == pytest.approx(0.0, abs=1e-15)


@pytest.mark.parametrize("name", sorted(set(losses.names("regression")) - {"poisson_nll"}))
def test_regression_gradient_vanishes_at_the_minimiser(name):
    loss = losses.get(name)
    values = np.linspace(-3, 3, 11)
    np.testing.assert_allclose(loss.backward(values, values), 0.0, atol=1e-15)
    assert loss.forward(values, values) == pytest.approx(0.0, abs=1e-15)


@pytest.mark.parametrize(("loss", "y_true", "y_pred"), [
    (losses.get("huber"), Y_TRUE, Y_PRED),
    (losses.get("focal", from_logits=True), LABELS, LOGITS),
    (losses.get("cce", from_logits=True), rng.integers(0, 3, 40), rng.normal(size=(40, 3))),
    (losses.get("cce", from_logits=True, class_weight=(0.2, 1.0, 5.0)), rng.integers(0, 3, 40),
     rng.normal(size=(40, 3))),
])
def test_forward_is_the_elementwise_sum_over_the_reduction_weight(loss, y_true, y_pred):
    values = loss.elementwise(y_true, y_pred)
    assert values.sum() / loss.reduction_weight(y_true, values) == pytest.approx(loss.forward(y_true, y_pred),
                                                                                 rel=1e-12)
