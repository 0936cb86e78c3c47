"""Equivalent code for a configured loss in PyTorch and Keras, to copy into a project.

A built-in is used where the framework has one with the same semantics; otherwise a short
function that computes the same formula (mean reduction, as LossViz does).
"""

from __future__ import annotations

FRAMEWORKS = ("pytorch", "keras")
BREADTH = frozenset({"smooth_l1", "poisson_nll", "gaussian_nll", "giou", "diou", "nll", "multi_margin", "soft_margin",
                     "squared_hinge", "multilabel_soft_margin", "focal_tversky", "js", "contrastive",
                     "cosine_embedding", "info_nce", "margin_ranking", "bpr", "gan"})
"""The second set of losses, written by `_pytorch_breadth` and `_keras_breadth`."""


def _g(value) -> str:
    return f"{value:g}"


def _pytorch(name: str, p: dict) -> str:
    logits = p.get("from_logits", False)
    if name == "mse":
        return "import torch\n\nloss_fn = torch.nn.MSELoss()\nloss = loss_fn(y_pred, y_true)"
    if name == "mae":
        return "import torch\n\nloss_fn = torch.nn.L1Loss()\nloss = loss_fn(y_pred, y_true)"
    if name == "huber":
        return f"import torch\n\nloss_fn = torch.nn.HuberLoss(delta={_g(p['delta'])})\nloss = loss_fn(y_pred, y_true)"
    if name == "log_cosh":
        return ("import math\nimport torch.nn.functional as F\n\n\ndef log_cosh_loss(y_pred, y_true):\n"
                "    r = y_pred - y_true\n    # log cosh r = r + softplus(-2r) - log 2, safe for large |r|\n"
                "    return (r + F.softplus(-2 * r) - math.log(2)).mean()")
    if name == "quantile":
        return (f"import torch\n\n\ndef quantile_loss(y_pred, y_true, q={_g(p['q'])}):\n"
                "    u = y_true - y_pred\n    return torch.maximum(q * u, (q - 1) * u).mean()")
    if name == "barron":
        return (f"import torch\n\n\ndef barron_loss(y_pred, y_true, alpha={_g(p['alpha'])}, scale={_g(p['scale'])}):\n"
                "    z = ((y_pred - y_true) / scale) ** 2\n"
                "    if alpha == 2:\n        return (0.5 * z).mean()\n"
                "    if alpha == 0:\n        return torch.log1p(0.5 * z).mean()\n"
                "    gap = abs(alpha - 2)\n"
                "    return (gap / alpha * ((z / gap + 1) ** (alpha / 2) - 1)).mean()")
    if name == "bce":
        if logits:
            return ("import torch\n\nloss_fn = torch.nn.BCEWithLogitsLoss("
                    f"pos_weight=torch.tensor({_g(p['pos_weight'])}))\nloss = loss_fn(logits, y_true)")
        if p["pos_weight"] == 1:
            return "import torch\n\nloss_fn = torch.nn.BCELoss()\nloss = loss_fn(proba, y_true)"
        return (f"import torch\n\n\ndef weighted_bce(proba, y_true, pos_weight={_g(p['pos_weight'])}):\n"
                "    log_p = torch.clamp(torch.log(proba), min=-100)\n"
                "    log_1mp = torch.clamp(torch.log1p(-proba), min=-100)\n"
                "    return -(pos_weight * y_true * log_p + (1 - y_true) * log_1mp).mean()")
    if name == "focal":
        if logits:
            return ("from torchvision.ops import sigmoid_focal_loss\n\n"
                    f"loss = sigmoid_focal_loss(logits, y_true, alpha={_g(p['alpha'])}, gamma={_g(p['gamma'])}, "
                    "reduction=\"mean\")")
        return (f"import torch.nn.functional as F\n\n\ndef focal_loss(proba, y_true, alpha={_g(p['alpha'])}, "
                f"gamma={_g(p['gamma'])}):\n"
                "    ce = F.binary_cross_entropy(proba, y_true, reduction=\"none\")\n"
                "    p_t = proba * y_true + (1 - proba) * (1 - y_true)\n"
                "    loss = ce * (1 - p_t) ** gamma\n"
                "    if alpha >= 0:  # alpha_t weighs the classes\n"
                "        loss = (alpha * y_true + (1 - alpha) * (1 - y_true)) * loss\n"
                "    return loss.mean()")
    if name == "hinge":
        return ("import torch\n\n\ndef hinge_loss(scores, y_true):\n"
                "    sign = 2 * y_true - 1  # labels {0, 1} -> {-1, 1}\n"
                "    return torch.clamp(1 - sign * scores, min=0).mean()")
    if name == "cce":
        if logits:
            return ("import torch\n\nloss_fn = torch.nn.CrossEntropyLoss("
                    f"label_smoothing={_g(p['label_smoothing'])})\nloss = loss_fn(logits, class_index)")
        return ("import torch\nimport torch.nn.functional as F\n\n\n"
                f"def cce_on_probabilities(proba, class_index, label_smoothing={_g(p['label_smoothing'])}):\n"
                "    log_p = torch.clamp(torch.log(proba), min=-100)\n"
                "    target = F.one_hot(class_index, proba.shape[1]).to(proba.dtype)\n"
                "    target = (1 - label_smoothing) * target + label_smoothing / proba.shape[1]\n"
                "    return -(target * log_p).sum(dim=1).mean()")
    if name in ("softmax_focal", "poly1"):
        log_p = ("F.log_softmax(logits, dim=1)" if logits else "torch.clamp(torch.log(proba), min=-100)")
        arg = "logits" if logits else "proba"
        head = (f"import torch\nimport torch.nn.functional as F\n\n\n"
                f"def {name}_loss({arg}, class_index, "
                + (f"gamma={_g(p['gamma'])}):\n" if name == "softmax_focal" else f"epsilon={_g(p['epsilon'])}):\n")
                + f"    log_p_t = {log_p}.gather(1, class_index[:, None])[:, 0]\n"
                + ("    p_t = log_p_t.exp()\n" if logits
                   else "    p_t = proba.gather(1, class_index[:, None])[:, 0]\n"))
        if name == "softmax_focal":
            return head + "    return (-(1 - p_t) ** gamma * log_p_t).mean()"
        return head + "    return (-log_p_t + epsilon * (1 - p_t)).mean()"
    if name in ("dice", "jaccard", "tversky", "dice_bce"):
        prob = "    p = torch.sigmoid(logits).flatten(1)\n" if logits else "    p = proba.flatten(1)\n"
        arg = "logits" if logits else "proba"
        smooth = _g(p["smooth"])
        body = {
            "jaccard": "    ratio = (tp + smooth) / (p.sum(1) + g.sum(1) - tp + smooth)\n",
            "tversky": ("    fp, fn = (p * (1 - g)).sum(1), ((1 - p) * g).sum(1)\n"
                        f"    ratio = (tp + smooth) / (tp + {_g(p.get('alpha', 0.5))} * fp + "
                        f"{_g(p.get('beta', 0.5))} * fn + smooth)\n"),
        }.get(name, "    ratio = (2 * tp + smooth) / (p.sum(1) + g.sum(1) + smooth)\n")  # dice, dice_bce
        code = (f"import torch\nimport torch.nn.functional as F\n\n\n"
                f"def {name}_loss({arg}, mask, smooth={smooth}):  # (N, H, W) tensors\n"
                + prob + "    g = mask.flatten(1)\n    tp = (p * g).sum(1)\n" + body)
        if name != "dice_bce":
            return code + "    return (1 - ratio).mean()"
        bce = ("F.binary_cross_entropy_with_logits(logits, mask)" if logits
               else "F.binary_cross_entropy(proba, mask)")
        return code + f"    return {_g(p['weight'])} * (1 - ratio).mean() + {_g(1 - p['weight'])} * {bce}"
    if name == "kl":
        return ("import torch\n\nloss_fn = torch.nn.KLDivLoss(reduction=\"batchmean\")\n"
                "loss = loss_fn(torch.log(q.clamp_min(1e-12)), p)  # KL(P || Q), rows are distributions")
    if name == "triplet":
        return (f"import torch\n\nloss_fn = torch.nn.TripletMarginLoss(margin={_g(p['margin'])}, p=2)\n"
                "loss = loss_fn(anchor, positive, negative)")
    if name in BREADTH:
        return _pytorch_breadth(name, p)
    raise ValueError(f"no snippet for loss {name!r}")


