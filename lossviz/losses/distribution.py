"""Losses between probability distributions."""

import numpy as np

from lossviz.losses.base import Loss, check_probabilities, row_pair
from lossviz.numerics import KL_Q_FLOOR, clamped_log, xlogx


def distribution_inputs(y_true, y_pred):
    """Validated (P, Q) as 2-D arrays of rows (a 1-D input is one distribution)."""
    target, approx = row_pair(y_true, y_pred, "distributions")
    check_probabilities("y_true", target)
    check_probabilities("y_pred", approx)
    return target, approx


class KL(Loss):
    """Kullback-Leibler divergence KL(P || Q) of a model Q from a target P.

    Domain: rows of y_true (P) and y_pred (Q) are probability vectors; (C,) or (n, C).
    Notes: mean over rows of sum P log(P / Q), with 0 log 0 = 0 and Q clipped below at 1e-12
        (the gradient is 0 where the clip is active). Equals torch.nn.KLDivLoss(log Q, P,
        reduction="batchmean") for 2-D input; a 1-D input counts as one row. Minimising
        KL(P || Q) over Q covers every mode of P; the reverse KL(Q || P) seeks one mode.
    References: S. Kullback, R. A. Leibler, On Information and Sufficiency, 1951.
    """

    name = "kl"
    task = "distribution"
    latex = r"L = \frac{1}{n}\sum_i \sum_c P_{ic}\log\frac{P_{ic}}{Q_{ic}}"
    grad_latex = r"\frac{\partial L}{\partial Q_{ic}} = -\frac{1}{n}\,\frac{P_{ic}}{Q_{ic}}"

    def elementwise(self, y_true, y_pred):
        target, approx = distribution_inputs(y_true, y_pred)
        return (xlogx(target) - target * np.log(np.maximum(approx, KL_Q_FLOOR))).sum(axis=1)

    def backward(self, y_true, y_pred):
        target, approx = distribution_inputs(y_true, y_pred)
        unclipped = approx >= KL_Q_FLOOR
        grad = -target / np.where(unclipped, approx, 1.0) * unclipped / target.shape[0]
        return grad.reshape(np.shape(y_pred))


def xlogy(x, y):
    """x * log(y) with 0 * log(anything) = 0; y > 0 wherever x > 0."""
    positive = x > 0.0
    return np.where(positive, x * np.log(np.where(positive, y, 1.0)), 0.0)


class JS(Loss):
    """Jensen-Shannon divergence: KL of each distribution from their average, averaged.

    Domain: rows of y_true (P) and y_pred (Q) are probability vectors; (C,) or (n, C).
    Notes: 1/2 KL(P || M) + 1/2 KL(Q || M) with M = (P + Q) / 2, 0 log 0 = 0; mean over rows.
        Symmetric, bounded by log 2, and finite even where one distribution has zeros the other
        lacks, unlike KL. Its gradient by Q is 1/2 log(2Q / (P + Q)). When P and Q do not overlap
        at all, JS is log 2 however Q spreads its mass over the outcomes P lacks, so it gives no
        direction toward P: one reason the original GAN, whose ideal discriminator turns the
        generator's loss into JS, learns slowly (Arjovsky et al. 2017). Where Q = 0 < P the
        log in the gradient is clamped at -100.
    References: J. Lin, Divergence Measures Based on the Shannon Entropy, IEEE Trans.
        Information Theory, 1991.
    """

    name = "js"
    task = "distribution"
    latex = (r"L = \frac{1}{n}\sum_i \frac12\sum_c\Big[P_{ic}\log\frac{P_{ic}}{M_{ic}}"
             r" + Q_{ic}\log\frac{Q_{ic}}{M_{ic}}\Big],"
             r"\quad M = \tfrac12(P + Q)")
    grad_latex = r"\frac{\partial L}{\partial Q_{ic}} = \frac{1}{2n}\,\log\frac{Q_{ic}}{M_{ic}}"

    def elementwise(self, y_true, y_pred):
        target, approx = distribution_inputs(y_true, y_pred)
        # P / M = 2P / (P + Q): the total does not underflow where M = (P + Q) / 2 of tiny values would
        total = target + approx
        safe_total = np.where(total > 0, total, 1.0)
        value = 0.5 * (xlogy(target, 2.0 * target / safe_total) + xlogy(approx, 2.0 * approx / safe_total)).sum(axis=1)
        return np.maximum(value, 0.0)  # JS >= 0; rounding of near-equal rows can dip below by ~1e-17

    def backward(self, y_true, y_pred):
        target, approx = distribution_inputs(y_true, y_pred)
        total = target + approx
        # Q / M = 2Q / (P + Q), whose limit where both are 0 is 2 (approached with P = 0)
        ratio = np.where(total > 0, 2.0 * approx / np.where(total > 0, total, 1.0), 2.0)
        grad = 0.5 * clamped_log(ratio) / target.shape[0]
        return grad.reshape(np.shape(y_pred))
