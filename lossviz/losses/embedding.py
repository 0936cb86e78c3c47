"""Metric-learning losses on embeddings."""

import numpy as np

from lossviz.losses.base import (
    Loss,
    ParamSpec,
    _short_repr,
    as_array,
    check_binary,
    check_finite,
    margin_spec,
    score_pair,
)
from lossviz.numerics import COSINE_EPS, NORMALIZE_EPS, TRIPLET_EPS, log_softmax


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
    call_shape = "triplet"
    param_specs = {
        "margin": margin_spec(1.0, "How much farther the negative must be than the positive."),
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


def embedding_pair(first_name, first, second_name, second):
    """Two validated embedding arrays of the same shape as (n, D), and that shape."""
    first, second = score_pair(first_name, first, second_name, second)
    if first.ndim not in (1, 2) or 0 in first.shape:
        raise ValueError(f"embeddings must have shape (D,) or (n, D) with n, D >= 1; got {first.shape}")
    return np.atleast_2d(first), np.atleast_2d(second), first.shape


def pair_labels(y_true, n_pairs: int, signed: bool) -> np.ndarray:
    """One label per pair in {0, 1} (1: similar); with `signed`, {-1, 1} is accepted too (-1 as 0)."""
    labels = as_array("y_true", y_true).reshape(-1)
    if labels.size != n_pairs:
        raise ValueError(f"shape mismatch: y_true needs one label per pair ({n_pairs}); got {np.shape(y_true)}")
    if signed and labels.min() < 0:
        if not np.array_equal(np.abs(labels), np.ones_like(labels)):
            raise ValueError("y_true must hold labels in {0, 1} or in {-1, 1}; "
                             f"found {_short_repr(np.unique(labels)[:5].tolist())}")
        return (labels + 1.0) / 2.0
    check_binary("y_true", labels)
    return labels


class Contrastive(Loss):
    """Contrastive loss on pairs: pull similar pairs together, push dissimilar ones beyond a margin.

    Domain: y_true one label per pair in {0, 1} (1 = similar); x1, x2 embeddings (n, D) or (D,).
    Notes: 1/2 [y d^2 + (1 - y) max(0, m - d)^2] per pair with d = ||x1 - x2 + 1e-6||, the
        distance torch.nn.functional.pairwise_distance computes. Dissimilar pairs already
        farther apart than the margin cost nothing, so the embedding is not spread without end.
        `backward` returns the gradients by x1 and by x2.
    References: R. Hadsell, S. Chopra, Y. LeCun, Dimensionality Reduction by Learning an
        Invariant Mapping, CVPR 2006.
    """

    name = "contrastive"
    task = "embedding"
    call_shape = "pair"
    param_specs = {
        "margin": margin_spec(1.0, "Distance beyond which a dissimilar pair costs nothing."),
    }
    latex = (r"L = \frac{1}{n}\sum_i \tfrac12\Big[y_i\,d_i^2 + (1-y_i)\max(0,\ m - d_i)^2\Big],"
             r"\quad d_i = \lVert x_{1i} - x_{2i}\rVert")
    grad_latex = (r"\frac{\partial L}{\partial x_{1i}} = -\frac{\partial L}{\partial x_{2i}} = "
                  r"\frac{1}{n}\Big[y_i - (1-y_i)\,\frac{\max(0,\ m - d_i)}{d_i}\Big](x_{1i} - x_{2i})")

    def _terms(self, y_true, x1, x2):
        first, second, shape = embedding_pair("x1", x1, "x2", x2)
        labels = pair_labels(y_true, first.shape[0], signed=False)
        difference = first - second + TRIPLET_EPS
        distance = np.sqrt(np.einsum("ij,ij->i", difference, difference))
        shortfall = np.maximum(self.margin - distance, 0.0)
        return labels, difference, distance, shortfall, shape

    def elementwise(self, y_true, x1, x2):
        labels, _, distance, shortfall, _ = self._terms(y_true, x1, x2)
        return 0.5 * (labels * distance**2 + (1.0 - labels) * shortfall**2)

    def backward(self, y_true, x1, x2):
        labels, difference, distance, shortfall, shape = self._terms(y_true, x1, x2)
        # d (d^2 / 2) = difference; d (shortfall^2 / 2) = -shortfall difference / d, taken as 0 at d = 0
        push = shortfall / np.where(distance > 0, distance, np.inf)
        scale = (labels - (1.0 - labels) * push) / labels.size
        grad = difference * scale[:, None]
        return grad.reshape(shape), (-grad).reshape(shape)


class CosineEmbedding(Loss):
    """Cosine embedding loss: similar pairs should point the same way, dissimilar ones should not.

    Domain: y_true one label per pair in {0, 1} or {-1, 1} (0 is read as -1); x1, x2 (n, D) or (D,).
    Notes: 1 - cos(x1, x2) for similar pairs, max(0, cos(x1, x2) - margin) for dissimilar ones,
        as torch.nn.CosineEmbeddingLoss(margin); the cosine is x1.x2 / sqrt((|x1|^2 + eps)(|x2|^2
        + eps)) with eps = 1e-12, torch's form, so a zero vector has cosine 0. Only directions
        count, not lengths. A margin of 0 asks dissimilar pairs to be at least orthogonal.
    References: J. Bromley et al., Signature Verification using a "Siamese" Time Delay Neural
        Network, NIPS 1993.
    """

    name = "cosine_embedding"
    task = "embedding"
    call_shape = "pair"
    param_specs = {
        "margin": ParamSpec(default=0.0, min=-1.0, max=1.0, step=0.05,
                            help="Cosine below which a dissimilar pair costs nothing."),
    }
    latex = (r"L = \frac{1}{n}\sum_i \begin{cases} 1 - \cos(x_{1i}, x_{2i}) & y_i = 1 \\ "
             r"\max\big(0,\ \cos(x_{1i}, x_{2i}) - m\big) & y_i = -1 \end{cases}")
    grad_latex = (r"\frac{\partial \cos}{\partial x_{1}} = \frac{x_2}{\lVert x_1\rVert\lVert x_2\rVert}"
                  r" - \cos\,\frac{x_1}{\lVert x_1\rVert^2},\quad "
                  r"\frac{\partial L}{\partial x_{1i}} = "
                  r"\frac{1}{n}\begin{cases} -\partial\cos/\partial x_{1i} & y_i = 1 \\ "
                  r"\partial\cos/\partial x_{1i}\ \ (\cos > m) & y_i = -1 \end{cases}")

    def _terms(self, y_true, x1, x2):
        first, second, shape = embedding_pair("x1", x1, "x2", x2)
        similar = pair_labels(y_true, first.shape[0], signed=True)
        squared_first = np.einsum("ij,ij->i", first, first) + COSINE_EPS
        squared_second = np.einsum("ij,ij->i", second, second) + COSINE_EPS
        norms = np.sqrt(squared_first * squared_second)
        cosine = np.einsum("ij,ij->i", first, second) / norms
        return similar, first, second, squared_first, squared_second, norms, cosine, shape

    def elementwise(self, y_true, x1, x2):
        similar, *_, cosine, _ = self._terms(y_true, x1, x2)
        return np.where(similar == 1.0, 1.0 - cosine, np.maximum(cosine - self.margin, 0.0))

    def backward(self, y_true, x1, x2):
        similar, first, second, squared_first, squared_second, norms, cosine, shape = self._terms(y_true, x1, x2)
        d_first = second / norms[:, None] - (cosine / squared_first)[:, None] * first
        d_second = first / norms[:, None] - (cosine / squared_second)[:, None] * second
        sign = np.where(similar == 1.0, -1.0, (cosine > self.margin).astype(np.float64)) / similar.size
        return (d_first * sign[:, None]).reshape(shape), (d_second * sign[:, None]).reshape(shape)


def normalize_rows(rows):
    """Rows divided by max(norm, 1e-12), as torch.nn.functional.normalize; and those divisors."""
    norms = np.maximum(np.sqrt(np.einsum("ij,ij->i", rows, rows)), NORMALIZE_EPS)
    return rows / norms[:, None], norms


def normalize_rows_backward(upstream, unit, norms):
    """The gradient by the raw rows, from the gradient by the normalised `unit` rows."""
    radial = np.where(norms > NORMALIZE_EPS, np.einsum("ij,ij->i", upstream, unit), 0.0)
    return (upstream - unit * radial[:, None]) / norms[:, None]


class InfoNCE(Loss):
    """InfoNCE: each anchor must pick out its own positive among the batch's other positives.

    Domain: anchor, positive (n, D) or (D,): row i of positive belongs to row i of anchor.
    Notes: logits_ij = cos(anchor_i, positive_j) / tau with rows L2-normalised
        (torch.nn.functional.normalize, eps = 1e-12), then cross-entropy with target i for row i:
        the other rows are the negatives (in-batch negatives). One value per anchor; a lower
        temperature sharpens the softmax, so the hardest negatives carry most of the gradient.
        With one row there is no negative and the loss is 0. `backward` returns the gradients
        by anchor and by positive.
    References: A. van den Oord, Y. Li, O. Vinyals, Representation Learning with Contrastive
        Predictive Coding, 2018; T. Chen et al., SimCLR, ICML 2020.
    """

    name = "info_nce"
    task = "embedding"
    call_shape = "two_input"
    param_specs = {
        "temperature": ParamSpec(default=0.1, min=0.01, max=1.0, step=0.01, log=True,
                                 help="Divides the cosines: lower values sharpen the softmax over the batch."),
    }
    latex = (r"L = -\frac{1}{n}\sum_i \log\frac{\exp(s_{ii}/\tau)}{\sum_j \exp(s_{ij}/\tau)},"
             r"\quad s_{ij} = \frac{a_i\cdot p_j}{\lVert a_i\rVert\,\lVert p_j\rVert}")
    grad_latex = (r"\frac{\partial L}{\partial s_{ij}} = \frac{1}{n\tau}\big(\operatorname{softmax}_j(s_{i\cdot}/\tau)"
                  r" - [i = j]\big),\ \text{then through each row's normalisation to } a_i \text{ and } p_j")

    def _terms(self, anchor, positive):
        anchors, positives, shape = embedding_pair("anchor", anchor, "positive", positive)
        unit_anchors, anchor_norms = normalize_rows(anchors)
        unit_positives, positive_norms = normalize_rows(positives)
        log_p = log_softmax(unit_anchors @ unit_positives.T / self.temperature)
        return log_p, unit_anchors, anchor_norms, unit_positives, positive_norms, shape

    def elementwise(self, anchor, positive):
        log_p = self._terms(anchor, positive)[0]
        return -np.diagonal(log_p).copy()

    def backward(self, anchor, positive):
        log_p, unit_anchors, anchor_norms, unit_positives, positive_norms, shape = self._terms(anchor, positive)
        n_rows = log_p.shape[0]
        d_logits = np.exp(log_p)
        d_logits[np.diag_indices(n_rows)] -= 1.0
        d_logits /= n_rows * self.temperature
        d_anchor = normalize_rows_backward(d_logits @ unit_positives, unit_anchors, anchor_norms)
        d_positive = normalize_rows_backward(d_logits.T @ unit_anchors, unit_positives, positive_norms)
        return d_anchor.reshape(shape), d_positive.reshape(shape)
