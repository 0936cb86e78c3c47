"""Numerically stable primitives shared by every loss.

The few unavoidable clamps live here as named constants so that each loss states the same
numbers in its Notes and the tests can refer to them.
"""

import numpy as np

LOG_CLAMP = -100.0
"""Lower bound of every log of a probability, as in torch.nn.BCELoss: log(0) becomes -100."""

PROBA_GRAD_FLOOR = 1e-12
"""Floor of the denominators of probability-input gradients (torch.nn.BCELoss's EPSILON), so
the gradient stays finite at probabilities exactly 0 or 1."""

KL_Q_FLOOR = 1e-12
"""Q is clipped below at this value inside KL(P || Q)."""

TRIPLET_EPS = 1e-6
"""Added to each difference inside the triplet distance, as torch.nn.PairwiseDistance does;
it also keeps the gradient finite when two points coincide."""

POISSON_EPS = 1e-8
"""Added to a predicted rate inside its log in poisson_nll (torch.nn.PoissonNLLLoss's eps)."""

BOX_EPS = 1e-7
"""Added to the union, the enclosing area and the squared enclosing diagonal of the box losses
(torchvision's eps), so degenerate boxes give finite values."""

COSINE_EPS = 1e-12
"""Added to each squared norm inside cosine_embedding's cosine (torch's EPSILON there), so a
zero vector has cosine 0."""

NORMALIZE_EPS = 1e-12
"""Lower bound of the norm a vector is divided by in info_nce (torch.nn.functional.normalize)."""


def clamped_log(proba):
    """log(proba) clamped below at LOG_CLAMP; log(0) = LOG_CLAMP without a warning."""
    with np.errstate(divide="ignore"):
        log_proba = np.log(proba)
    return np.maximum(log_proba, LOG_CLAMP, out=log_proba)


def clamped_log1m(proba):
    """log(1 - proba) computed as log1p(-proba), clamped below at LOG_CLAMP."""
    with np.errstate(divide="ignore"):
        log_complement = np.log1p(-proba)
    return np.maximum(log_complement, LOG_CLAMP, out=log_complement)


def softplus(x):
    """log(1 + exp(x)) = max(x, 0) + log1p(exp(-|x|)), exact and without overflow; an exp and a
    log1p cost a fraction of np.logaddexp (docs/PERFORMANCE.md)."""
    return np.maximum(x, 0.0) + np.log1p(np.exp(-np.abs(x)))


def sigmoid(x):
    """1 / (1 + exp(-x)), accurate in both tails; exp overflow to inf gives exactly 0."""
    with np.errstate(over="ignore"):
        denominator = np.exp(-x)
    denominator += 1.0
    return np.divide(1.0, denominator, out=denominator)


def log_softmax(logits):
    """Row-wise log-softmax of a 2-D array, shifted by the row max (log-sum-exp)."""
    shifted = logits - logits.max(axis=1, keepdims=True)
    shifted -= np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return shifted


def log_cosh(x):
    """log(cosh(x)) = |x| + log1p(exp(-2|x|)) - log 2, finite for any finite x."""
    magnitude = np.abs(x)
    return magnitude + np.log1p(np.exp(-2.0 * magnitude)) - np.log(2.0)


def xlogx(p):
    """p * log(p) with the convention 0 * log 0 = 0."""
    safe = np.where(p > 0.0, p, 1.0)
    return p * np.log(safe)


def exprel(x):
    """(exp(x) - 1) / x, with its limit 1 at x = 0; accurate for tiny x."""
    nonzero = x != 0.0
    safe = np.where(nonzero, x, 1.0)
    return np.where(nonzero, np.expm1(safe) / safe, 1.0)
