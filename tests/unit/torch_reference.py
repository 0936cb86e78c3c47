"""Reference values in float64 torch: the built-in loss where PyTorch has one, otherwise the
paper's formula written directly (source named beside each)."""

import torch
import torch.nn.functional as F

LOG_CLAMP = -100.0


def _clamped_log(p):
    return torch.clamp(torch.log(p), min=LOG_CLAMP)


def _barron(residual, alpha, scale):
    # Barron 2019, eq. (1) and its limits at alpha = 2 and alpha = 0
    squared = (residual / scale) ** 2
    if alpha == 2:
        return 0.5 * squared
    if alpha == 0:
        return torch.log(0.5 * squared + 1)
    gap = abs(alpha - 2)
    return gap / alpha * ((squared / gap + 1) ** (alpha / 2) - 1)


def _binary_ce(y, pred, from_logits, pos_weight=1.0):
    if from_logits:
        return F.binary_cross_entropy_with_logits(
            pred, y, pos_weight=torch.tensor(pos_weight, dtype=pred.dtype), reduction="none")
    if pos_weight == 1.0:
        return F.binary_cross_entropy(pred, y, reduction="none")
    return -(pos_weight * y * _clamped_log(pred) + (1 - y) * torch.clamp(torch.log1p(-pred), min=LOG_CLAMP))


def _sigmoid_focal(y, pred, alpha, gamma, from_logits):
    # torchvision.ops.sigmoid_focal_loss (Lin et al. 2017), mean reduction
    p = torch.sigmoid(pred) if from_logits else pred
    ce = _binary_ce(y, pred, from_logits)
    p_t = p * y + (1 - p) * (1 - y)
    loss = ce * (1 - p_t) ** gamma
    if alpha >= 0:
        loss = (alpha * y + (1 - alpha) * (1 - y)) * loss
    return loss.mean()


def _log_proba(pred, from_logits):
    return F.log_softmax(pred, dim=1) if from_logits else _clamped_log(pred)


def _cce(y, pred, label_smoothing, from_logits, class_weight):
    weight = None if class_weight is None else torch.tensor(class_weight, dtype=pred.dtype)
    if from_logits:
        return F.cross_entropy(pred, y, weight=weight, label_smoothing=label_smoothing)
    # probabilities: torch's cross-entropy reduction applied to log(p) as given (no renormalisation)
    log_p = _clamped_log(pred)
    n_classes = pred.shape[1]
    w = torch.ones(n_classes, dtype=pred.dtype) if weight is None else weight
    if y.dim() == 1:
        target = F.one_hot(y, n_classes).to(pred.dtype)
        coefficients = (1 - label_smoothing) * target * w[y][:, None] + label_smoothing / n_classes * w
        return -(coefficients * log_p).sum() / w[y].sum()
    target = (1 - label_smoothing) * y + label_smoothing / n_classes
    return -(target * w * log_p).sum() / pred.shape[0]


def _true_class(y, pred, from_logits):
    if y.dim() == 2:
        y = y.argmax(dim=1)
    log_p = _log_proba(pred, from_logits)
    log_p_t = log_p.gather(1, y[:, None])[:, 0]
    p_t = torch.exp(log_p_t) if from_logits else pred.gather(1, y[:, None])[:, 0]
    return y, log_p_t, p_t


def _softmax_focal(y, pred, gamma, alpha, from_logits):
    y, log_p_t, p_t = _true_class(y, pred, from_logits)
    alpha_t = 1.0 if alpha is None else torch.tensor(alpha, dtype=pred.dtype)[y]
    return (-alpha_t * (1 - p_t) ** gamma * log_p_t).mean()


def _poly1(y, pred, epsilon, from_logits):
    # Leng et al. 2022, Poly-1: CE + epsilon (1 - p_t)
    y, log_p_t, p_t = _true_class(y, pred, from_logits)
    return (-log_p_t + epsilon * (1 - p_t)).mean()


def _overlap(g, pred, from_logits, kind, smooth, alpha=0.5, beta=0.5):
    p = torch.sigmoid(pred) if from_logits else pred
    n_images = 1 if p.dim() == 2 else p.shape[0]
    p = p.reshape(n_images, -1)
    g = g.reshape(n_images, -1)
    tp = (p * g).sum(1)
    if kind == "dice":  # Milletari et al. 2016
        ratio = (2 * tp + smooth) / (p.sum(1) + g.sum(1) + smooth)
    elif kind == "jaccard":
        ratio = (tp + smooth) / (p.sum(1) + g.sum(1) - tp + smooth)
    else:  # Salehi et al. 2017
        fp = (p * (1 - g)).sum(1)
        fn = ((1 - p) * g).sum(1)
        ratio = (tp + smooth) / (tp + alpha * fp + beta * fn + smooth)
    return (1 - ratio).mean()


def reference(name, params, *tensors):
    """The reference value of loss `name` with `params` on float64 tensors."""
    from_logits = params.get("from_logits", False)
    if name == "triplet":
        anchor, positive, negative = tensors
        if params["margin"] > 0:
            return torch.nn.TripletMarginLoss(margin=params["margin"], p=2)(anchor, positive, negative)
        # torch refuses margin 0; the same formula through its pairwise distance
        gap = F.pairwise_distance(anchor, positive) - F.pairwise_distance(anchor, negative)
        return torch.clamp(gap, min=0).mean()
    y, pred = tensors
    if name == "mse":
        return torch.nn.MSELoss()(pred, y)
    if name == "mae":
        return torch.nn.L1Loss()(pred, y)
    if name == "huber":
        return torch.nn.HuberLoss(delta=params["delta"])(pred, y)
    if name == "log_cosh":
        return torch.log(torch.cosh(pred - y)).mean()
    if name == "quantile":  # Koenker and Bassett 1978
        q = params["q"]
        u = y - pred
        return torch.maximum(q * u, (q - 1) * u).mean()
    if name == "barron":
        return _barron(pred - y, params["alpha"], params["scale"]).mean()
    if name == "bce":
        return _binary_ce(y, pred, from_logits, params["pos_weight"]).mean()
    if name == "focal":
        return _sigmoid_focal(y, pred, params["alpha"], params["gamma"], from_logits)
    if name == "hinge":  # keras.losses.Hinge
        sign = torch.where(y == 0, -1.0, y).to(pred.dtype)
        return torch.clamp(1 - sign * pred, min=0).mean()
    if name == "cce":
        return _cce(y, pred, params["label_smoothing"], from_logits, params["class_weight"])
    if name == "softmax_focal":
        return _softmax_focal(y, pred, params["gamma"], params["alpha"], from_logits)
    if name == "poly1":
        return _poly1(y, pred, params["epsilon"], from_logits)
    if name in ("dice", "jaccard"):
        return _overlap(y, pred, from_logits, name, params["smooth"])
    if name == "tversky":
        return _overlap(y, pred, from_logits, "tversky", params["smooth"], params["alpha"], params["beta"])
    if name == "dice_bce":
        dice = _overlap(y, pred, from_logits, "dice", params["smooth"])
        return params["weight"] * dice + (1 - params["weight"]) * _binary_ce(y, pred, from_logits).mean()
    if name == "kl":
        return torch.nn.KLDivLoss(reduction="batchmean")(torch.log(pred.clamp_min(1e-12)), y)
    raise KeyError(name)
