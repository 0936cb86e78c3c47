"""The distributions lab: the divergences' gradients by q's parameters against torch autograd, where
each fit settles, and the distillation temperature's entropy and T² scaling."""

import math

import numpy as np
import pytest
import torch

from lossviz.labs.distributions.distill import (
    TEACHER_SHAPE,
    distillation_loss_and_gradient,
    entropy,
    gradient_scale,
    softened,
    students,
)
from lossviz.labs.distributions.fit import (
    DIVERGENCES,
    GRID,
    coverage_sentences,
    divergence_and_gradient,
    fit,
    fit_all,
    mixture,
    mode_centres,
    mode_shares,
)
from lossviz.numerics import KL_Q_FLOOR

TORCH_GRID = torch.tensor(GRID)


def torch_divergence(kind, target, theta):
    mean, log_std = theta
    log_density = -0.5 * ((TORCH_GRID - mean) / torch.exp(log_std)) ** 2
    q = torch.softmax(log_density, dim=0)
    p = torch.tensor(target)
    if kind == "forward":  # the registry's kl: Q clipped below at 1e-12
        return (torch.xlogy(p, p) - p * torch.log(q.clamp_min(KL_Q_FLOOR))).sum()
    if kind == "reverse":
        return (torch.xlogy(q, q) - q * torch.log(p.clamp_min(KL_Q_FLOOR))).sum()
    middle = (p + q) / 2
    return 0.5 * (torch.xlogy(p, p) - torch.xlogy(p, middle) + torch.xlogy(q, q) - torch.xlogy(q, middle)).sum()


@pytest.mark.parametrize("kind", DIVERGENCES)
@pytest.mark.parametrize("theta", [(0.5, 0.0), (-1.3, 0.4), (2.0, -0.5)])
def test_each_divergences_gradient_by_mean_and_log_std_matches_torch_autograd(kind, theta):
    target = mixture(modes=2, separation=4.0, first_weight=0.3)
    value, gradient = divergence_and_gradient(kind, target, np.array(theta))
    parameters = torch.tensor(theta, dtype=torch.float64, requires_grad=True)
    expected = torch_divergence(kind, target, parameters)
    expected.backward()
    assert value == pytest.approx(expected.item(), rel=1e-10, abs=1e-12)
    np.testing.assert_allclose(gradient, parameters.grad.numpy(), rtol=1e-8, atol=1e-12)


def test_the_target_is_a_probability_vector_with_its_modes_where_asked():
    target = mixture(modes=3, separation=3.0, first_weight=0.6)
    assert target.sum() == pytest.approx(1.0) and np.all(target >= 0)
    shares = mode_shares(target, mode_centres(3, 3.0))
    np.testing.assert_allclose(shares, [0.6, 0.2, 0.2], atol=0.01)
    with pytest.raises(ValueError, match="modes must be in"):
        mixture(modes=4, separation=3.0, first_weight=0.5)


@pytest.mark.parametrize("start", [1.0, -1.5, 2.5])
def test_forward_kl_sits_between_two_modes_and_reverse_kl_on_one(start):
    target = mixture(modes=2, separation=4.0, first_weight=0.5)
    fits = fit_all(target, start_mean=start, lr=0.05, epochs=300)
    forward_mean, forward_log_std = fits["forward"].params[-1]
    assert abs(forward_mean) < 0.1 and math.exp(forward_log_std) > 1.5  # mean-seeking: between, and wide
    reverse_mean, reverse_log_std = fits["reverse"].params[-1]
    assert abs(abs(reverse_mean) - 2.0) < 0.1 and math.exp(reverse_log_std) < 0.7  # mode-seeking: on one mode
    assert np.sign(reverse_mean) == np.sign(start)  # the one nearer its start
    centres = mode_centres(2, 4.0)
    said = {sentence.key: sentence.values for sentence in coverage_sentences(fits, centres)}
    assert said["distributions.covers.forward"]["count"] == 2
    assert said["distributions.covers.reverse"]["count"] == 1


def test_forward_kl_matches_the_mean_and_spread_of_an_uneven_mixture():
    target = mixture(modes=2, separation=3.0, first_weight=0.8)
    mean, log_std = fit("forward", target, start_mean=0.0, lr=0.05, epochs=600).params[-1]
    target_mean = float(target @ GRID)
    target_std = math.sqrt(float(target @ (GRID - target_mean) ** 2))
    assert mean == pytest.approx(target_mean, abs=0.02) and math.exp(log_std) == pytest.approx(target_std, rel=0.02)


def test_a_higher_temperature_softens_the_targets_and_t_squared_keeps_the_gradient_in_scale():
    teacher = 2.0 * TEACHER_SHAPE
    entropies = [entropy(softened(teacher, t)) for t in (1.0, 2.0, 5.0, 20.0)]
    assert entropies == sorted(entropies) and entropies[-1] < math.log(teacher.size)
    scale = gradient_scale(teacher, students(teacher)["half"], (1.0, 4.0, 20.0))
    assert scale["raw"][0] / scale["raw"][-1] > 100  # about 1/T^2
    assert max(scale["scaled"]) / min(scale["scaled"]) < 2.0
    value, gradient = distillation_loss_and_gradient(teacher, teacher, 3.0)
    assert value == pytest.approx(0.0, abs=1e-12) and np.allclose(gradient, 0.0, atol=1e-12)


def test_the_distillation_gradient_matches_torch_autograd():
    teacher = 1.5 * TEACHER_SHAPE
    student = torch.tensor([0.3, -0.2, 1.0, 0.0, 0.5], dtype=torch.float64, requires_grad=True)
    temperature = 2.5
    target = torch.softmax(torch.tensor(teacher) / temperature, dim=0)
    loss = torch.nn.functional.kl_div(torch.log_softmax(student / temperature, dim=0), target, reduction="sum")
    loss.backward()
    value, gradient = distillation_loss_and_gradient(teacher, student.detach().numpy(), temperature)
    assert value == pytest.approx(loss.item(), rel=1e-10)
    np.testing.assert_allclose(gradient, student.grad.numpy(), rtol=1e-9, atol=1e-14)
