"""Classification losses: binary (bce, focal, hinge) and multi-class (cce, softmax_focal, poly1).

Probability inputs follow torch.nn.BCELoss: every log is clamped at LOG_CLAMP and gradient
denominators are floored at PROBA_GRAD_FLOOR, so probabilities exactly 0 or 1 stay finite.
With `from_logits=True` the math works on raw scores in its numerically stable form.
"""

import numpy as np

from lossviz.losses.base import (
    Loss,
    ParamSpec,
    _short_repr,
    as_array,
    check_binary,
    check_finite,
    check_probabilities,
    check_same_shape,
    margin_spec,
    row_pair,
)
from lossviz.numerics import (
    PROBA_GRAD_FLOOR,
    clamped_log,
    clamped_log1m,
    log_softmax,
    sigmoid,
    softplus,
)

FROM_LOGITS = {"from_logits": False}
GAMMA = ParamSpec(default=2.0, min=0.0, max=5.0, step=0.1,
                  help="Focusing power: how strongly well-classified examples are down-weighted.")


def binary_inputs(y_true, y_pred, from_logits: bool):
    """Validated (labels in {0, 1}, probabilities or logits), float64, same shape."""
    y_true = as_array("y_true", y_true)
    y_pred = as_array("y_pred", y_pred)
    check_same_shape(y_true, y_pred)
    check_binary("y_true", y_true)
    if from_logits:
        check_finite("y_pred", y_pred)
    else:
        check_probabilities("y_pred", y_pred)
    return y_true, y_pred


def binary_cross_entropy(y_true, proba):
    """Element-wise -[y log p + (1 - y) log(1 - p)] with logs clamped at LOG_CLAMP."""
    return -(y_true * clamped_log(proba) + (1.0 - y_true) * clamped_log1m(proba))


def binary_cross_entropy_grad(y_true, proba):
    """d BCE / d p = (p - y) / max(p (1 - p), floor), the form torch.nn.BCELoss uses."""
    return (proba - y_true) / np.maximum(proba * (1.0 - proba), PROBA_GRAD_FLOOR)


def signed_labels(y_true, y_pred):
    """Validated (labels as -1 or +1, scores), same shape; labels may be given as {0, 1} or {-1, 1}."""
    y_true = as_array("y_true", y_true)
    y_pred = as_array("y_pred", y_pred)
    check_same_shape(y_true, y_pred)
    check_finite("y_pred", y_pred)
    if y_true.min() < 0:
        if not np.array_equal(np.abs(y_true), np.ones_like(y_true)):
            raise ValueError("y_true must hold labels in {0, 1} or in {-1, 1}; "
                             f"found {_short_repr(np.unique(y_true)[:5].tolist())}")
        return y_true, y_pred
    check_binary("y_true", y_true)
    return 2.0 * y_true - 1.0, y_pred


