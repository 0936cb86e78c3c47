"""Run a LossViz loss inside torch autograd, so torch models train on the project's own math.

    >>> from lossviz import losses
    >>> from lossviz.torch_bridge import as_module
    >>> criterion = as_module(losses.get("huber", delta=0.5))
    >>> loss = criterion(y_true, model(x))   # same argument order as Loss.forward
    >>> loss.backward()                     # calls the hand-derived numpy backward

torch is imported inside the functions here, so importing lossviz never loads it.
"""

from __future__ import annotations

import functools

import numpy as np

from lossviz.losses import Loss


@functools.cache
def _classes():
    import torch

    class NumpyLossFunction(torch.autograd.Function):
        """forward: loss.forward on numpy copies; backward: loss.backward, chained with grad_output."""

        @staticmethod
        def forward(ctx, loss, *tensors):
            arrays = [tensor.detach().cpu().numpy() for tensor in tensors]
            ctx.loss = loss
            ctx.arrays = arrays
            ctx.dtypes = [tensor.dtype for tensor in tensors]
            ctx.devices = [tensor.device for tensor in tensors]
            reference = tensors[-1]
            return torch.tensor(loss.forward(*arrays), dtype=reference.dtype, device=reference.device)

        @staticmethod
        @torch.autograd.function.once_differentiable
        def backward(ctx, grad_output):
            grads = ctx.loss.backward(*ctx.arrays)
            grads = grads if isinstance(grads, tuple) else (grads,)
            # standard and pair losses have no gradient by their leading y_true
            grads = (None,) * (len(ctx.arrays) - len(grads)) + grads
            scale = grad_output.item()
            converted = [
                None if grad is None or not ctx.needs_input_grad[index + 1]
                else torch.from_numpy(grad * scale).to(dtype=ctx.dtypes[index], device=ctx.devices[index])
                for index, grad in enumerate(grads)
            ]
            return (None, *converted)

    class LossModule(torch.nn.Module):
        """A torch.nn.Module around a LossViz loss, called as its forward is: module(y_true, y_pred),
        module(y_true, x1, x2), module(a, b) or module(anchor, positive, negative)."""

        def __init__(self, loss: Loss):
            super().__init__()
            self.loss = loss

        def forward(self, *tensors):
            return NumpyLossFunction.apply(self.loss, *tensors)

        def extra_repr(self) -> str:
            return repr(self.loss)

    return NumpyLossFunction, LossModule


def as_module(loss: Loss):
    """`loss` as a torch.nn.Module whose backward is the loss's own hand-derived gradient.

    Accepts float32 and float64 tensors; the value and each gradient come back in the dtype of
    the tensor they belong to (the gradient of y_pred in y_pred's dtype). Pair losses give
    gradients by x1 and x2, two-input and triplet losses by every input.
    """
    if not isinstance(loss, Loss):
        raise ValueError(f"as_module needs a lossviz Loss (from losses.get); got {type(loss).__name__}")
    return _classes()[1](loss)


# --- torch references -------------------------------------------------------------------------
# The same losses written with torch's own operations: the built-in where PyTorch has one,
# otherwise the paper's formula (source named beside it). Tests hold the numpy core to these,
# and the gallery's "check against PyTorch" panel evaluates them on the plotted points.


