"""Losses between probability distributions."""

import numpy as np

from lossviz.losses.base import Loss, as_array, check_probabilities, check_same_shape
from lossviz.numerics import KL_Q_FLOOR, xlogx


def distribution_inputs(y_true, y_pred):
    """Validated (P, Q) as 2-D arrays of rows (a 1-D input is one distribution)."""
    target = as_array("y_true", y_true)
    approx = as_array("y_pred", y_pred)
    check_same_shape(target, approx)
    if target.ndim not in (1, 2):
        raise ValueError(f"distributions must have shape (C,) or (n, C); got {target.shape}")
    check_probabilities("y_true", target)
    check_probabilities("y_pred", approx)
    return np.atleast_2d(target), np.atleast_2d(approx)


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
