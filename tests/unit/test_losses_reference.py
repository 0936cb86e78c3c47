"""Every loss against PyTorch: forward values, backward against autograd and finite differences."""

import numpy as np
import pytest
import torch

from lossviz import losses
from lossviz.torch_bridge import compare_with_torch, reference_elementwise, torch_gradient
from lossviz.torch_bridge import reference_forward as reference
from tests.unit.cases import all_cases, differentiable_args, inputs

CASES = all_cases()


def _as_tensor(array, requires_grad):
    if np.asarray(array).dtype.kind in "iu":
        return torch.as_tensor(array, dtype=torch.long)
    return torch.tensor(array, dtype=torch.float64, requires_grad=requires_grad)


def _gradients(name, loss, args):
    grads = loss.backward(*args)
    return grads if isinstance(grads, tuple) else (grads,)


@pytest.mark.parametrize(("name", "setting"), CASES)
def test_forward_and_elementwise_match_torch(name, setting):
    loss = losses.get(name, **setting)
    for args in inputs(name, setting, np.random.default_rng(0)):
        expected = reference(name, loss.params, *(_as_tensor(a, False) for a in args)).item()
        assert loss.forward(*args) == pytest.approx(expected, rel=1e-10, abs=1e-12)
        tensors = [_as_tensor(a, False) for a in args]
        expected_values = reference_elementwise(name, loss.params, *tensors).numpy()
        np.testing.assert_allclose(loss.elementwise(*args), expected_values, rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize(("name", "setting"), CASES)
def test_backward_matches_torch_autograd(name, setting):
    loss = losses.get(name, **setting)
    for args in inputs(name, setting, np.random.default_rng(1)):
        tensors = [_as_tensor(a, index in differentiable_args(name)) for index, a in enumerate(args)]
        reference(name, loss.params, *tensors).backward()
        for index, grad in zip(differentiable_args(name), _gradients(name, loss, args), strict=True):
            assert grad.shape == np.shape(args[index])
            assert grad.dtype == np.float64
            np.testing.assert_allclose(grad, torch_gradient(tensors[index]), rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize(("name", "setting"), CASES)
def test_backward_matches_finite_differences(name, setting):
    loss = losses.get(name, **setting)
    step = 1e-6
    for args in inputs(name, setting, np.random.default_rng(2)):
        for index, grad in zip(differentiable_args(name), _gradients(name, loss, args), strict=True):
            numeric = np.zeros_like(grad)
            for position in np.ndindex(grad.shape):
                shifted = [np.array(a, dtype=float) if i == index else a for i, a in enumerate(args)]
                shifted[index][position] += step
                upper = loss.forward(*shifted)
                shifted[index][position] -= 2 * step
                lower = loss.forward(*shifted)
                numeric[position] = (upper - lower) / (2 * step)
            np.testing.assert_allclose(grad, numeric, rtol=1e-5, atol=1e-7)


@pytest.mark.parametrize("name", ["mse", "mae", "huber", "log_cosh", "quantile", "barron"])
def test_regression_shapes_are_kept(name):
    loss = losses.get(name)
    for shape in [(5,), (2, 3), (2, 2, 2)]:
        y_true, y_pred = np.zeros(shape), np.linspace(-2, 2, int(np.prod(shape))).reshape(shape)
        assert loss.elementwise(y_true, y_pred).shape == shape
        assert loss.backward(y_true, y_pred).shape == shape


def test_segmentation_elementwise_is_one_value_per_image():
    loss = losses.get("dice")
    mask = np.zeros((4, 4))
    mask[1:3, 1:3] = 1
    assert loss.elementwise(mask, mask * 0.9).shape == (1,)
    assert loss.elementwise(np.stack([mask] * 3), np.stack([mask * 0.9] * 3)).shape == (3,)


def test_cce_probability_input_equals_torch_cross_entropy_on_log_probabilities():
    rng = np.random.default_rng(3)
    logits = rng.normal(size=(5, 3))
    proba = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    targets = np.array([0, 2, 1, 1, 0])
    weight = (0.5, 2.0, 1.0)
    loss = losses.get("cce", class_weight=weight, label_smoothing=0.1)
    expected = torch.nn.CrossEntropyLoss(weight=torch.tensor(weight, dtype=torch.float64), label_smoothing=0.1)(
        torch.log(torch.tensor(proba)), torch.tensor(targets))
    assert loss.forward(targets, proba) == pytest.approx(expected.item(), rel=1e-12)


def test_kl_one_row_equals_the_same_row_as_a_batch():
    target, approx = np.array([0.2, 0.5, 0.3]), np.array([0.3, 0.3, 0.4])
    kl = losses.get("kl")
    assert kl.forward(target, approx) == pytest.approx(kl.forward(target[None], approx[None]), rel=1e-15)
    assert kl.backward(target, approx).shape == (3,)


def test_combine_is_the_weighted_sum():
    rng = np.random.default_rng(4)
    y_true, y_pred = rng.normal(size=10), rng.normal(size=10)
    mse, mae = losses.get("mse"), losses.get("mae")
    combined = losses.combine([(0.3, mse), (2.0, mae)])
    assert combined.task == "regression"
    assert combined.forward(y_true, y_pred) == pytest.approx(
        0.3 * mse.forward(y_true, y_pred) + 2.0 * mae.forward(y_true, y_pred), rel=1e-14)
    np.testing.assert_allclose(combined.backward(y_true, y_pred),
                               0.3 * mse.backward(y_true, y_pred) + 2.0 * mae.backward(y_true, y_pred))
    np.testing.assert_allclose(combined.elementwise(y_true, y_pred),
                               0.3 * mse.elementwise(y_true, y_pred) + 2.0 * mae.elementwise(y_true, y_pred))


def test_combine_of_dice_and_bce_equals_dice_bce():
    rng = np.random.default_rng(5)
    mask = (rng.random((2, 5, 5)) < 0.3).astype(float)
    pred = rng.uniform(0.05, 0.95, (2, 5, 5))
    combined = losses.combine([(0.7, losses.get("dice")), (0.3, losses.get("bce"))])
    hybrid = losses.get("dice_bce", weight=0.7)
    assert combined.forward(mask, pred) == pytest.approx(hybrid.forward(mask, pred), rel=1e-13)
    np.testing.assert_allclose(combined.backward(mask, pred), hybrid.backward(mask, pred), rtol=1e-12)


def test_combine_of_triplets_sums_the_three_gradients():
    rng = np.random.default_rng(6)
    args = [rng.normal(size=(4, 2)) for _ in range(3)]
    small, large = losses.get("triplet", margin=0.5), losses.get("triplet", margin=2.0)
    combined = losses.combine([(1.0, small), (0.5, large)])
    for got, a, b in zip(combined.backward(*args), small.backward(*args), large.backward(*args), strict=True):
        np.testing.assert_allclose(got, a + 0.5 * b)


def test_compare_with_torch_reports_tiny_differences():
    loss = losses.get("focal", gamma=1.5)
    labels, proba = np.array([0.0, 1.0, 1.0]), np.array([0.2, 0.6, 0.9])
    differences = compare_with_torch(loss, labels, proba)
    assert set(differences) == {"value", "gradient", "skipped", "kinks"}
    assert differences["skipped"] == differences["kinks"] == 0
    assert 0.0 <= differences["value"] < 1e-12 and 0.0 <= differences["gradient"] < 1e-12