def reference_elementwise(name: str, params: dict, *tensors):
    """Unreduced reference values of loss `name`: one per element, sample, image, row or triplet."""
    import torch
    import torch.nn.functional as F

    from lossviz.numerics import BOX_EPS, KL_Q_FLOOR, LOG_CLAMP, POISSON_EPS

    def clamped_log(p):
        return torch.clamp(torch.log(p), min=LOG_CLAMP)

    def binary_ce(y, pred, pos_weight=1.0):
        if from_logits:
            return F.binary_cross_entropy_with_logits(
                pred, y, pos_weight=torch.tensor(pos_weight, dtype=pred.dtype), reduction="none")
        if pos_weight == 1.0:
            return F.binary_cross_entropy(pred, y, reduction="none")
        return -(pos_weight * y * clamped_log(pred) + (1 - y) * torch.clamp(torch.log1p(-pred), min=LOG_CLAMP))

    def true_class(y, pred):
        if y.dim() == 2:
            y = y.argmax(dim=1)
        log_p = F.log_softmax(pred, dim=1) if from_logits else clamped_log(pred)
        log_p_t = log_p.gather(1, y[:, None])[:, 0]
        p_t = torch.exp(log_p_t) if from_logits else pred.gather(1, y[:, None])[:, 0]
        return y, log_p_t, p_t

    def overlap(g, pred, kind):
        p = torch.sigmoid(pred) if from_logits else pred
        n_images = 1 if p.dim() == 2 else p.shape[0]
        p, g = p.reshape(n_images, -1), g.reshape(n_images, -1)
        tp, smooth = (p * g).sum(1), params["smooth"]
        if kind == "jaccard":
            ratio = (tp + smooth) / (p.sum(1) + g.sum(1) - tp + smooth)
        elif kind == "tversky":  # Salehi et al. 2017
            fp, fn = (p * (1 - g)).sum(1), ((1 - p) * g).sum(1)
            ratio = (tp + smooth) / (tp + params["alpha"] * fp + params["beta"] * fn + smooth)
        else:  # Milletari et al. 2016
            ratio = (2 * tp + smooth) / (p.sum(1) + g.sum(1) + smooth)
        return 1 - ratio

    def boxes(true, pred, kind):  # torchvision.ops.generalized_box_iou_loss and distance_box_iou_loss
        x1, y1, x2, y2 = torch.atleast_2d(pred).unbind(dim=-1)
        x1g, y1g, x2g, y2g = torch.atleast_2d(true).unbind(dim=-1)
        inner_w = torch.min(x2, x2g) - torch.max(x1, x1g)
        inner_h = torch.min(y2, y2g) - torch.max(y1, y1g)
        overlap = (inner_w > 0) & (inner_h > 0)
        intersection = torch.where(overlap, inner_w * inner_h, torch.zeros_like(inner_w))
        union = (x2 - x1) * (y2 - y1) + (x2g - x1g) * (y2g - y1g) - intersection
        iou = intersection / (union + BOX_EPS)
        outer_w = torch.max(x2, x2g) - torch.min(x1, x1g)
        outer_h = torch.max(y2, y2g) - torch.min(y1, y1g)
        if kind == "giou":
            area = outer_w * outer_h
            return 1 - iou + (area - union) / (area + BOX_EPS)
        centres = ((x1 + x2 - x1g - x2g) / 2) ** 2 + ((y1 + y2 - y1g - y2g) / 2) ** 2
        return 1 - iou + centres / (outer_w**2 + outer_h**2 + BOX_EPS)

    def signed(y):
        return torch.where(y == 0, -1.0, y).to(torch.float64)

    from_logits = params.get("from_logits", False)
    if name in ("contrastive", "cosine_embedding", "margin_ranking"):
        y, first, second = tensors
        if name == "margin_ranking":
            return F.margin_ranking_loss(first, second, signed(y).to(first.dtype), margin=params["margin"],
                                         reduction="none")
        first, second, y = torch.atleast_2d(first), torch.atleast_2d(second), y.reshape(-1)
        if name == "cosine_embedding":
            return F.cosine_embedding_loss(first, second, signed(y).to(first.dtype), margin=params["margin"],
                                           reduction="none")
        distance = F.pairwise_distance(first, second)  # Hadsell, Chopra and LeCun 2006
        return 0.5 * (y * distance**2 + (1 - y) * torch.clamp(params["margin"] - distance, min=0) ** 2)
    if name == "info_nce":  # Oord et al. 2018, in-batch negatives
        anchor, positive = (torch.atleast_2d(tensor) for tensor in tensors)
        logits = F.normalize(anchor, dim=1) @ F.normalize(positive, dim=1).T / params["temperature"]
        return F.cross_entropy(logits, torch.arange(anchor.shape[0]), reduction="none")
    if name == "bpr":  # Rendle et al. 2009
        positive, negative = tensors
        return -F.logsigmoid(positive - negative)
    if name == "gan":  # Goodfellow et al. 2014, Miyato et al. 2018, Arjovsky et al. 2017
        real, fake = tensors
        if params["player"] == "generator":
            return {"non_saturating": F.softplus(-fake), "minimax": -F.softplus(fake)}.get(params["objective"], -fake)
        if params["objective"] == "hinge":
            return torch.clamp(1 - real, min=0) + torch.clamp(1 + fake, min=0)
        if params["objective"] == "wasserstein":
            return fake - real
        return F.softplus(-real) + F.softplus(fake)
    if name == "triplet":
        anchor, positive, negative = tensors
        if params["margin"] > 0:
            return F.triplet_margin_loss(anchor, positive, negative, margin=params["margin"], reduction="none")
        # torch refuses margin 0; the same formula through its pairwise distance
        return torch.clamp(F.pairwise_distance(anchor, positive) - F.pairwise_distance(anchor, negative), min=0)
    y, pred = tensors
    if name == "mse":
        return F.mse_loss(pred, y, reduction="none")
    if name == "mae":
        return F.l1_loss(pred, y, reduction="none")
    if name == "huber":
        return F.huber_loss(pred, y, delta=params["delta"], reduction="none")
    if name == "log_cosh":
        return torch.log(torch.cosh(pred - y))
    if name == "smooth_l1":
        return F.smooth_l1_loss(pred, y, beta=params["beta"], reduction="none")
    if name == "poisson_nll":
        return F.poisson_nll_loss(pred, y, log_input=params["log_input"], full=False, eps=POISSON_EPS, reduction="none")
    if name == "gaussian_nll":
        return F.gaussian_nll_loss(pred, y, torch.full_like(pred, params["var"]), full=False, eps=1e-6,
                                   reduction="none")
    if name in ("giou", "diou"):
        return boxes(y, pred, name)
    if name == "quantile":  # Koenker and Bassett 1978
        u = y - pred
        return torch.maximum(params["q"] * u, (params["q"] - 1) * u)
    if name == "barron":  # Barron 2019, eq. (1) and its limits at alpha = 2 and 0
        alpha, squared = params["alpha"], ((pred - y) / params["scale"]) ** 2
        if alpha == 2:
            return 0.5 * squared
        if alpha == 0:
            return torch.log(0.5 * squared + 1)
        gap = abs(alpha - 2)
        return gap / alpha * ((squared / gap + 1) ** (alpha / 2) - 1)
    if name == "bce":
        return binary_ce(y, pred, params["pos_weight"])
    if name == "focal":  # torchvision.ops.sigmoid_focal_loss (Lin et al. 2017)
        p = torch.sigmoid(pred) if from_logits else pred
        p_t = p * y + (1 - p) * (1 - y)
        loss = binary_ce(y, pred) * (1 - p_t) ** params["gamma"]
        if params["alpha"] >= 0:
            loss = (params["alpha"] * y + (1 - params["alpha"]) * (1 - y)) * loss
        return loss
    if name == "hinge":  # keras.losses.Hinge
        sign = torch.where(y == 0, -1.0, y).to(pred.dtype)
        return torch.clamp(1 - sign * pred, min=0)
    if name == "cce":
        weight = None if params["class_weight"] is None else torch.tensor(params["class_weight"], dtype=pred.dtype)
        if from_logits:
            return F.cross_entropy(pred, y, weight=weight, label_smoothing=params["label_smoothing"],
                                   reduction="none")
        # torch's cross-entropy terms applied to log(p) as given (no renormalisation)
        smoothing, n_classes = params["label_smoothing"], pred.shape[1]
        weight = torch.ones(n_classes, dtype=pred.dtype) if weight is None else weight
        target = F.one_hot(y, n_classes).to(pred.dtype) * weight[y][:, None] if y.dim() == 1 else y * weight
        coefficients = (1 - smoothing) * target + smoothing / n_classes * weight
        return -(coefficients * clamped_log(pred)).sum(1)
    if name == "softmax_focal":
        y, log_p_t, p_t = true_class(y, pred)
        alpha_t = 1.0 if params["alpha"] is None else torch.tensor(params["alpha"], dtype=pred.dtype)[y]
        return -alpha_t * (1 - p_t) ** params["gamma"] * log_p_t
    if name == "poly1":  # Leng et al. 2022: CE + epsilon (1 - p_t)
        _, log_p_t, p_t = true_class(y, pred)
        return -log_p_t + params["epsilon"] * (1 - p_t)
    if name == "nll":
        weight = None if params["class_weight"] is None else torch.tensor(params["class_weight"], dtype=pred.dtype)
        return F.nll_loss(pred, y.argmax(dim=1) if y.dim() == 2 else y, weight=weight, reduction="none")
    if name == "multi_margin":
        return F.multi_margin_loss(pred, y.argmax(dim=1) if y.dim() == 2 else y, p=1, margin=params["margin"],
                                   reduction="none")
    if name == "soft_margin":
        return F.soft_margin_loss(pred, signed(y).to(pred.dtype), reduction="none")
    if name == "squared_hinge":  # keras.losses.SquaredHinge
        return torch.clamp(1 - signed(y).to(pred.dtype) * pred, min=0) ** 2
    if name == "multilabel_soft_margin":
        return F.multilabel_soft_margin_loss(torch.atleast_2d(pred), torch.atleast_2d(y), reduction="none")
    if name in ("dice", "jaccard", "tversky"):
        return overlap(y, pred, name)
    if name == "focal_tversky":  # Abraham and Khan 2019, the exponent written as gamma
        return overlap(y, pred, "tversky") ** params["gamma"]
    if name == "dice_bce":
        dice = overlap(y, pred, "dice")
        per_image_bce = binary_ce(y, pred).reshape(dice.shape[0], -1).mean(1)
        return params["weight"] * dice + (1 - params["weight"]) * per_image_bce
    if name == "kl":
        rows_p, rows_q = torch.atleast_2d(y), torch.atleast_2d(pred)
        return F.kl_div(torch.log(rows_q.clamp_min(KL_Q_FLOOR)), rows_p, reduction="none").sum(1)
    if name == "js":  # Lin 1991
        rows_p, rows_q = torch.atleast_2d(y), torch.atleast_2d(pred)
        middle = (rows_p + rows_q) / 2
        terms = torch.xlogy(rows_p, rows_p) - torch.xlogy(rows_p, middle) + torch.xlogy(rows_q, rows_q)
        return 0.5 * (terms - torch.xlogy(rows_q, middle)).sum(1)
    raise ValueError(f"no torch reference for loss {name!r}")


