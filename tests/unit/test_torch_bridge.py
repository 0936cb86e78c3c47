"""The torch bridge: torch models train on LossViz's numpy math with the same gradients."""

import subprocess
import sys

import numpy as np
import pytest
import torch

from lossviz import losses
from lossviz.torch_bridge import as_module
from lossviz.torch_bridge import reference_forward as reference

CASES = [
    ("mse", {}, "regression"),
    ("huber", {"delta": 0.7}, "regression"),
    ("barron", {"alpha": -2.0, "scale": 0.5}, "regression"),
    ("bce", {"from_logits": True, "pos_weight": 3.0}, "binary"),
    ("focal", {"from_logits": True, "alpha": 0.25, "gamma": 2.0}, "binary"),
    ("cce", {"from_logits": True, "class_weight": (1.0, 2.0, 0.5), "label_smoothing": 0.1}, "multiclass"),
    ("softmax_focal", {"from_logits": True, "gamma": 1.5}, "multiclass"),
    ("dice", {"from_logits": True}, "segmentation"),
]


def _problem(kind, dtype):
    generator = torch.Generator().manual_seed(0)
    features = torch.randn(12, 4, generator=generator, dtype=dtype)
    if kind == "regression":
        return features, torch.randn(12, generator=generator, dtype=dtype), 1
    if kind == "binary":
        return features, (torch.rand(12, generator=generator) < 0.3).to(dtype), 1
    if kind == "multiclass":
        return features, torch.randint(0, 3, (12,), generator=generator), 3
    return features, (torch.rand(3, 4, 4, generator=generator) < 0.3).to(dtype), 16


def _model(out_features, dtype):
    torch.manual_seed(1)
    return torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.Tanh(), torch.nn.Linear(8, out_features)).to(dtype)


def _predict(model, features, kind):
    out = model(features)
    if kind == "segmentation":
        return out[:3].reshape(3, 4, 4)
    return out[:, 0] if out.shape[1] == 1 else out


@pytest.mark.parametrize(("name", "params", "kind"), CASES, ids=[case[0] for case in CASES])
@pytest.mark.parametrize("dtype", [torch.float64, torch.float32], ids=["float64", "float32"])
def test_training_through_the_bridge_matches_the_torch_reference(name, params, kind, dtype):
    features, target, out_features = _problem(kind, dtype)
    loss = losses.get(name, **params)
    bridged, native = _model(out_features, dtype), _model(out_features, dtype)
    criterion = as_module(loss)
    optimizers = [torch.optim.SGD(model.parameters(), lr=0.1) for model in (bridged, native)]
    tolerance = {"rtol": 1e-10, "atol": 1e-12} if dtype == torch.float64 else {"rtol": 1e-4, "atol": 1e-6}
    for _ in range(5):
        for optimizer in optimizers:
            optimizer.zero_grad()
        value = criterion(target, _predict(bridged, features, kind))
        assert value.dtype == dtype
        value.backward()
        expected = reference(name, loss.params, target, _predict(native, features, kind))
        expected.backward()
        assert value.item() == pytest.approx(expected.item(), rel=tolerance["rtol"], abs=tolerance["atol"])
        for ours, theirs in zip(bridged.parameters(), native.parameters(), strict=True):
            assert ours.grad.dtype == dtype
            torch.testing.assert_close(ours.grad, theirs.grad, **tolerance)
        for optimizer in optimizers:
            optimizer.step()


def test_gradient_keeps_the_dtype_of_y_pred_and_ignores_y_true():
    y_true = torch.zeros(4, dtype=torch.float64, requires_grad=True)
    y_pred = torch.tensor([0.5, -1.0, 2.0, 0.0], dtype=torch.float32, requires_grad=True)
    as_module(losses.get("mse"))(y_true, y_pred).backward()
    assert y_pred.grad.dtype == torch.float32
    assert y_true.grad is None
    np.testing.assert_allclose(y_pred.grad.numpy(), [0.25, -0.5, 1.0, 0.0])


def test_triplet_module_returns_all_three_gradients():
    generator = torch.Generator().manual_seed(2)
    tensors = [torch.randn(5, 3, generator=generator, dtype=torch.float64, requires_grad=True) for _ in range(3)]
    as_module(losses.get("triplet", margin=2.0))(*tensors).backward()
    copies = [tensor.detach().clone().requires_grad_() for tensor in tensors]
    torch.nn.TripletMarginLoss(margin=2.0)(*copies).backward()
    for ours, theirs in zip(tensors, copies, strict=True):
        torch.testing.assert_close(ours.grad, theirs.grad)


def test_grad_output_scales_the_gradient():
    y_pred = torch.tensor([1.0, 3.0], dtype=torch.float64, requires_grad=True)
    (3.0 * as_module(losses.get("mae"))(torch.zeros(2, dtype=torch.float64), y_pred)).backward()
    np.testing.assert_allclose(y_pred.grad.numpy(), [1.5, 1.5])


def test_as_module_refuses_what_is_not_a_loss():
    with pytest.raises(ValueError, match="needs a lossviz Loss"):
        as_module(torch.nn.MSELoss())


def test_importing_lossviz_does_not_import_torch():
    code = ("import sys, lossviz, lossviz.losses, lossviz.numerics, lossviz.torch_bridge; "
            "lossviz.losses.get('huber').forward([0.0], [1.0]); "
            "assert 'torch' not in sys.modules, 'torch was imported'")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_torch_check_leaves_out_kinks_where_torch_picks_another_subgradient():
    from lossviz.torch_bridge import compare_with_torch

    hinge = compare_with_torch(losses.get("hinge"), np.ones(5), np.array([-1.0, 0.0, 1.0, 2.0, 0.5]))
    assert hinge["gradient"] < 1e-12 and hinge["kinks"] == 1  # y·f = 1 exactly: 0 here, −1/n in torch
    anchor, positive = np.zeros((3, 2)), np.tile([1.0, 0.0], (3, 1))
    negative = np.array([[0.0, 1.0], [0.0, 2.0], [0.0, 0.5]])  # the first exactly at margin 0
    triplet = compare_with_torch(losses.get("triplet", margin=0.0), anchor, positive, negative)
    assert triplet["gradient"] < 1e-9 and triplet["kinks"] > 0
    smooth = compare_with_torch(losses.get("huber"), np.zeros(4), np.array([-2.0, -0.5, 0.5, 3.0]))
    assert smooth["kinks"] == 0 and smooth["gradient"] < 1e-12