def _pytorch_breadth(name: str, p: dict) -> str:
    """The second set of losses: torch's built-in where it has one, else the formula."""
    head = "import torch\n\n"
    functional = "import torch\nimport torch.nn.functional as F\n\n\n"
    builtins = {
        "smooth_l1": (f"torch.nn.SmoothL1Loss(beta={_g(p.get('beta', 1))})", "y_pred, y_true"),
        "poisson_nll": (f"torch.nn.PoissonNLLLoss(log_input={p.get('log_input', True)})",
                        "log_rate, counts" if p.get("log_input", True) else "rate, counts"),
        "gaussian_nll": ("torch.nn.GaussianNLLLoss()",
                         f"y_pred, y_true, torch.full_like(y_pred, {_g(p.get('var', 1))})",
                         "the variance, one per sample"),
        "nll": ("torch.nn.NLLLoss()", "log_proba, class_index", "log_proba = F.log_softmax(logits, dim=1)"),
        "multi_margin": (f"torch.nn.MultiMarginLoss(margin={_g(p.get('margin', 1))})", "scores, class_index"),
        "soft_margin": ("torch.nn.SoftMarginLoss()", "scores, 2 * y_true - 1", "labels {0, 1} -> {-1, 1}"),
        "multilabel_soft_margin": ("torch.nn.MultiLabelSoftMarginLoss()", "logits, y_true"),
        "cosine_embedding": (f"torch.nn.CosineEmbeddingLoss(margin={_g(p.get('margin', 0))})",
                             "x1, x2, 2 * labels - 1", "labels {0, 1} -> {-1, 1}"),
        "margin_ranking": (f"torch.nn.MarginRankingLoss(margin={_g(p.get('margin', 0))})",
                           "x1, x2, 2 * labels - 1", "label 1: x1 should rank higher"),
    }
    if name in builtins:
        built, args, *note = builtins[name]
        comment = f"  # {note[0]}" if note else ""
        return head + f"loss_fn = {built}\nloss = loss_fn({args}){comment}"
    if name in ("giou", "diou"):
        function = {"giou": "generalized_box_iou_loss", "diou": "distance_box_iou_loss"}[name]
        return (f"from torchvision.ops import {function}\n\n"
                f"loss = {function}(pred_boxes, true_boxes, reduction=\"mean\")  # (n, 4) as (x1, y1, x2, y2)")
    if name == "squared_hinge":
        return (head + "\ndef squared_hinge_loss(scores, y_true):\n"
                "    sign = 2 * y_true - 1  # labels {0, 1} -> {-1, 1}\n"
                "    return (torch.clamp(1 - sign * scores, min=0) ** 2).mean()")
    if name == "focal_tversky":
        arg = "logits" if p.get("from_logits") else "proba"
        prob = "torch.sigmoid(logits)" if p.get("from_logits") else "proba"
        return (functional + f"def focal_tversky_loss({arg}, mask, alpha={_g(p['alpha'])}, beta={_g(p['beta'])}, "
                f"gamma={_g(p['gamma'])}, smooth={_g(p['smooth'])}):\n"
                f"    p, g = {prob}.flatten(1), mask.flatten(1)  # (N, H, W) -> one row per image\n"
                "    tp, fp, fn = (p * g).sum(1), (p * (1 - g)).sum(1), ((1 - p) * g).sum(1)\n"
                "    index = (tp + smooth) / (tp + alpha * fp + beta * fn + smooth)\n"
                "    return ((1 - index) ** gamma).mean()")
    if name == "js":
        return (head + "\ndef js_divergence(q, p):  # rows are distributions\n"
                "    m = (p + q) / 2\n"
                "    kl_pm = (torch.xlogy(p, p) - torch.xlogy(p, m)).sum(1)\n"
                "    kl_qm = (torch.xlogy(q, q) - torch.xlogy(q, m)).sum(1)\n"
                "    return (0.5 * (kl_pm + kl_qm)).mean()")
    if name == "contrastive":
        return (functional + f"def contrastive_loss(x1, x2, similar, margin={_g(p['margin'])}):  # similar: 1 or 0\n"
                "    d = F.pairwise_distance(x1, x2)\n"
                "    return (0.5 * (similar * d**2 + (1 - similar) * F.relu(margin - d) ** 2)).mean()")
    if name == "info_nce":
        return (functional + f"def info_nce_loss(anchor, positive, temperature={_g(p['temperature'])}):\n"
                "    logits = F.normalize(anchor, dim=1) @ F.normalize(positive, dim=1).T / temperature\n"
                "    # row i's positive is column i; the other columns are its negatives\n"
                "    return F.cross_entropy(logits, torch.arange(len(anchor)))")
    if name == "bpr":
        return (functional + "def bpr_loss(pos_scores, neg_scores):\n"
                "    return -F.logsigmoid(pos_scores - neg_scores).mean()")
    if name == "gan":
        return functional + _gan_function(p, "F.softplus({})", "torch.clamp({}, min=0)", "torch.mean")
    raise ValueError(f"no snippet for loss {name!r}")


