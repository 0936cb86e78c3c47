"""First-order optimizers in numpy, with the update rules of torch.optim.

Each optimizer updates one flat float64 parameter vector in place from its gradient, so a
training loop reads `optimizer.step(params, grad)`. The rules are torch.optim's (SGD with and
without momentum or Nesterov, Adam), so the labs and the tests can compare step by step.

    >>> import numpy as np
    >>> params = np.array([1.0, -2.0])
    >>> optimizer = make("momentum", lr=0.1, momentum=0.9)
    >>> optimizer.step(params, 2 * params)  # gradient of |params|^2
    >>> params
    array([ 0.8, -1.6])
"""

from __future__ import annotations

import math

import numpy as np

from lossviz.losses import ParamSpec

OPTIMIZERS = ("gd", "momentum", "nag", "adam")
OPTIMIZER_SPECS = {
    "lr": ParamSpec(default=0.01, min=1e-4, max=2.0, step=1e-4, log=True, help="Learning rate (step size)."),
    "momentum": ParamSpec(default=0.9, min=0.0, max=0.99, step=0.01,
                          help="Momentum and Nesterov: the share of the last step kept in the next."),
}


class Optimizer:
    """Base class: `step(params, grad)` moves `params` (a float64 vector) in place."""

    def __init__(self, lr: float):
        self.lr = OPTIMIZER_SPECS["lr"].validate("lr", lr)

    def step(self, params: np.ndarray, grad: np.ndarray) -> None:
        raise NotImplementedError


class GD(Optimizer):
    """Plain (full-batch) gradient descent: theta <- theta - lr g."""

    def step(self, params, grad):
        params -= self.lr * grad


class Momentum(Optimizer):
    """Heavy-ball momentum as torch.optim.SGD(momentum=mu): b <- mu b + g; theta <- theta - lr b.

    With a constant learning rate this is Polyak's v <- mu v - lr g; theta <- theta + v, with
    v = -lr b. The first step is a plain gradient step (b starts at g, as in torch).
    """

    def __init__(self, lr: float, momentum: float = 0.9):
        super().__init__(lr)
        self.momentum = OPTIMIZER_SPECS["momentum"].validate("momentum", momentum)
        self.buffer = None

    def _update_buffer(self, grad):
        if self.buffer is None:
            self.buffer = np.array(grad, dtype=np.float64)
        else:
            self.buffer *= self.momentum
            self.buffer += grad
        return self.buffer

    def step(self, params, grad):
        params -= self.lr * self._update_buffer(grad)


class Nesterov(Momentum):
    """Nesterov's accelerated gradient as torch.optim.SGD(momentum=mu, nesterov=True).

    b <- mu b + g; theta <- theta - lr (g + mu b). This is Sutskever et al.'s NAG
    (v <- mu v - lr grad f(theta + mu v); theta <- theta + v) rewritten for the look-ahead point:
    its iterates are that method's theta + mu v, where the gradient is taken.
    References: Y. Nesterov, 1983; I. Sutskever et al., On the importance of initialization and
        momentum in deep learning, ICML 2013; Y. Bengio et al., Advances in optimizing recurrent
        networks, 2012.
    """

    def step(self, params, grad):
        look_ahead = self._update_buffer(grad) * self.momentum
        look_ahead += grad
        look_ahead *= self.lr
        params -= look_ahead


class Adam(Optimizer):
    """Adam as torch.optim.Adam: bias-corrected moving averages of g and g^2.

    m <- b1 m + (1 - b1) g; v <- b2 v + (1 - b2) g^2;
    theta <- theta - lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps).
    References: D. P. Kingma, J. Ba, Adam: A Method for Stochastic Optimization, ICLR 2015.
    """

    def __init__(self, lr: float, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8):
        super().__init__(lr)
        self.beta1, self.beta2, self.eps = beta1, beta2, eps
        self.mean = self.square = None
        self.steps = 0

    def step(self, params, grad):
        if self.mean is None:
            self.mean, self.square = np.zeros_like(params), np.zeros_like(params)
        self.steps += 1
        self.mean *= self.beta1
        self.mean += (1.0 - self.beta1) * grad
        self.square *= self.beta2
        grad = np.square(grad)
        grad *= 1.0 - self.beta2
        self.square += grad
        # bias corrections as scalars: lr / (1 - b1^t) and 1 / sqrt(1 - b2^t)
        denominator = np.sqrt(self.square, out=grad)
        denominator *= 1.0 / math.sqrt(1.0 - self.beta2**self.steps)
        denominator += self.eps
        np.divide(self.mean, denominator, out=denominator)
        denominator *= self.lr / (1.0 - self.beta1**self.steps)
        params -= denominator


def make(name: str, *, lr: float, momentum: float = 0.9) -> Optimizer:
    """A fresh optimizer by name ("gd", "momentum", "nag", "adam"); `momentum` is for the two that use it."""
    if name == "gd":
        return GD(lr)
    if name == "momentum":
        return Momentum(lr, momentum)
    if name == "nag":
        return Nesterov(lr, momentum)
    if name == "adam":
        return Adam(lr)
    raise ValueError(f"unknown optimizer {str(name)[:40]!r}; choose one of {', '.join(OPTIMIZERS)}")
