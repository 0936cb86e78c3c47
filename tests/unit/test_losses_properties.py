"""hypothesis properties on extreme but valid inputs: finite loss and gradient, no warning
(the suite runs with -W error), losses non-negative where documented."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from lossviz import losses
from lossviz.losses.regression import RegressionLoss
from tests.unit.cases import all_cases

PROBA = st.one_of(st.sampled_from([0.0, 1.0, 1e-300, 1.0 - 1e-16]), st.floats(0.0, 1.0))
LOGIT = st.one_of(st.sampled_from([-1e4, 1e4, 0.0]), st.floats(-1e4, 1e4))
REAL = st.one_of(st.sampled_from([-1e6, 1e6, 0.0]), st.floats(-1e6, 1e6))
LABEL = st.sampled_from([0.0, 1.0])
SIZE = st.integers(1, 6)
NON_NEGATIVE = {"mse", "mae", "huber", "log_cosh", "quantile", "bce", "focal", "hinge", "cce",
                "softmax_focal", "dice", "jaccard", "tversky", "dice_bce", "triplet", "smooth_l1", "giou", "diou",
                "multi_margin", "soft_margin", "squared_hinge", "multilabel_soft_margin", "focal_tversky", "js",
                "contrastive", "cosine_embedding", "info_nce", "margin_ranking", "bpr"}
COORDINATE = st.one_of(st.sampled_from([-1e6, 1e6, 0.0]), st.floats(-1e6, 1e6))


def _pair(draw, shape, y_true, y_pred):
    return draw(arrays(np.float64, shape, elements=y_true)), draw(arrays(np.float64, shape, elements=y_pred))


@st.composite
def extreme_inputs(draw, name, setting):
    from_logits = setting.get("from_logits", False)
    class_vector = setting.get("class_weight") or setting.get("alpha")
    task = losses.loss_class(name).task
    pred = LOGIT if from_logits else PROBA
    if name == "poisson_nll":
        shape = (draw(SIZE), draw(SIZE))
        counts = draw(arrays(np.float64, shape, elements=st.one_of(st.sampled_from([0.0, 1e6]), st.floats(0, 1e6))))
        if setting.get("log_input", True):
            return counts, draw(arrays(np.float64, shape, elements=st.floats(-1e4, 700.0)))
        return counts, draw(arrays(np.float64, shape, elements=st.one_of(st.just(0.0), st.floats(0.0, 1e6))))
    if task == "regression":
        return _pair(draw, (draw(SIZE), draw(SIZE)), REAL, REAL)
    if task == "detection":  # far apart, identical, nested and zero-area boxes
        n_boxes = draw(SIZE)
        true = _boxes(draw, n_boxes)
        return true, true.copy() if draw(st.booleans()) else _boxes(draw, n_boxes)
    if name in ("contrastive", "cosine_embedding", "info_nce"):
        shape = (draw(SIZE), draw(SIZE))
        zero = st.just(np.zeros(shape))  # the zero vector is the singular case of the cosine
        first = draw(st.one_of(zero, arrays(np.float64, shape, elements=REAL)))
        second = draw(st.one_of(zero, st.just(first.copy()), arrays(np.float64, shape, elements=REAL)))
        if name == "info_nce":
            return first, second
        return draw(arrays(np.float64, (shape[0],), elements=LABEL)), first, second
    if name in ("margin_ranking", "bpr", "gan"):
        scores = _pair(draw, (draw(SIZE),), REAL, REAL)
        if name == "margin_ranking":
            return draw(arrays(np.float64, (scores[0].size,), elements=LABEL)), *scores
        return scores
    if task == "embedding":
        shape = (draw(SIZE), draw(SIZE))
        anchor = draw(arrays(np.float64, shape, elements=REAL))
        # coincident points are the singular case of the distance
        positive = anchor.copy() if draw(st.booleans()) else draw(arrays(np.float64, shape, elements=REAL))
        return anchor, positive, draw(arrays(np.float64, shape, elements=REAL))
    if task == "distribution":
        shape = (draw(SIZE), draw(st.integers(2, 5)))
        return _pair(draw, shape, PROBA, PROBA)
    if task == "segmentation":
        shape = (draw(st.integers(1, 3)), draw(SIZE), draw(SIZE))
        if draw(st.booleans()):  # empty masks, possibly with an all-zero prediction
            empty = np.zeros(shape)
            return empty, empty.copy() if not from_logits and draw(st.booleans()) else draw(
                arrays(np.float64, shape, elements=pred))
        return _pair(draw, shape, LABEL, pred)
    if name in ("hinge", "soft_margin", "squared_hinge"):
        return _pair(draw, (draw(SIZE),), LABEL, REAL)
    if name == "multilabel_soft_margin":
        return _pair(draw, (draw(SIZE), draw(SIZE)), LABEL, LOGIT)
    if name in ("bce", "focal"):
        return _pair(draw, (draw(SIZE),), LABEL, pred)
    n_samples = draw(SIZE)
    n_classes = len(class_vector) if isinstance(class_vector, tuple) else draw(st.integers(2, 5))
    targets = draw(arrays(np.int64, (n_samples,), elements=st.integers(0, n_classes - 1)))
    if name in ("nll", "multi_margin"):  # log-probabilities or scores
        pred = st.one_of(st.sampled_from([-1e4, 0.0]), st.floats(-1e4, 0.0)) if name == "nll" else LOGIT
    return targets, draw(arrays(np.float64, (n_samples, n_classes), elements=pred))


def _boxes(draw, n_boxes):
    corners = draw(arrays(np.float64, (n_boxes, 2), elements=COORDINATE))
    sides = draw(arrays(np.float64, (n_boxes, 2), elements=st.one_of(st.just(0.0), st.floats(0.0, 1e6))))
    return np.concatenate([corners, corners + sides], axis=1)


@pytest.mark.parametrize(("name", "setting"), all_cases())
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_extreme_valid_inputs_give_finite_loss_and_gradient(name, setting, data):
    loss = losses.get(name, **setting)
    args = data.draw(extreme_inputs(name, setting))
    value = loss.forward(*args)
    assert np.isfinite(value)
    if name in NON_NEGATIVE:
        assert value >= 0.0
    assert np.all(np.isfinite(loss.elementwise(*args)))
    grads = loss.backward(*args)
    for grad in grads if isinstance(grads, tuple) else (grads,):
        assert np.all(np.isfinite(grad))


@settings(max_examples=50, deadline=None)
@given(alpha=st.floats(-10.0, 4.0), scale=st.floats(0.05, 10.0),
       residual=arrays(np.float64, (5,), elements=REAL))
def test_barron_is_finite_and_non_negative_for_any_shape(alpha, scale, residual):
    loss = losses.get("barron", alpha=alpha, scale=scale)
    zeros = np.zeros_like(residual)
    values = loss.elementwise(zeros, residual)
    assert np.all(np.isfinite(values)) and np.all(values >= 0.0)
    assert np.all(np.isfinite(loss.backward(zeros, residual)))


@settings(max_examples=50, deadline=None)
@given(proba=arrays(np.float64, (6,), elements=st.floats(1e-6, 1 - 1e-6)),
       labels=arrays(np.float64, (6,), elements=LABEL), gamma=st.floats(0.0, 5.0))
def test_focal_never_exceeds_cross_entropy(proba, labels, gamma):
    focal = losses.get("focal", gamma=gamma, alpha=-1.0).elementwise(labels, proba)
    assert np.all(focal <= losses.get("bce").elementwise(labels, proba) + 1e-15)


@settings(max_examples=50, deadline=None)
@given(raw=arrays(np.float64, (3, 4), elements=st.floats(0.0, 1.0)),
       approx=arrays(np.float64, (3, 4), elements=st.floats(0.0, 1.0)))
def test_kl_of_normalised_rows_is_non_negative(raw, approx):
    raw[:, 0] += 0.1  # keep rows normalisable
    approx[:, 0] += 0.1
    target = raw / raw.sum(axis=1, keepdims=True)
    model = approx / approx.sum(axis=1, keepdims=True)
    # only the Q floor can push it below 0, by at most C * 1e-12 / e per row
    assert losses.get("kl").forward(target, model) >= -4 * 1e-12


REGRESSION_CASES = [case for case in all_cases() if issubclass(losses.loss_class(case.values[0]), RegressionLoss)]


@pytest.mark.parametrize(("name", "setting"), REGRESSION_CASES)
@settings(max_examples=25, deadline=None)
@given(residual=arrays(np.float64, st.integers(1, 12), elements=REAL))
def test_training_path_value_and_slope_equal_forward_and_backward(name, setting, residual):
    loss = losses.get(name, **setting)
    value, slope = loss.value_and_slope(residual.copy())
    zeros = np.zeros_like(residual)
    # absolute slack: log-cosh cancels against log 2 near zero in both forms (error ~ 1e-16)
    np.testing.assert_allclose(value, loss.forward(zeros, residual), rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(slope, loss.backward(zeros, residual), rtol=1e-12, atol=1e-300)


CLASSIFICATION_CASES = [case for case in all_cases() if losses.loss_class(case.values[0]).task == "classification"]


@pytest.mark.parametrize(("name", "setting"), CLASSIFICATION_CASES)
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_value_and_gradient_equal_forward_and_backward(name, setting, data):
    loss = losses.get(name, **setting)
    y_true, y_pred = data.draw(extreme_inputs(name, setting))
    value, gradient = loss.value_and_gradient(y_true, y_pred)
    np.testing.assert_allclose(value, loss.forward(y_true, y_pred), rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(gradient, loss.backward(y_true, y_pred), rtol=1e-10, atol=1e-300)
