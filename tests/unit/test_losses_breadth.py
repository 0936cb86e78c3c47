"""The second set of losses: identities with the first set, the cases that explain them, and the
torch bridge in every call shape."""

import math

import numpy as np
import pytest
import torch

from lossviz import losses
from lossviz.torch_bridge import as_module
from lossviz.torch_bridge import reference_forward as reference

rng = np.random.default_rng(7)
LABELS = rng.integers(0, 2, 30).astype(float)
SCORES = 3.0 * rng.normal(size=30)


def test_smooth_l1_is_huber_divided_by_its_threshold():
    y_true, y_pred = rng.normal(size=20), 3.0 * rng.normal(size=20)
    for beta in (0.05, 0.5, 2.0):
        smooth = losses.get("smooth_l1", beta=beta)
        huber = losses.get("huber", delta=beta)
        assert smooth.forward(y_true, y_pred) == pytest.approx(huber.forward(y_true, y_pred) / beta, rel=1e-12)
        np.testing.assert_allclose(smooth.backward(y_true, y_pred), huber.backward(y_true, y_pred) / beta, rtol=1e-12)


def test_gaussian_nll_with_fixed_variance_is_scaled_mse_plus_a_constant():
    y_true, y_pred = rng.normal(size=20), rng.normal(size=20)
    for var in (0.01, 1.0, 10.0):
        expected = losses.get("mse").forward(y_true, y_pred) / (2 * var) + 0.5 * math.log(var)
        assert losses.get("gaussian_nll", var=var).forward(y_true, y_pred) == pytest.approx(expected, rel=1e-12)


def test_poisson_gradient_vanishes_at_the_true_rate_in_both_forms():
    counts = np.array([0.5, 1.0, 3.0, 12.0])
    np.testing.assert_allclose(losses.get("poisson_nll").backward(counts, np.log(counts)), 0.0, atol=1e-15)
    rates = losses.get("poisson_nll", log_input=False).backward(counts, counts)
    np.testing.assert_allclose(rates, 0.0, atol=1e-8)  # the 1e-8 inside the log


def test_soft_margin_and_one_class_multilabel_are_bce_on_logits():
    bce = losses.get("bce", from_logits=True)
    assert losses.get("soft_margin").forward(LABELS, SCORES) == pytest.approx(bce.forward(LABELS, SCORES), rel=1e-12)
    assert losses.get("soft_margin").forward(2 * LABELS - 1, SCORES) == pytest.approx(bce.forward(LABELS, SCORES))
    multilabel = losses.get("multilabel_soft_margin")
    assert multilabel.forward(LABELS[:, None], SCORES[:, None]) == pytest.approx(bce.forward(LABELS, SCORES), rel=1e-12)
    np.testing.assert_allclose(multilabel.backward(LABELS[:, None], SCORES[:, None])[:, 0],
                               bce.backward(LABELS, SCORES), rtol=1e-12)


def test_squared_hinge_is_the_square_of_hinge():
    np.testing.assert_allclose(losses.get("squared_hinge").elementwise(LABELS, SCORES),
                               losses.get("hinge").elementwise(LABELS, SCORES) ** 2, rtol=1e-15)


def test_nll_of_log_softmax_is_cross_entropy_on_logits():
    logits, targets = rng.normal(size=(8, 4)), rng.integers(0, 4, 8)
    log_p = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
    weights = (0.5, 1.0, 2.0, 0.1)
    cce = losses.get("cce", from_logits=True, class_weight=weights)
    assert losses.get("nll", class_weight=weights).forward(targets, log_p) == pytest.approx(
        cce.forward(targets, logits), rel=1e-12)


def test_multi_margin_is_zero_once_the_true_class_leads_by_the_margin():
    scores = np.array([[3.0, 1.0, 0.5], [0.0, 0.0, 0.0]])
    values = losses.get("multi_margin", margin=1.0).elementwise([0, 1], scores)
    assert values[0] == 0.0 and values[1] == pytest.approx(2.0 / 3.0)


