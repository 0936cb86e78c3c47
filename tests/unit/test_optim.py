"""numpy optimizers: the textbook update, torch.optim step for step, convergence on a quadratic."""

import numpy as np
import pytest
import torch

from lossviz import optim

START = np.array([1.5, -2.0, 0.3])
# f(theta) = 0.5 theta' A theta - b' theta: convex, with a condition number of about 20
A = np.array([[4.0, 1.0, 0.0], [1.0, 3.0, 0.5], [0.0, 0.5, 0.2]])
B = np.array([1.0, -1.0, 0.5])


def quadratic_gradient(theta):
    return A @ theta - B


def run(optimizer, steps, start=START):
    theta = start.copy()
    path = []
    for _ in range(steps):
        optimizer.step(theta, quadratic_gradient(theta))
        path.append(theta.copy())
    return np.array(path)


def test_one_step_of_each_optimizer_is_the_textbook_update():
    lr, mu = 0.1, 0.9
    g = quadratic_gradient(START)
    expected = {
        "gd": START - lr * g,
        "momentum": START - lr * g,  # v = -lr g from rest
        "nag": START - lr * (1 + mu) * g,  # b = g, then theta - lr (g + mu b)
        "adam": START - lr * g / (np.abs(g) + 1e-8),  # m_hat = g, v_hat = g^2
    }
    for name, after in expected.items():
        np.testing.assert_allclose(run(optim.make(name, lr=lr, momentum=mu), 1)[0], after, rtol=1e-14, err_msg=name)


def test_momentum_is_polyaks_heavy_ball():
    lr, mu = 0.05, 0.8
    theta, velocity, expected = START.copy(), np.zeros(3), []
    for _ in range(30):
        velocity = mu * velocity - lr * quadratic_gradient(theta)
        theta = theta + velocity
        expected.append(theta)
    np.testing.assert_allclose(run(optim.make("momentum", lr=lr, momentum=mu), 30), expected, rtol=1e-12)


def test_nesterov_iterates_are_sutskevers_look_ahead_points():
    lr, mu = 0.05, 0.9
    theta, velocity, look_ahead = START.copy(), np.zeros(3), []
    for _ in range(30):
        velocity = mu * velocity - lr * quadratic_gradient(theta + mu * velocity)
        theta = theta + velocity
        look_ahead.append(theta + mu * velocity)
    np.testing.assert_allclose(run(optim.make("nag", lr=lr, momentum=mu), 30), look_ahead, rtol=1e-11, atol=1e-13)


TORCH_OPTIMIZERS = {
    "gd": lambda params: torch.optim.SGD(params, lr=0.07),
    "momentum": lambda params: torch.optim.SGD(params, lr=0.07, momentum=0.85),
    "nag": lambda params: torch.optim.SGD(params, lr=0.07, momentum=0.85, nesterov=True),
    "adam": lambda params: torch.optim.Adam(params, lr=0.07),
}


@pytest.mark.parametrize("name", optim.OPTIMIZERS)
def test_steps_match_torch_optim(name):
    theta = torch.tensor(START, requires_grad=True)
    reference = TORCH_OPTIMIZERS[name]([theta])
    path = []
    for _ in range(25):
        reference.zero_grad()
        loss = 0.5 * theta @ torch.tensor(A) @ theta - torch.tensor(B) @ theta
        loss.backward()
        reference.step()
        path.append(theta.detach().numpy().copy())
    ours = run(optim.make(name, lr=0.07, momentum=0.85), 25)
    np.testing.assert_allclose(ours, path, rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize(("name", "lr", "steps"), [("gd", 0.2, 3000), ("momentum", 0.05, 800), ("nag", 0.05, 800),
                                                   ("adam", 0.05, 3000)])
def test_every_optimizer_converges_on_a_convex_quadratic(name, lr, steps):
    minimum = np.linalg.solve(A, B)
    final = run(optim.make(name, lr=lr, momentum=0.9), steps)[-1]
    np.testing.assert_allclose(final, minimum, atol=1e-6)


@pytest.mark.parametrize(("call", "message"), [
    (lambda: optim.make("sgdx", lr=0.1), "unknown optimizer 'sgdx'; choose one of gd, momentum, nag, adam"),
    (lambda: optim.make("gd", lr=0.0), r"lr must be in \[0.0001, 2\]; got 0"),
    (lambda: optim.make("adam", lr=float("nan")), r"lr must be in"),
    (lambda: optim.make("nag", lr=0.1, momentum=1.0), r"momentum must be in \[0, 0.99\]; got 1"),
])
def test_bad_settings_are_refused(call, message):
    with pytest.raises(ValueError, match=message):
        call()