def _gan_function(p: dict, softplus: str, relu: str, mean: str) -> str:
    """The GAN objective of `p`'s player as a function of the discriminator's logits."""
    player, objective = p.get("player", "discriminator"), p.get("objective", "non_saturating")
    if player == "generator":
        body = {"non_saturating": softplus.format("-fake_logits"),
                "minimax": "-" + softplus.format("fake_logits")}.get(objective, "-fake_logits")
    else:
        body = {"hinge": f"{relu.format('1 - real_logits')} + {relu.format('1 + fake_logits')}",
                "wasserstein": "fake_logits - real_logits"}.get(
            objective, f"{softplus.format('-real_logits')} + {softplus.format('fake_logits')}")
    return (f"def {player}_loss(real_logits, fake_logits):  # {objective.replace('_', '-')} objective\n"
            f"    return {mean}({body})")


def _keras(name: str, p: dict) -> str:
    if name in BREADTH:
        return _keras_breadth(name, p)
    logits = p.get("from_logits", False)
    head = "import keras\n\n"
    builtins = {
        "mse": "keras.losses.MeanSquaredError()",
        "mae": "keras.losses.MeanAbsoluteError()",
        "log_cosh": "keras.losses.LogCosh()",
        "hinge": "keras.losses.Hinge()",
        "kl": "keras.losses.KLDivergence()  # rows of y_true = P, y_pred = Q",
    }
    if name in builtins:
        return head + f"loss_fn = {builtins[name]}\nloss = loss_fn(y_true, y_pred)"
    if name == "huber":
        return head + f"loss_fn = keras.losses.Huber(delta={_g(p['delta'])})\nloss = loss_fn(y_true, y_pred)"
    if name == "bce" and p["pos_weight"] == 1:
        return head + f"loss_fn = keras.losses.BinaryCrossentropy(from_logits={logits})\nloss = loss_fn(y_true, y_pred)"
    if name == "focal":
        balancing = p["alpha"] >= 0
        alpha = f", alpha={_g(p['alpha'])}" if balancing else ""
        return head + (f"loss_fn = keras.losses.BinaryFocalCrossentropy(apply_class_balancing={balancing}{alpha}, "
                       f"gamma={_g(p['gamma'])}, from_logits={logits})\nloss = loss_fn(y_true, y_pred)")
    if name == "cce":
        return head + ("# one-hot targets; label smoothing needs CategoricalCrossentropy\n"
                       f"loss_fn = keras.losses.CategoricalCrossentropy(from_logits={logits}, "
                       f"label_smoothing={_g(p['label_smoothing'])})\nloss = loss_fn(y_true_one_hot, y_pred)")
    if name == "softmax_focal":
        return head + (f"loss_fn = keras.losses.CategoricalFocalCrossentropy(alpha=1.0, gamma={_g(p['gamma'])}, "
                       f"from_logits={logits})\nloss = loss_fn(y_true_one_hot, y_pred)")
    if name == "triplet":
        return ("from keras import ops\n\n\n"
                f"def triplet_loss(anchor, positive, negative, margin={_g(p['margin'])}):\n"
                "    d_pos = ops.norm(anchor - positive, axis=-1)\n"
                "    d_neg = ops.norm(anchor - negative, axis=-1)\n"
                "    return ops.mean(ops.maximum(d_pos - d_neg + margin, 0.0))")
    ops_head = "import keras\nfrom keras import ops\n\n\n"
    if name == "quantile":
        return ops_head + (f"def quantile_loss(y_true, y_pred, q={_g(p['q'])}):\n"
                           "    u = y_true - y_pred\n    return ops.mean(ops.maximum(q * u, (q - 1) * u))")
    if name == "barron":
        return ops_head + (f"def barron_loss(y_true, y_pred, alpha={_g(p['alpha'])}, scale={_g(p['scale'])}):\n"
                           "    z = ops.square((y_pred - y_true) / scale)\n"
                           "    if alpha == 2:\n        return ops.mean(0.5 * z)\n"
                           "    if alpha == 0:\n        return ops.mean(ops.log1p(0.5 * z))\n"
                           "    gap = abs(alpha - 2)\n"
                           "    return ops.mean(gap / alpha * (ops.power(z / gap + 1, alpha / 2) - 1))")
    if name == "bce":
        terms = ("pos_weight * y_true * ops.softplus(-y_pred) + (1 - y_true) * ops.softplus(y_pred)" if logits else
                 "-(pos_weight * y_true * ops.maximum(ops.log(y_pred), -100.0)\n"
                 "                     + (1 - y_true) * ops.maximum(ops.log1p(-y_pred), -100.0))")
        return ops_head + (f"def weighted_bce(y_true, y_pred, pos_weight={_g(p['pos_weight'])}):\n"
                           f"    return ops.mean({terms})")
    if name == "poly1":
        proba = "ops.softmax(y_pred, axis=-1)" if logits else "y_pred"
        return ops_head + (f"def poly1_loss(y_true_one_hot, y_pred, epsilon={_g(p['epsilon'])}):\n"
                           "    ce = keras.losses.categorical_crossentropy(y_true_one_hot, y_pred, "
                           f"from_logits={logits})\n"
                           f"    p_t = ops.sum(y_true_one_hot * {proba}, axis=-1)\n"
                           "    return ops.mean(ce + epsilon * (1 - p_t))")
    if name not in ("dice", "jaccard", "tversky", "dice_bce"):
        raise ValueError(f"no snippet for loss {name!r}")
    # dice, jaccard, tversky, dice_bce on (N, H, W) masks
    proba = "ops.sigmoid(y_pred)" if logits else "y_pred"
    ratio = {
        "jaccard": "(tp + smooth) / (ops.sum(p, axis=1) + ops.sum(g, axis=1) - tp + smooth)",
        "tversky": (f"(tp + smooth) / (tp + {_g(p.get('alpha', 0.5))} * ops.sum(p * (1 - g), axis=1)"
                    f" + {_g(p.get('beta', 0.5))} * ops.sum((1 - p) * g, axis=1) + smooth)"),
    }.get(name, "(2 * tp + smooth) / (ops.sum(p, axis=1) + ops.sum(g, axis=1) + smooth)")
    code = ops_head + (f"def {name}_loss(y_true, y_pred, smooth={_g(p['smooth'])}):  # (N, H, W) masks\n"
                       f"    p = ops.reshape({proba}, (ops.shape(y_pred)[0], -1))\n"
                       "    g = ops.reshape(y_true, (ops.shape(y_true)[0], -1))\n"
                       "    tp = ops.sum(p * g, axis=1)\n"
                       f"    overlap = ops.mean(1 - {ratio})\n")
    if name != "dice_bce":
        return code + "    return overlap"
    return code + (f"    bce = keras.losses.binary_crossentropy(g, p, from_logits=False)\n"
                   f"    return {_g(p['weight'])} * overlap + {_g(1 - p['weight'])} * ops.mean(bce)")