class BCE(Loss):
    """Binary cross-entropy, optionally with the positive term weighted.

    Domain: y_true in {0, 1}; y_pred probabilities in [0, 1], or logits with from_logits=True.
    Notes: -[w y log p + (1 - y) log(1 - p)] with w = pos_weight; w = n_neg / n_pos balances the
        classes. Probabilities: torch.nn.BCELoss (logs clamped at -100, gradient denominator
        floored at 1e-12). Logits: torch.nn.BCEWithLogitsLoss(pos_weight), via softplus.
    References: D. R. Cox, The Regression Analysis of Binary Sequences, 1958.
    """

    name = "bce"
    task = "classification"
    param_specs = {
        "pos_weight": ParamSpec(default=1.0, min=0.1, max=1000.0, step=0.1, log=True,
                                help="Weight of the positive class; n_neg / n_pos balances the classes."),
    }
    flags = FROM_LOGITS
    latex = r"L = -\frac{1}{n}\sum_i \big[w\,y_i \log p_i + (1-y_i)\log(1-p_i)\big]"
    grad_latex = (r"\frac{\partial L}{\partial p_i} = \frac{1}{n}\left[-\frac{w\,y_i}{p_i} + \frac{1-y_i}{1-p_i}\right]"
                  r",\qquad \frac{\partial L}{\partial x_i} = "
                  r"\frac{1}{n}\big[(1 + (w-1)y_i)\,\sigma(x_i) - w\,y_i\big]")

    def elementwise(self, y_true, y_pred):
        y_true, y_pred = binary_inputs(y_true, y_pred, self.from_logits)
        if self.from_logits:
            if self.pos_weight == 1.0:
                value = softplus(y_pred)  # softplus(x) - y x
                value -= y_true * y_pred
                return value
            # torch's form: (1 - y) x + (1 + (w - 1) y) softplus(-x)
            log_weight = 1.0 + (self.pos_weight - 1.0) * y_true
            return (1.0 - y_true) * y_pred + log_weight * softplus(-y_pred)
        if self.pos_weight == 1.0:
            return binary_cross_entropy(y_true, y_pred)
        return -(self.pos_weight * y_true * clamped_log(y_pred) + (1.0 - y_true) * clamped_log1m(y_pred))

    def backward(self, y_true, y_pred):
        y_true, y_pred = binary_inputs(y_true, y_pred, self.from_logits)
        if self.from_logits:
            grad = sigmoid(y_pred)
            if self.pos_weight == 1.0:
                grad -= y_true
            else:
                grad *= 1.0 + (self.pos_weight - 1.0) * y_true
                grad -= self.pos_weight * y_true
        elif self.pos_weight == 1.0:
            grad = binary_cross_entropy_grad(y_true, y_pred)
        else:
            numerator = y_pred * (1.0 - y_true) - self.pos_weight * y_true * (1.0 - y_pred)
            grad = numerator / np.maximum(y_pred * (1.0 - y_pred), PROBA_GRAD_FLOOR)
        grad /= y_true.size
        return grad

    def value_and_gradient(self, y_true, y_pred):
        """With logits: one exp serves softplus and the sigmoid. Inputs are not validated."""
        if not self.from_logits:
            return super().value_and_gradient(y_true, y_pred)
        softplus_pos, proba = _softplus_and_sigmoid(y_pred)
        weight = self.pos_weight
        if weight == 1.0:
            value = float((softplus_pos - y_true * y_pred).sum())
            grad = np.subtract(proba, y_true, out=proba)
        else:
            log_weight = 1.0 + (weight - 1.0) * y_true
            # (1 - y) x + (1 + (w - 1) y) softplus(-x), with softplus(-x) = softplus(x) - x; summed
            # per point first, as the two terms cancel for confident negatives
            value = float(((1.0 - y_true) * y_pred + log_weight * (softplus_pos - y_pred)).sum())
            grad = np.multiply(proba, log_weight, out=proba)
            grad -= weight * y_true
        grad /= y_true.size
        return value / y_true.size, grad


def _softplus_and_sigmoid(x, negative: bool = False):
    """softplus(x) and sigmoid(x) from one exp(-|x|), stable for any x; with `negative` also
    softplus(-x) and sigmoid(-x), each computed directly (no cancellation at large |x|)."""
    decay = np.abs(x)  # in place from here on: these arrays are a training epoch's largest cost
    np.negative(decay, out=decay)
    np.exp(decay, out=decay)
    shared = np.log1p(decay)  # softplus(x) = max(x, 0) + log1p(exp(-|x|))
    softplus_pos = np.maximum(x, 0.0)
    softplus_pos += shared
    inverse = decay + 1.0
    np.reciprocal(inverse, out=inverse)
    decay *= inverse
    positive = x >= 0
    proba = np.where(positive, inverse, decay)
    if not negative:
        return softplus_pos, proba
    shared += np.maximum(-x, 0.0)
    return softplus_pos, proba, shared, np.where(positive, decay, inverse)


