"""Metric-learning losses on embeddings."""

import numpy as np

from lossviz.losses.base import Loss, ParamSpec, as_array, check_finite
from lossviz.numerics import TRIPLET_EPS


def triplet_inputs(anchor, positive, negative):
    """Validated embeddings as (n, D) arrays of the same shape, and the original shape."""
    arrays = {"anchor": anchor, "positive": positive, "negative": negative}
    arrays = {name: as_array(name, value) for name, value in arrays.items()}
    shapes = {array.shape for array in arrays.values()}
    if len(shapes) != 1:
        listed = ", ".join(f"{name} {array.shape}" for name, array in arrays.items())
        raise ValueError(f"shape mismatch: anchor, positive and negative must have the same shape; got {listed}")
    shape = shapes.pop()
    if len(shape) not in (1, 2) or 0 in shape:
        raise ValueError(f"embeddings must have shape (D,) or (n, D) with n, D >= 1; got {shape}")
    for name, array in arrays.items():
        check_finite(name, array)
    return *(np.atleast_2d(array) for array in arrays.values()), shape


class Triplet(Loss):
    """Triplet margin loss: the positive must be closer to the anchor than the negative, by a margin.

    Domain: anchor, positive, negative embeddings of shape (D,) or (n, D).
    Notes: max(d(a, p) - d(a, n) + margin, 0) with Euclidean d(x, y) = ||x - y + eps||, eps = 1e-6
        as torch.nn.TripletMarginLoss(margin, p=2). Zero for easy negatives (farther than
        d(a, p) + margin); semi-hard and hard negatives carry the gradient. `forward` and
        `backward` take (anchor, positive, negative); `backward` returns the three gradients.
        Schroff et al. use squared distances between L2-normalised embeddings; this is torch's
        form, plain distances between unnormalised ones.
    References: F. Schroff, D. Kalenichenko, J. Philbin, FaceNet, CVPR 2015.
    """

    name = "triplet"
    task = "embedding"
    param_specs = {
        "margin": ParamSpec(default=1.0, min=0.0, max=5.0, step=0.05,
                            help="How much farther the negative must be than the positive."),
    }
    latex = r"L = \frac{1}{n}\sum_i \max\big(\lVert a_i - p_i\rVert - \lVert a_i - n_i\rVert + m,\ 0\big)"
    grad_latex = (r"\frac{\partial L}{\partial a_i} = \frac{1}{n}\Big(\frac{a_i - p_i}{\lVert a_i - p_i\rVert}"
                  r" - \frac{a_i - n_i}{\lVert a_i - n_i\rVert}\Big),\quad "
                  r"\frac{\partial L}{\partial n_i} = \frac{1}{n}\,\frac{a_i - n_i}{\lVert a_i - n_i\rVert}"
                  r"\quad \big(\lVert a_i - p_i\rVert - \lVert a_i - n_i\rVert + m > 0\big)")

    def _terms(self, anchor, positive, negative):
        anchor, positive, negative, shape = triplet_inputs(anchor, positive, negative)
        to_positive = anchor - positive + TRIPLET_EPS
        to_negative = anchor - negative + TRIPLET_EPS
        distance_positive = np.sqrt(np.einsum("ij,ij->i", to_positive, to_positive))
        distance_negative = np.sqrt(np.einsum("ij,ij->i", to_negative, to_negative))
        values = np.maximum(distance_positive - distance_negative + self.margin, 0.0)
        return values, to_positive, distance_positive, to_negative, distance_negative, shape

    def elementwise(self, anchor, positive, negative):
        return self._terms(anchor, positive, negative)[0]

    def forward(self, anchor, positive, negative) -> float:
        return float(np.mean(self.elementwise(anchor, positive, negative)))

    def backward(self, anchor, positive, negative):
        values, to_positive, distance_positive, to_negative, distance_negative, shape = self._terms(
            anchor, positive, negative)
        active = (values > 0.0) / values.size
        # a distance of exactly 0 (only when a - p = -eps) has gradient 0 by convention
        unit_positive = to_positive * (active / np.where(distance_positive > 0, distance_positive, np.inf))[:, None]
        unit_negative = to_negative * (active / np.where(distance_negative > 0, distance_negative, np.inf))[:, None]
        grads = (unit_positive - unit_negative, -unit_positive, unit_negative)
        return tuple(grad.reshape(shape) for grad in grads)