def reference_forward(name: str, params: dict, *tensors):
    """The reference loss value: the mean of `reference_elementwise`, except with class weights
    and class targets (cce with indices, nll always), which torch divides by the summed weights
    of the targets."""
    values = reference_elementwise(name, params, *tensors)
    if params.get("class_weight") is not None and (name == "nll" or tensors[0].dim() == 1):
        import torch

        target = tensors[0].argmax(dim=1) if tensors[0].dim() == 2 else tensors[0]  # nll reads one-hot rows
        weight = torch.tensor(params["class_weight"], dtype=values.dtype)
        return values.sum() / weight[target].sum()
    return values.mean()


KINK_STEP = 1e-7  # relative step of the one-sided differences that find a kink
KINK_TOLERANCE = 1e-9  # gradient differences above float64 rounding, to look at for a kink


def _at_kinks(loss: Loss, arrays: list, differentiable: list[int], entries, differences) -> np.ndarray:
    """Which of the gradient `entries` (flat indices into the differentiable arrays, concatenated)
    sit on a kink of the loss: its one-sided slopes there differ by at least half the difference
    between our gradient and torch's, so both are valid subgradients."""
    sizes = [np.asarray(arrays[index]).size for index in differentiable]
    starts = np.cumsum([0, *sizes])
    base = loss.forward(*arrays)
    found = np.zeros(len(entries), dtype=bool)
    for position, (entry, difference) in enumerate(zip(entries, differences, strict=True)):
        which = int(np.searchsorted(starts, entry, side="right") - 1)
        target = np.array(arrays[differentiable[which]], dtype=np.float64)
        flat = target.reshape(-1)
        step = KINK_STEP * max(1.0, abs(flat[entry - starts[which]]))
        slopes = []
        for sign in (1.0, -1.0):
            moved = flat.copy()
            moved[entry - starts[which]] += sign * step
            shifted = list(arrays)
            shifted[differentiable[which]] = moved.reshape(target.shape)
            slopes.append(sign * (loss.forward(*shifted) - base) / step)
        found[position] = abs(slopes[0] - slopes[1]) >= 0.5 * difference
    return found