class Focal(Loss):
    """Binary focal loss: cross-entropy scaled down for well-classified examples.

    Domain: y_true in {0, 1}; y_pred probabilities, or logits with from_logits=True.
    Notes: alpha_t (1 - p_t)^gamma CE with p_t the probability of the true class and
        alpha_t = alpha for positives, 1 - alpha for negatives (alpha < 0: no weighting), as
        torchvision.ops.sigmoid_focal_loss with mean reduction. gamma = 0 with alpha < 0 is BCE.
        alpha weighs the classes (alpha_t), not every sample alike.
    References: T.-Y. Lin, P. Goyal, R. Girshick, K. He, P. Dollár, Focal Loss for Dense Object
        Detection, ICCV 2017.
    """

    name = "focal"
    task = "classification"
    param_specs = {
        "alpha": ParamSpec(default=0.25, min=-1.0, max=1.0, step=0.05, switch=True,
                           help="Weight of the positive class (negatives get 1 - alpha); below 0 turns weighting off."),
        "gamma": GAMMA,
    }
    flags = FROM_LOGITS
    latex = (r"L = -\frac{1}{n}\sum_i \alpha_t\,(1-p_t)^{\gamma}\log p_t,\quad "
             r"p_t = \begin{cases} p_i & y_i = 1 \\ 1 - p_i & y_i = 0 \end{cases},\quad "
             r"\alpha_t = \begin{cases} \alpha & y_i = 1 \\ 1 - \alpha & y_i = 0 \end{cases}")
    grad_latex = (r"\frac{\partial L}{\partial p_t} = \frac{\alpha_t}{n}\Big[\gamma(1-p_t)^{\gamma-1}\log p_t"
                  r" - \frac{(1-p_t)^{\gamma}}{p_t}\Big],\qquad "
                  r"\frac{\partial L}{\partial z_i} = (2y_i - 1)\,p_t(1-p_t)\,\frac{\partial L}{\partial p_t}")

    def _alpha_t(self, y_true):
        if self.alpha < 0:
            return 1.0
        return self.alpha * y_true + (1.0 - self.alpha) * (1.0 - y_true)

    def elementwise(self, y_true, y_pred):
        y_true, y_pred = binary_inputs(y_true, y_pred, self.from_logits)
        if self.from_logits:
            signed = (2.0 * y_true - 1.0) * y_pred  # logit of p_t
            cross_entropy = softplus(-signed)
            miss = sigmoid(-signed)  # 1 - p_t without cancellation
        else:
            cross_entropy = binary_cross_entropy(y_true, y_pred)
            miss = 1.0 - (y_true * y_pred + (1.0 - y_true) * (1.0 - y_pred))
        return self._alpha_t(y_true) * np.power(miss, self.gamma) * cross_entropy

    def backward(self, y_true, y_pred):
        y_true, y_pred = binary_inputs(y_true, y_pred, self.from_logits)
        sign = 2.0 * y_true - 1.0
        gamma = self.gamma
        if self.from_logits:
            # d/dx = -alpha_t s (1 - p_t)^gamma [(1 - p_t) + gamma p_t CE], no negative power needed
            signed = sign * y_pred
            miss = sigmoid(-signed)
            grad = gamma * (1.0 - miss) * softplus(-signed)
            grad += miss
            grad *= np.power(miss, gamma)
            grad *= -sign
        else:
            # product rule: (1 - p_t)^gamma dCE/dp - s gamma (1 - p_t)^(gamma - 1) CE, where the
            # second term is 0 at p_t = 1 (CE vanishes there faster than the power grows)
            cross_entropy = binary_cross_entropy(y_true, y_pred)
            miss = 1.0 - (y_true * y_pred + (1.0 - y_true) * (1.0 - y_pred))
            grad = np.power(miss, gamma) * binary_cross_entropy_grad(y_true, y_pred)
            if gamma != 0.0:
                modulating_slope = np.power(miss, gamma - 1.0, out=np.zeros_like(miss), where=miss > 0)
                grad -= sign * gamma * modulating_slope * cross_entropy
        grad *= self._alpha_t(y_true)
        grad /= y_true.size
        return grad

    def value_and_gradient(self, y_true, y_pred):
        """With logits: one exp and one log1p for the value and the gradient. Inputs are not validated."""
        if not self.from_logits:
            return super().value_and_gradient(y_true, y_pred)
        sign = 2.0 * y_true - 1.0
        signed = sign * y_pred  # logit of p_t
        # cross-entropy softplus(-s) = -log p_t and miss = 1 - p_t, both without cancellation
        _, p_t, cross_entropy, miss = _softplus_and_sigmoid(signed, negative=True)
        # (1 - p_t)^gamma from miss, which has no cancellation even when tiny (gamma = 2, the
        # common choice, is a square: numpy skips pow)
        weight = np.power(miss, self.gamma)
        weight *= self._alpha_t(y_true)
        value = float(np.dot(weight, cross_entropy))
        grad = self.gamma * p_t * cross_entropy
        grad += miss
        grad *= weight
        grad *= -sign
        grad /= y_true.size
        return value / y_true.size, grad


class MarginLoss(Loss):
    """A loss of the margin m = y f on labels y in {-1, 1} and raw scores f (hinge and its smooth
    relatives): a subclass gives the loss of the margin and its slope d loss / d m."""

    task = "classification"

    def of_margin(self, margin):
        raise NotImplementedError

    def margin_slope(self, margin):
        raise NotImplementedError

    def elementwise(self, y_true, y_pred):
        sign, scores = signed_labels(y_true, y_pred)
        return self.of_margin(sign * scores)

    def backward(self, y_true, y_pred):
        sign, scores = signed_labels(y_true, y_pred)
        return sign * self.margin_slope(sign * scores) / sign.size