def test_focal_tversky_with_gamma_one_is_tversky():
    mask = (rng.random((2, 5, 5)) < 0.3).astype(float)
    proba = rng.uniform(0.05, 0.95, (2, 5, 5))
    focal = losses.get("focal_tversky", alpha=0.3, beta=0.7, gamma=1.0)
    tversky = losses.get("tversky", alpha=0.3, beta=0.7)
    assert focal.forward(mask, proba) == pytest.approx(tversky.forward(mask, proba), rel=1e-14)
    np.testing.assert_allclose(focal.backward(mask, proba), tversky.backward(mask, proba), rtol=1e-13)
    # gamma below 1 raises the loss of every image that is not perfect (1 - TI < 1)
    assert losses.get("focal_tversky", gamma=0.75).forward(mask, proba) > losses.get("tversky").forward(mask, proba)


def test_js_is_symmetric_bounded_and_finite_where_kl_is_not():
    p = np.array([[0.5, 0.5, 0.0], [0.2, 0.3, 0.5]])
    q = np.array([[0.0, 0.0, 1.0], [0.3, 0.3, 0.4]])
    js = losses.get("js")
    assert js.elementwise(p, q) == pytest.approx(js.elementwise(q, p), rel=1e-14)
    assert js.elementwise(p, q)[0] == pytest.approx(math.log(2.0), rel=1e-14)  # disjoint supports
    assert np.all(np.isfinite(js.backward(p, q)))


def test_boxes_identical_nested_and_apart():
    box = np.array([[0.0, 0.0, 2.0, 2.0]])
    for name in ("giou", "diou"):
        assert losses.get(name).forward(box, box) == pytest.approx(0.0, abs=1e-7)
    far = box + np.array([[4.0, 0.0, 4.0, 0.0]])
    # apart by two widths: IoU 0; the enclosing box is 6 x 2, the union 8 of its 12
    assert losses.get("giou").forward(box, far) == pytest.approx(1.0 + 4.0 / 12.0, rel=1e-7)
    assert losses.get("diou").forward(box, far) == pytest.approx(1.0 + 16.0 / 40.0, rel=1e-7)
    # plain IoU is flat here; both losses still pull the far box back
    assert losses.get("giou").backward(box, far)[0, 0] > 0 and losses.get("diou").backward(box, far)[0, 0] > 0


def test_contrastive_and_cosine_pull_similar_pairs_and_push_dissimilar_ones():
    x1, x2 = np.array([[0.0, 0.0]]), np.array([[0.5, 0.0]])
    contrastive = losses.get("contrastive", margin=1.0)
    assert contrastive.backward([1.0], x1, x2)[1][0, 0] > 0  # similar: x2 moves toward x1
    assert contrastive.backward([0.0], x1, x2)[1][0, 0] < 0  # dissimilar, inside the margin: away
    assert contrastive.forward([0.0], x1, x2 * 4) == 0.0     # dissimilar beyond the margin
    cosine = losses.get("cosine_embedding")
    assert cosine.forward([1], [[1.0, 0.0]], [[2.0, 0.0]]) == pytest.approx(0.0, abs=1e-12)
    assert cosine.forward([0], [[1.0, 0.0]], [[0.0, 3.0]]) == 0.0  # orthogonal meets margin 0
    assert cosine.forward([1], [[0.0, 0.0]], [[1.0, 0.0]]) == 1.0  # a zero vector has cosine 0


def test_info_nce_is_log_n_for_uninformative_embeddings_and_zero_for_one_row():
    same = np.ones((5, 3))
    assert losses.get("info_nce").forward(same, same) == pytest.approx(math.log(5.0), rel=1e-12)
    assert losses.get("info_nce").forward([[1.0, 2.0]], [[3.0, -1.0]]) == 0.0


def test_bpr_is_soft_margin_of_the_score_gap():
    positive, negative = rng.normal(size=10), rng.normal(size=10)
    gap = losses.get("soft_margin").forward(np.ones(10), positive - negative)
    assert losses.get("bpr").forward(positive, negative) == pytest.approx(gap, rel=1e-12)


