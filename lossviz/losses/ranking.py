"""Ranking losses on scores: the item that should rank higher must score higher."""

import numpy as np

from lossviz.losses.base import Loss, margin_spec, score_pair
from lossviz.losses.embedding import pair_labels
from lossviz.numerics import sigmoid, softplus


class MarginRanking(Loss):
    """Margin ranking loss: of each pair, the one the label names must score higher by a margin.

    Domain: y_true one label per pair in {0, 1} or {-1, 1} (1: x1 should rank higher; 0 is read
        as -1); x1, x2 scores of the same shape.
    Notes: max(0, -y (x1 - x2) + margin), as torch.nn.MarginRankingLoss(margin). Only the order
        of the two scores counts, not their size; with margin 0 any correct order costs nothing.
        At a violation of exactly 0 the subgradient 0 is chosen. `backward` returns the
        gradients by x1 and by x2.
    References: R. Herbrich, T. Graepel, K. Obermayer, Large Margin Rank Boundaries for Ordinal
        Regression, 2000.
    """

    name = "margin_ranking"
    task = "ranking"
    call_shape = "pair"
    param_specs = {
        "margin": margin_spec(0.0, "How far the higher-ranked item's score must lead."),
    }
    latex = r"L = \frac{1}{n}\sum_i \max\big(0,\ -y_i\,(x_{1i} - x_{2i}) + m\big),\quad y_i \in \{-1, 1\}"
    grad_latex = (r"\frac{\partial L}{\partial x_{1i}} = -\frac{\partial L}{\partial x_{2i}} = "
                  r"\frac{1}{n}\begin{cases} -y_i & -y_i(x_{1i} - x_{2i}) + m > 0 \\ 0 & \text{otherwise}\end{cases}")

    def _terms(self, y_true, x1, x2):
        first, second = score_pair("x1", x1, "x2", x2)
        sign = 2.0 * pair_labels(y_true, first.size, signed=True).reshape(first.shape) - 1.0
        return sign, self.margin - sign * (first - second)

    def elementwise(self, y_true, x1, x2):
        return np.maximum(self._terms(y_true, x1, x2)[1], 0.0)

    def backward(self, y_true, x1, x2):
        sign, slack = self._terms(y_true, x1, x2)
        grad = np.where(slack > 0.0, -sign, 0.0) / sign.size
        return grad, -grad


class BPR(Loss):
    """Bayesian personalised ranking: a logistic loss on the gap between a liked and an unliked item.

    Domain: positive and negative scores of the same shape (n,): pair i compares positive[i]
        with negative[i].
    Notes: -log sigmoid(s+ - s-) per pair, computed as softplus(s- - s+) so that no gap
        overflows. Unlike margin_ranking it never reaches 0: a pair ranked right still gets a
        small push, which fades as the gap grows. `backward` returns the gradients by the
        positive and by the negative scores.
    References: S. Rendle, C. Freudenthaler, Z. Gantner, L. Schmidt-Thieme, BPR: Bayesian
        Personalized Ranking from Implicit Feedback, UAI 2009.
    """

    name = "bpr"
    task = "ranking"
    call_shape = "two_input"
    latex = r"L = -\frac{1}{n}\sum_i \log\sigma\big(s^+_i - s^-_i\big)"
    grad_latex = (r"\frac{\partial L}{\partial s^+_i} = -\frac{\partial L}{\partial s^-_i} = "
                  r"-\frac{1}{n}\,\sigma\big(s^-_i - s^+_i\big)")

    def elementwise(self, positive, negative):
        positive, negative = score_pair("positive", positive, "negative", negative)
        return softplus(negative - positive)

    def backward(self, positive, negative):
        positive, negative = score_pair("positive", positive, "negative", negative)
        grad = -sigmoid(negative - positive) / positive.size
        return grad, -grad