def _keras_breadth(name: str, p: dict) -> str:
    """The second set of losses in Keras 3: its built-in where it has one, else the formula in ops."""
    head = "import keras\n\n"
    ops_head = "import keras\nfrom keras import ops\n\n\n"
    if name == "smooth_l1":
        beta = _g(p["beta"])
        return head + (f"# smooth L1 is Huber divided by its threshold\nloss_fn = keras.losses.Huber(delta={beta})\n"
                       f"loss = loss_fn(y_true, y_pred) / {beta}")
    if name == "poisson_nll":
        rate = "ops.exp(log_rate)" if p["log_input"] else "rate"
        return ("import keras\nfrom keras import ops\n\n"
                "# Keras takes the rate itself (and adds 1e-7 inside the log)\n"
                f"loss_fn = keras.losses.Poisson()\nloss = loss_fn(counts, {rate})")
    if name == "squared_hinge":
        return head + ("loss_fn = keras.losses.SquaredHinge()  # labels {0, 1} or {-1, 1}\n"
                       "loss = loss_fn(y_true, scores)")
    if name == "multilabel_soft_margin":
        return head + ("# the mean over classes and samples of a logistic loss per class\n"
                       "loss_fn = keras.losses.BinaryCrossentropy(from_logits=True)\nloss = loss_fn(y_true, logits)")
    functions = {
        "gaussian_nll": (f"def gaussian_nll(y_true, y_pred, var={_g(p.get('var', 1))}):\n"
                         "    return ops.mean(0.5 * (ops.log(var) + ops.square(y_pred - y_true) / var))"),
        "nll": ("def nll_loss(class_index, log_proba):\n"
                "    picked = ops.take_along_axis(log_proba, ops.expand_dims(class_index, 1), axis=1)\n"
                "    return -ops.mean(picked)"),
        "multi_margin": (f"def multi_margin_loss(class_index, scores, margin={_g(p.get('margin', 1))}):\n"
                         "    true = ops.take_along_axis(scores, ops.expand_dims(class_index, 1), axis=1)\n"
                         "    others = 1 - ops.one_hot(class_index, ops.shape(scores)[1])\n"
                         "    return ops.mean(ops.mean(ops.relu(margin - true + scores) * others, axis=1))"),
        "soft_margin": ("def soft_margin_loss(y_true, scores):\n"
                        "    sign = 2 * y_true - 1  # labels {0, 1} -> {-1, 1}\n"
                        "    return ops.mean(ops.softplus(-sign * scores))"),
        "js": ("def js_divergence(p, q):  # rows are distributions\n"
               "    m = (p + q) / 2\n"
               "    kl = keras.losses.KLDivergence(reduction=None)  # clips its inputs to [1e-7, 1]\n"
               "    return ops.mean(0.5 * kl(p, m) + 0.5 * kl(q, m))"),
        "contrastive": (f"def contrastive_loss(similar, x1, x2, margin={_g(p.get('margin', 1))}):\n"
                        "    d = ops.norm(x1 - x2, axis=-1)\n"
                        "    return ops.mean(0.5 * (similar * d**2 + (1 - similar) * ops.relu(margin - d) ** 2))"),
        "cosine_embedding": (f"def cosine_embedding_loss(labels, x1, x2, margin={_g(p.get('margin', 0))}):\n"
                             "    cos = ops.sum(ops.normalize(x1) * ops.normalize(x2), axis=-1)\n"
                             "    return ops.mean(ops.where(labels == 1, 1 - cos, ops.relu(cos - margin)))"),
        "info_nce": (f"def info_nce_loss(anchor, positive, temperature={_g(p.get('temperature', 0.1))}):\n"
                     "    similarity = ops.matmul(ops.normalize(anchor), ops.transpose(ops.normalize(positive)))\n"
                     "    targets = ops.arange(ops.shape(anchor)[0])  # row i's positive is column i\n"
                     "    return ops.mean(keras.losses.sparse_categorical_crossentropy(\n"
                     "        targets, similarity / temperature, from_logits=True))"),
        "margin_ranking": (f"def margin_ranking_loss(labels, x1, x2, margin={_g(p.get('margin', 0))}):\n"
                           "    sign = 2 * labels - 1  # 1: x1 should rank higher\n"
                           "    return ops.mean(ops.relu(-sign * (x1 - x2) + margin))"),
        "bpr": "def bpr_loss(pos_scores, neg_scores):\n    return ops.mean(ops.softplus(neg_scores - pos_scores))",
        "gan": _gan_function(p, "ops.softplus({})", "ops.relu({})", "ops.mean"),
    }
    if name in functions:
        return ops_head + functions[name]
    if name == "focal_tversky":
        proba = "ops.sigmoid(y_pred)" if p["from_logits"] else "y_pred"
        return ops_head + (f"def focal_tversky_loss(y_true, y_pred, alpha={_g(p['alpha'])}, beta={_g(p['beta'])}, "
                           f"gamma={_g(p['gamma'])}, smooth={_g(p['smooth'])}):  # (N, H, W) masks\n"
                           f"    p = ops.reshape({proba}, (ops.shape(y_pred)[0], -1))\n"
                           "    g = ops.reshape(y_true, (ops.shape(y_true)[0], -1))\n"
                           "    tp = ops.sum(p * g, axis=1)\n"
                           "    fp, fn = ops.sum(p * (1 - g), axis=1), ops.sum((1 - p) * g, axis=1)\n"
                           "    index = (tp + smooth) / (tp + alpha * fp + beta * fn + smooth)\n"
                           "    return ops.mean(ops.power(1 - index, gamma))")
    # giou, diou on (n, 4) boxes (x1, y1, x2, y2)
    enclosing = ("    outer_w = ops.maximum(x2, x2g) - ops.minimum(x1, x1g)\n"
                 "    outer_h = ops.maximum(y2, y2g) - ops.minimum(y1, y1g)\n")
    penalty = enclosing + ("    area_c = outer_w * outer_h\n    penalty = (area_c - union) / (area_c + 1e-7)\n"
                           if name == "giou" else
                           "    rho2 = ((x1 + x2 - x1g - x2g) / 2) ** 2 + ((y1 + y2 - y1g - y2g) / 2) ** 2\n"
                           "    penalty = rho2 / (outer_w**2 + outer_h**2 + 1e-7)\n")
    return ops_head + (f"def {name}_loss(true_boxes, pred_boxes):  # (n, 4) as (x1, y1, x2, y2)\n"
                       "    x1, y1, x2, y2 = ops.unstack(pred_boxes, axis=-1)\n"
                       "    x1g, y1g, x2g, y2g = ops.unstack(true_boxes, axis=-1)\n"
                       "    w = ops.relu(ops.minimum(x2, x2g) - ops.maximum(x1, x1g))\n"
                       "    h = ops.relu(ops.minimum(y2, y2g) - ops.maximum(y1, y1g))\n"
                       "    inter = w * h\n"
                       "    union = (x2 - x1) * (y2 - y1) + (x2g - x1g) * (y2g - y1g) - inter\n"
                       + penalty +
                       "    return ops.mean(1 - inter / (union + 1e-7) + penalty)")


def snippet(name: str, params: dict, framework: str) -> str:
    """Code for loss `name` with `params` in `framework` ("pytorch" or "keras")."""
    if framework == "pytorch":
        return _pytorch(name, params)
    if framework == "keras":
        return _keras(name, params)
    raise ValueError(f"unknown framework {framework!r}; choose one of {', '.join(FRAMEWORKS)}")