def test_margin_ranking_labels_name_the_higher_item():
    ranking = losses.get("margin_ranking", margin=0.5)
    assert ranking.forward([1.0], [2.0], [1.0]) == 0.0
    assert ranking.forward([0.0], [2.0], [1.0]) == pytest.approx(1.5)
    assert ranking.forward([-1.0], [2.0], [1.0]) == pytest.approx(1.5)


def test_gan_generator_gradients_tell_why_non_saturating_exists():
    real, fake = np.zeros(1), np.array([-8.0])  # the discriminator confidently rejects the fake
    minimax = losses.get("gan", player="generator", objective="minimax").backward(real, fake)[1]
    saturating_free = losses.get("gan", player="generator", objective="non_saturating").backward(real, fake)[1]
    assert abs(minimax[0]) < 1e-3 < 0.99 < abs(saturating_free[0])
    assert np.all(losses.get("gan", player="generator").backward(real, fake)[0] == 0.0)
    discriminator = losses.get("gan")
    bce = losses.get("bce", from_logits=True)
    real, fake = rng.normal(size=6), rng.normal(size=6)
    expected = bce.forward(np.ones(6), real) + bce.forward(np.zeros(6), fake)
    assert discriminator.forward(real, fake) == pytest.approx(expected, rel=1e-12)


SHAPE_CASES = [
    ("contrastive", {"margin": 1.5}, lambda: (torch.tensor([1.0, 0.0, 0.0]), torch.randn(3, 4), torch.randn(3, 4))),
    ("cosine_embedding", {"margin": 0.2},
     lambda: (torch.tensor([1.0, -1.0, 1.0]), torch.randn(3, 4), torch.randn(3, 4))),
    ("margin_ranking", {"margin": 0.3}, lambda: (torch.tensor([1.0, 0.0, 1.0]), torch.randn(3), torch.randn(3))),
    ("info_nce", {"temperature": 0.2}, lambda: (torch.randn(4, 3), torch.randn(4, 3))),
    ("bpr", {}, lambda: (torch.randn(5), torch.randn(5))),
    ("gan", {"player": "discriminator", "objective": "hinge"}, lambda: (torch.randn(5), torch.randn(5))),
    ("giou", {}, lambda: (torch.tensor([[0.0, 0.0, 2.0, 2.0]]), torch.tensor([[1.0, 0.5, 3.0, 2.5]]))),
]


@pytest.mark.parametrize(("name", "params", "make"), SHAPE_CASES, ids=[case[0] for case in SHAPE_CASES])
@pytest.mark.parametrize("dtype", [torch.float64, torch.float32], ids=["float64", "float32"])
def test_the_bridge_takes_every_call_shape(name, params, make, dtype):
    torch.manual_seed(3)
    loss = losses.get(name, **params)
    inputs = [tensor.to(dtype) for tensor in make()]
    differentiable = {"standard": [1], "pair": [1, 2], "two_input": [0, 1]}[loss.call_shape]
    bridged = [tensor.clone().requires_grad_(index in differentiable) for index, tensor in enumerate(inputs)]
    native = [tensor.clone().double().requires_grad_(index in differentiable) for index, tensor in enumerate(inputs)]
    value = as_module(loss)(*bridged)
    value.backward()
    expected = reference(name, loss.params, *native)
    expected.backward()
    assert value.dtype == dtype
    tolerance = {"rtol": 1e-10, "atol": 1e-12} if dtype == torch.float64 else {"rtol": 1e-4, "atol": 1e-6}
    assert value.item() == pytest.approx(expected.item(), rel=tolerance["rtol"], abs=tolerance["atol"])
    for index in differentiable:
        assert bridged[index].grad.dtype == dtype
        np.testing.assert_allclose(bridged[index].grad.double().numpy(), native[index].grad.numpy(), **tolerance)
    for index in set(range(len(inputs))) - set(differentiable):
        assert bridged[index].grad is None