class Hinge(MarginLoss):
    """Hinge loss of a max-margin classifier on raw scores.

    Domain: y_true in {0, 1} or {-1, 1} (0 is read as -1); y_pred real-valued scores.
    Notes: max(0, 1 - y f), as keras.losses.Hinge. Zero once an example is on the right side
        with margin 1, so confident examples stop contributing. At y f = 1 the subgradient 0 is
        chosen.
    References: C. Cortes, V. Vapnik, Support-Vector Networks, 1995.
    """

    name = "hinge"
    latex = r"L = \frac{1}{n}\sum_i \max(0,\,1 - y_i f_i),\quad y_i \in \{-1, 1\}"
    grad_latex = (r"\frac{\partial L}{\partial f_i} = "
                  r"\frac{1}{n}\begin{cases} -y_i & y_i f_i < 1 \\ 0 & y_i f_i \ge 1\end{cases}")

    def of_margin(self, margin):
        return np.maximum(1.0 - margin, 0.0)

    def margin_slope(self, margin):
        return np.where(margin < 1.0, -1.0, 0.0)

    def value_and_gradient(self, y_true, y_pred):
        """Labels in {0, 1}; inputs are not validated."""
        sign = 2.0 * y_true - 1.0
        slack = 1.0 - sign * y_pred
        active = slack > 0
        return float(np.dot(slack, active)) / sign.size, np.where(active, -sign, 0.0) / sign.size


# --- multi-class ------------------------------------------------------------------------------


def class_inputs(y_true, y_pred, from_logits: bool, soft_targets: bool):
    """Validated (target, y_pred): y_pred of shape (n, C); target as class indices (n,) or,
    with soft_targets, a (n, C) matrix of label probabilities. One-hot rows become indices
    when soft targets are not accepted."""
    y_pred = as_array("y_pred", y_pred)
    if y_pred.ndim != 2 or y_pred.shape[0] == 0 or y_pred.shape[1] < 2:
        raise ValueError(f"y_pred must have shape (n, C) with n >= 1 and C >= 2 classes; got {y_pred.shape}")
    if from_logits:
        check_finite("y_pred", y_pred)
    else:
        check_probabilities("y_pred", y_pred)
    n_samples, n_classes = y_pred.shape
    labels = np.asarray(y_true)
    if labels.shape == (n_samples,):
        return _class_indices(labels, n_classes), y_pred
    if labels.shape == y_pred.shape:
        labels = as_array("y_true", labels)
        check_probabilities("y_true", labels)
        if soft_targets:
            return labels, y_pred
        if not (np.array_equal(labels, labels.astype(bool)) and np.all(labels.sum(axis=1) == 1.0)):
            raise ValueError("y_true rows must be one-hot (a single 1 per row) for this loss; "
                             "soft labels are accepted by cce")
        return labels.argmax(axis=1), y_pred
    kinds = "(n,) class indices or (n, C) one-hot" + ("/soft labels" if soft_targets else "")
    raise ValueError(f"shape mismatch: y_true must be {kinds} for y_pred of shape {y_pred.shape}; "
                     f"got {labels.shape}")


def _class_indices(labels: np.ndarray, n_classes: int) -> np.ndarray:
    if labels.dtype.kind not in "iu":
        labels = as_array("y_true", labels)
        check_finite("y_true", labels)
        if not np.array_equal(labels, np.floor(labels)):
            raise ValueError("y_true class indices must be whole numbers")
    if labels.min() < 0 or labels.max() >= n_classes:
        raise ValueError(f"y_true class indices must lie in [0, {n_classes - 1}]; "
                         f"found values in [{labels.min():g}, {labels.max():g}]")
    return labels.astype(np.intp)


def one_hot(indices: np.ndarray, n_classes: int) -> np.ndarray:
    encoded = np.zeros((indices.size, n_classes))
    encoded[np.arange(indices.size), indices] = 1.0
    return encoded


def log_proba(y_pred, from_logits: bool):
    """Row-wise log-probabilities: log-softmax of logits, or clamped log of probabilities."""
    return log_softmax(y_pred) if from_logits else clamped_log(y_pred)


def true_class_terms(indices, y_pred, from_logits: bool):
    """(log p_t, p_t, 1 - p_t, softmax or None) for the true classes. From logits, 1 - p_t is
    the sum of the other classes' probabilities, exact even when p_t rounds to 1."""
    rows = np.arange(indices.size)
    if from_logits:
        log_p = log_softmax(y_pred)
        proba = np.exp(log_p)
        log_p_true = log_p[rows, indices]
        p_true = proba[rows, indices]
        miss = proba.sum(axis=1) - p_true
        return log_p_true, p_true, miss, proba
    p_true = y_pred[rows, indices]
    return clamped_log(p_true), p_true, 1.0 - p_true, None


def _check_class_weights(name: str, weights, n_classes: int):
    if weights is not None and len(weights) != n_classes:
        raise ValueError(f"{name} has {len(weights)} entries but y_pred has {n_classes} classes")