def torch_gradient(tensor) -> np.ndarray:
    """The gradient autograd left on `tensor`; zeros when the loss does not depend on it (gan's
    generator and the real logits)."""
    return np.zeros(tuple(tensor.shape)) if tensor.grad is None else tensor.grad.numpy()


def differentiable_inputs(loss: Loss) -> list[int]:
    """Positions of the inputs `loss.backward` returns gradients for, in its call shape."""
    return {"standard": [1], "pair": [1, 2], "two_input": [0, 1], "triplet": [0, 1, 2]}[loss.call_shape]


def compare_with_torch(loss: Loss, *arrays) -> dict[str, float]:
    """Max absolute differences between `loss` (numpy) and its torch reference on `arrays`:
    of the unreduced values and of the gradients (torch autograd, float64).

    Entries left out of the gradient comparison, and counted: where torch's own gradient is not
    finite ("skipped": autograd through a clamped log(0) gives 0 * inf), and where the loss has a
    kink and torch picked another subgradient than ours ("kinks": hinge at a margin of exactly 1,
    triplet with the negative exactly at the margin)."""
    import torch

    differentiable = differentiable_inputs(loss)
    tensors = [
        torch.as_tensor(array, dtype=torch.long) if np.asarray(array).dtype.kind in "iu"
        else torch.tensor(np.asarray(array, dtype=np.float64), requires_grad=index in differentiable)
        for index, array in enumerate(arrays)
    ]
    expected = reference_elementwise(loss.name, loss.params, *tensors)
    reference_forward(loss.name, loss.params, *tensors).backward()
    grads = loss.backward(*arrays)
    grads = grads if isinstance(grads, tuple) else (grads,)
    ours = np.concatenate([grad.ravel() for grad in grads])
    theirs = np.concatenate([torch_gradient(tensors[index]).ravel() for index in differentiable])
    defined = np.isfinite(theirs)
    difference = np.abs(ours - np.where(defined, theirs, 0.0))
    suspects = np.flatnonzero(defined & (difference > KINK_TOLERANCE))
    kinks = np.zeros_like(defined)
    kinks[suspects] = _at_kinks(loss, list(arrays), differentiable, suspects, difference[suspects])
    compared = defined & ~kinks
    return {
        "value": float(np.max(np.abs(loss.elementwise(*arrays) - expected.detach().numpy()))),
        "gradient": float(np.max(difference, where=compared, initial=0.0)),
        "skipped": int(defined.size - np.count_nonzero(defined)),
        "kinks": int(np.count_nonzero(kinks)),
    }


def check_rows(configured: dict[str, Loss], inputs: dict[str, list[tuple]]) -> list[dict]:
    """compare_with_torch of every configured loss on its batches of `inputs`, one table row per
    loss with the largest differences over its batches."""
    rows = []
    for name, loss in configured.items():
        results = [compare_with_torch(loss, *batch) for batch in inputs[name]]
        rows.append({"loss": name, "value_diff": max(result["value"] for result in results),
                     "gradient_diff": max(result["gradient"] for result in results),
                     "skipped": sum(result["skipped"] + result["kinks"] for result in results)})
    return rows