class CCE(Loss):
    """Categorical cross-entropy with optional class weights and label smoothing.

    Domain: y_true class indices (n,) or one-hot / soft labels (n, C); y_pred (n, C)
        probabilities per row, or logits with from_logits=True.
    Notes: matches torch.nn.CrossEntropyLoss(weight, label_smoothing), including its reduction:
        with index targets the sum is divided by the summed weights of the targets, with
        probability targets by n. With probabilities the same is applied to log(p) (clamped at
        -100), and the gradient is taken with respect to the given probabilities as they are.
    References: C. M. Bishop, Pattern Recognition and Machine Learning, 2006, ch. 4.3;
        C. Szegedy et al., Rethinking the Inception Architecture (label smoothing), 2016.
    """

    name = "cce"
    task = "classification"
    multiclass = True
    param_specs = {
        "label_smoothing": ParamSpec(default=0.0, min=0.0, max=0.5, step=0.01,
                                     help="Share of the target spread evenly over all classes."),
    }
    flags = FROM_LOGITS
    weight_vectors = ("class_weight",)
    latex = (r"L = -\frac{1}{W}\sum_i \sum_c w_c\,\tilde y_{ic}\log p_{ic},\quad "
             r"\tilde y_{ic} = (1-\varepsilon)\,y_{ic} + \tfrac{\varepsilon}{C},\quad "
             r"W = \sum_i w_{y_i}\ \text{(class indices)},\ W = n\ \text{(probability targets)}")
    grad_latex = (r"\frac{\partial L}{\partial z_{ij}} = \frac{1}{W}\Big["
                  r"\Big(\sum_c w_c\tilde y_{ic}\Big)p_{ij} - w_j\tilde y_{ij}\Big]"
                  r",\qquad \frac{\partial L}{\partial p_{ij}} = -\frac{1}{W}\,\frac{w_j\tilde y_{ij}}{p_{ij}}")

    def _weighted_targets(self, y_true, y_pred):
        """(y_pred, A, normaliser): loss = -sum(A * log p) / normaliser, as torch reduces it."""
        target, y_pred = class_inputs(y_true, y_pred, self.from_logits, soft_targets=True)
        n_samples, n_classes = y_pred.shape
        _check_class_weights("class_weight", self.class_weight, n_classes)
        weights = np.ones(n_classes) if self.class_weight is None else np.asarray(self.class_weight)
        smoothing = self.label_smoothing
        if target.ndim == 1:
            coefficients = one_hot(target, n_classes)
            coefficients *= (1.0 - smoothing) * weights[target][:, None]
            coefficients += (smoothing / n_classes) * weights
            normaliser = weights[target].sum()
            if normaliser <= 0:
                raise ValueError("class_weight gives every target in y_true weight 0; the mean is undefined")
        else:
            coefficients = ((1.0 - smoothing) * target + smoothing / n_classes) * weights
            normaliser = float(n_samples)
        return y_pred, coefficients, normaliser

    def elementwise(self, y_true, y_pred):
        y_pred, coefficients, _ = self._weighted_targets(y_true, y_pred)
        return -(coefficients * log_proba(y_pred, self.from_logits)).sum(axis=1)

    def reduction_weight(self, y_true, values):
        """With class indices as targets and class weights, the targets' summed weights (as torch)."""
        target = np.asarray(y_true)
        if self.class_weight is None or target.ndim != 1:
            return values.size
        return float(np.asarray(self.class_weight)[target.astype(np.intp)].sum())

    def forward(self, y_true, y_pred):
        y_pred, coefficients, normaliser = self._weighted_targets(y_true, y_pred)
        return float(-(coefficients * log_proba(y_pred, self.from_logits)).sum() / normaliser)

    def value_and_gradient(self, y_true, y_pred):
        if not self.from_logits:
            return super().value_and_gradient(y_true, y_pred)
        y_pred, coefficients, normaliser = self._weighted_targets(y_true, y_pred)
        log_p = log_softmax(y_pred)
        value = float(-(coefficients * log_p).sum() / normaliser)
        grad = np.exp(log_p) * coefficients.sum(axis=1, keepdims=True) - coefficients
        grad /= normaliser
        return value, grad

    def backward(self, y_true, y_pred):
        y_pred, coefficients, normaliser = self._weighted_targets(y_true, y_pred)
        if self.from_logits:
            grad = np.exp(log_softmax(y_pred)) * coefficients.sum(axis=1, keepdims=True) - coefficients
        else:
            grad = -coefficients / np.maximum(y_pred, PROBA_GRAD_FLOOR)
        grad /= normaliser
        return grad


class SoftmaxFocal(Loss):
    """Multi-class focal loss on softmax probabilities.

    Domain: y_true class indices (n,) or one-hot (n, C); y_pred (n, C) probabilities, or logits.
    Notes: -alpha_c (1 - p_t)^gamma log p_t, mean over samples; alpha is None (all 1) or one
        weight per class, picked by the true class. gamma = 0 without alpha is cross-entropy.
    References: T.-Y. Lin et al., Focal Loss for Dense Object Detection, ICCV 2017.
    """

    name = "softmax_focal"
    task = "classification"
    multiclass = True
    param_specs = {"gamma": GAMMA}
    flags = FROM_LOGITS
    weight_vectors = ("alpha",)
    latex = r"L = -\frac{1}{n}\sum_i \alpha_{y_i}\,(1-p_{i,y_i})^{\gamma}\log p_{i,y_i}"
    grad_latex = (r"\frac{\partial L}{\partial z_{ij}} = \frac{\alpha_{y_i}}{n}\Big[(1-p_t)^{\gamma}"
                  r" - \gamma\,p_t(1-p_t)^{\gamma-1}\log p_t\Big](p_{ij} - \delta_{j y_i})")

    def _terms(self, y_true, y_pred):
        indices, y_pred = class_inputs(y_true, y_pred, self.from_logits, soft_targets=False)
        _check_class_weights("alpha", self.alpha, y_pred.shape[1])
        alpha_t = 1.0 if self.alpha is None else np.asarray(self.alpha)[indices]
        return indices, y_pred, alpha_t

    def elementwise(self, y_true, y_pred):
        indices, y_pred, alpha_t = self._terms(y_true, y_pred)
        log_p_true, _, miss, _ = true_class_terms(indices, y_pred, self.from_logits)
        return -alpha_t * np.power(miss, self.gamma) * log_p_true

    def backward(self, y_true, y_pred):
        indices, y_pred, alpha_t = self._terms(y_true, y_pred)
        log_p_true, p_true, miss, proba = true_class_terms(indices, y_pred, self.from_logits)
        gamma = self.gamma
        # (1 - p_t)^(gamma - 1) is singular at p_t = 1 for gamma < 1, where the term's limit is 0
        miss_power = np.power(miss, gamma - 1.0, out=np.zeros_like(miss), where=miss > 0)
        n_samples = indices.size
        rows = np.arange(n_samples)
        if self.from_logits:
            scale = np.power(miss, gamma) - gamma * p_true * miss_power * log_p_true
            grad = proba
            grad[rows, indices] -= 1.0
            grad *= (alpha_t * scale / n_samples)[:, None]
        else:
            slope = gamma * miss_power * log_p_true - np.power(miss, gamma) / np.maximum(p_true, PROBA_GRAD_FLOOR)
            grad = np.zeros_like(y_pred)
            grad[rows, indices] = alpha_t * slope / n_samples
        return grad


class Poly1(Loss):
    """Poly-1 loss: cross-entropy plus epsilon times (1 - p_t).

    Domain: y_true class indices (n,) or one-hot (n, C); y_pred (n, C) probabilities, or logits.
    Notes: the first polynomial coefficient of CE's Taylor expansion in (1 - p_t), adjusted by
        epsilon; epsilon = 0 is CE, epsilon > 0 keeps pushing confident examples, epsilon = -1
        removes the leading term.
    References: Z. Leng et al., PolyLoss: A Polynomial Expansion Perspective of Classification
        Loss Functions, ICLR 2022.
    """

    name = "poly1"
    task = "classification"
    multiclass = True
    param_specs = {
        "epsilon": ParamSpec(default=1.0, min=-1.0, max=5.0, step=0.1,
                             help="Weight of the extra (1 - p_t) term added to cross-entropy."),
    }
    flags = FROM_LOGITS
    latex = r"L = \frac{1}{n}\sum_i \big[-\log p_t + \varepsilon\,(1-p_t)\big]"
    grad_latex = (r"\frac{\partial L}{\partial z_{ij}} = \frac{1}{n}(1+\varepsilon p_t)(p_{ij} - \delta_{j y_i})"
                  r",\qquad \frac{\partial L}{\partial p_t} = -\frac{1}{n}\Big(\frac{1}{p_t} + \varepsilon\Big)")

    def elementwise(self, y_true, y_pred):
        indices, y_pred = class_inputs(y_true, y_pred, self.from_logits, soft_targets=False)
        log_p_true, _, miss, _ = true_class_terms(indices, y_pred, self.from_logits)
        return self.epsilon * miss - log_p_true

    def backward(self, y_true, y_pred):
        indices, y_pred = class_inputs(y_true, y_pred, self.from_logits, soft_targets=False)
        _, p_true, _, proba = true_class_terms(indices, y_pred, self.from_logits)
        n_samples = indices.size
        rows = np.arange(n_samples)
        if self.from_logits:
            grad = proba
            grad[rows, indices] -= 1.0
            grad *= ((1.0 + self.epsilon * p_true) / n_samples)[:, None]
        else:
            grad = np.zeros_like(y_pred)
            grad[rows, indices] = -(1.0 / np.maximum(p_true, PROBA_GRAD_FLOOR) + self.epsilon) / n_samples
        return grad


# --- the framework classics -------------------------------------------------------------------


class NLL(Loss):
    """Negative log-likelihood of the true class, given log-probabilities.

    Domain: y_true class indices (n,) (or one-hot rows); y_pred (n, C) log-probabilities, such
        as the output of a log-softmax.
    Notes: -w_y log p_y per sample, summed and divided by the summed weights of the targets, as
        torch.nn.NLLLoss(weight). It does no softmax of its own: log_softmax followed by nll is
        cross-entropy on logits. The gradient lands on the true class's entry only.
    References: C. M. Bishop, Pattern Recognition and Machine Learning, 2006, ch. 4.3.
    """

    name = "nll"
    task = "classification"
    multiclass = True
    weight_vectors = ("class_weight",)
    latex = r"L = -\frac{1}{W}\sum_i w_{y_i}\,\ell_{i,y_i},\quad \ell = \log p,\quad W = \sum_i w_{y_i}"
    grad_latex = (r"\frac{\partial L}{\partial \ell_{ij}} = "
                  r"\begin{cases} -\,w_{y_i}/W & j = y_i \\ 0 & j \ne y_i \end{cases}")

    def _terms(self, y_true, y_pred):
        indices, log_p = class_inputs(y_true, y_pred, from_logits=True, soft_targets=False)
        _check_class_weights("class_weight", self.class_weight, log_p.shape[1])
        weights = np.ones(indices.size) if self.class_weight is None else np.asarray(self.class_weight)[indices]
        if weights.sum() <= 0:
            raise ValueError("class_weight gives every target in y_true weight 0; the mean is undefined")
        return indices, log_p, weights

    def elementwise(self, y_true, y_pred):
        indices, log_p, weights = self._terms(y_true, y_pred)
        return -weights * log_p[np.arange(indices.size), indices]

    def reduction_weight(self, y_true, values):
        """With class weights, the targets' summed weights (as torch)."""
        if self.class_weight is None:
            return values.size
        indices = class_inputs(y_true, np.zeros((values.size, len(self.class_weight))), True, False)[0]
        return float(np.asarray(self.class_weight)[indices].sum())

    def forward(self, y_true, y_pred):
        indices, log_p, weights = self._terms(y_true, y_pred)
        return float(-(weights * log_p[np.arange(indices.size), indices]).sum() / weights.sum())

    def backward(self, y_true, y_pred):
        indices, log_p, weights = self._terms(y_true, y_pred)
        grad = np.zeros_like(log_p)
        grad[np.arange(indices.size), indices] = -weights / weights.sum()
        return grad


class MultiMargin(Loss):
    """Multi-class hinge loss: every other class's score must stay a margin below the true one's.

    Domain: y_true class indices (n,) (or one-hot rows); y_pred (n, C) raw scores.
    Notes: sum over classes j != y of max(0, margin - s_y + s_j), divided by C, as
        torch.nn.MultiMarginLoss(p=1, margin). Zero once the true class leads every other class
        by the margin. At a violation of exactly 0 the subgradient 0 is chosen.
    References: J. Weston, C. Watkins, Support Vector Machines for Multi-Class Pattern
        Recognition, ESANN 1999.
    """

    name = "multi_margin"
    task = "classification"
    multiclass = True
    param_specs = {
        "margin": margin_spec(1.0, "How far the true class's score must lead every other class's score."),
    }
    latex = r"L = \frac{1}{n}\sum_i \frac{1}{C}\sum_{j \ne y_i}\max\big(0,\ m - s_{i,y_i} + s_{ij}\big)"
    grad_latex = (r"\frac{\partial L}{\partial s_{ij}} = \frac{1}{nC}\begin{cases}"
                  r"[m - s_{i,y_i} + s_{ij} > 0] & j \ne y_i \\ -\#\{k \ne y_i : m - s_{i,y_i} + s_{ik} > 0\}"
                  r" & j = y_i \end{cases}")

    def _violations(self, y_true, y_pred):
        indices, scores = class_inputs(y_true, y_pred, from_logits=True, soft_targets=False)
        rows = np.arange(indices.size)
        slack = self.margin - scores[rows, indices][:, None] + scores
        slack[rows, indices] = 0.0  # the true class is not compared with itself
        return indices, rows, np.maximum(slack, 0.0)

    def elementwise(self, y_true, y_pred):
        _, _, violations = self._violations(y_true, y_pred)
        return violations.sum(axis=1) / violations.shape[1]

    def backward(self, y_true, y_pred):
        indices, rows, violations = self._violations(y_true, y_pred)
        grad = (violations > 0).astype(np.float64)
        grad[rows, indices] = -grad.sum(axis=1)
        grad /= violations.size  # n C
        return grad


class SoftMargin(MarginLoss):
    """Soft-margin loss: the logistic loss on ±1 labels, a smooth hinge.

    Domain: y_true in {0, 1} or {-1, 1} (0 is read as -1); y_pred real scores; same shape.
    Notes: log(1 + exp(-y f)), computed as softplus(-y f) so that no score overflows; the mean
        as torch.nn.SoftMarginLoss. The same function as BCE on logits, written for ±1 labels:
        where hinge stops at a margin, this keeps a small push on every example.
    References: C. M. Bishop, Pattern Recognition and Machine Learning, 2006, ch. 7.1.2.
    """

    name = "soft_margin"
    latex = r"L = \frac{1}{n}\sum_i \log\big(1 + e^{-y_i f_i}\big),\quad y_i \in \{-1, 1\}"
    grad_latex = r"\frac{\partial L}{\partial f_i} = -\frac{1}{n}\,y_i\,\sigma(-y_i f_i)"

    def of_margin(self, margin):
        return softplus(-margin)

    def margin_slope(self, margin):
        return -sigmoid(-margin)


class SquaredHinge(MarginLoss):
    """Squared hinge loss: the hinge squared, smooth at the margin.

    Domain: y_true in {0, 1} or {-1, 1} (0 is read as -1); y_pred real scores; same shape.
    Notes: max(0, 1 - y f)^2, as keras.losses.SquaredHinge. Zero beyond the margin like hinge,
        but its gradient fades to 0 at the margin instead of jumping, and it grows with the size
        of a violation, so badly wrong examples weigh more than under hinge.
    References: C.-P. Lee, C.-J. Lin, A Study on L2-Loss (Squared Hinge-Loss) Multiclass SVM,
        Neural Computation 2013.
    """

    name = "squared_hinge"
    latex = r"L = \frac{1}{n}\sum_i \max(0,\,1 - y_i f_i)^2,\quad y_i \in \{-1, 1\}"
    grad_latex = r"\frac{\partial L}{\partial f_i} = -\frac{2}{n}\,y_i \max(0,\,1 - y_i f_i)"

    def of_margin(self, margin):
        return np.square(np.maximum(1.0 - margin, 0.0))

    def margin_slope(self, margin):
        return -2.0 * np.maximum(1.0 - margin, 0.0)


class MultilabelSoftMargin(Loss):
    """Multi-label loss: an independent logistic loss per class, averaged over the classes.

    Domain: y_true (n, C) in {0, 1}, any number of 1s per row; y_pred (n, C) logits. A (C,)
        input is one sample.
    Notes: per sample -1/C sum_c [y_c log sigma(x_c) + (1 - y_c) log sigma(-x_c)], as
        torch.nn.MultiLabelSoftMarginLoss, computed as softplus(x) - y x. Each class is its own
        yes/no question, so labels need not exclude each other (a photo with a cat and a dog).
    References: G. Tsoumakas, I. Katakis, Multi-Label Classification: An Overview, 2007.
    """

    name = "multilabel_soft_margin"
    task = "classification"
    latex = (r"L = \frac{1}{n}\sum_i \frac{1}{C}\sum_c \Big[\log\big(1 + e^{x_{ic}}\big) - y_{ic}\,x_{ic}\Big]")
    grad_latex = r"\frac{\partial L}{\partial x_{ic}} = \frac{1}{nC}\big(\sigma(x_{ic}) - y_{ic}\big)"

    @staticmethod
    def _inputs(y_true, y_pred):
        labels, logits = row_pair(y_true, y_pred, "multi-label inputs")
        check_binary("y_true", labels)
        check_finite("y_pred", logits)
        return labels, logits

    # With s = 2y - 1 each term is softplus(-s x) and its slope -s sigmoid(-s x), both exact in
    # the tails where softplus(x) - y x and sigmoid(x) - y would cancel.

    def elementwise(self, y_true, y_pred):
        labels, logits = self._inputs(y_true, y_pred)
        return softplus((1.0 - 2.0 * labels) * logits).mean(axis=1)

    def backward(self, y_true, y_pred):
        labels, logits = self._inputs(y_true, y_pred)
        sign = 2.0 * labels - 1.0
        grad = -sign * sigmoid(-sign * logits)
        grad /= logits.size
        return grad.reshape(np.shape(y_pred))
