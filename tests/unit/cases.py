"""Test cases shared by the loss tests: parameter settings per loss and inputs per task.

Settings come from the registry itself (defaults, then each parameter at its range ends), so a
new loss is covered the day it is registered.
"""

import numpy as np
import pytest

from lossviz import losses
from lossviz.torch_bridge import differentiable_inputs

# Non-numeric settings and special points that the range ends do not reach.
EXTRA_SETTINGS = {
    "barron": [{"alpha": 0.0}, {"alpha": 2.0}, {"alpha": -2.0}, {"alpha": 0.5, "scale": 0.3}],
    "bce": [{"pos_weight": 3.0}],
    "focal": [{"alpha": -1.0, "gamma": 0.0}, {"gamma": 0.5}],
    "cce": [{"class_weight": (0.2, 1.0, 3.0, 0.5)}, {"class_weight": (0.2, 1.0, 3.0, 0.5), "label_smoothing": 0.2}],
    "softmax_focal": [{"alpha": (0.25, 0.5, 1.0, 2.0)}, {"gamma": 0.5}],
    "tversky": [{"alpha": 0.3, "beta": 0.7}],
    "focal_tversky": [{"alpha": 0.3, "beta": 0.7, "gamma": 0.75}],
    "poisson_nll": [{"log_input": False}],
    "nll": [{"class_weight": (0.2, 1.0, 3.0, 0.5)}],
    "gan": [{"player": player, "objective": objective} for player in ("discriminator", "generator")
            for objective in ("non_saturating", "minimax", "hinge", "wasserstein")],
}


def settings(name):
    """Parameter dicts to test loss `name` with."""
    cls = losses.loss_class(name)
    numeric = [{}]
    for key, spec in cls.param_specs.items():
        numeric += [{key: spec.min}, {key: spec.max}]
    numeric += EXTRA_SETTINGS.get(name, [])
    if "from_logits" not in cls.flags:
        return numeric
    return [dict(setting, from_logits=flag) for setting in numeric for flag in (False, True)]


def setting_id(name, setting):
    if not setting:
        return name
    return name + "[" + ",".join(f"{key}={value}" for key, value in setting.items()) + "]"


def all_cases():
    """(name, setting) pairs as pytest params with readable ids."""
    return [pytest.param(name, setting, id=setting_id(name, setting))
            for name in losses.names() for setting in settings(name)]


def _softmax(logits):
    shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


def inputs(name, setting, rng):
    """Lists of argument tuples (numpy float64 or int) for loss `name`, away from kinks and clamps."""
    task = losses.loss_class(name).task
    from_logits = setting.get("from_logits", False)
    if name == "poisson_nll":
        shapes = [(7,), (4, 3)]
        if setting.get("log_input", True):
            return [(rng.poisson(3.0, shape).astype(float), rng.normal(size=shape)) for shape in shapes]
        return [(rng.poisson(3.0, shape).astype(float), rng.uniform(0.2, 6.0, shape)) for shape in shapes]
    if task == "regression":
        return [(rng.normal(size=shape), 2.0 * rng.normal(size=shape)) for shape in [(7,), (4, 3)]]
    if task == "detection":
        return [(random_boxes(rng, 6), random_boxes(rng, 6)), (random_boxes(rng, 1)[0], random_boxes(rng, 1)[0])]
    if name == "triplet":
        return [tuple(rng.normal(size=shape) for _ in range(3)) for shape in [(6, 3), (4,)]]
    if name in ("contrastive", "cosine_embedding"):
        labels = rng.integers(0, 2, 6).astype(float)
        labels[:2] = [0.0, 1.0]
        signed = 2 * labels - 1 if name == "cosine_embedding" else labels
        return [(labels, rng.normal(size=(6, 3)), rng.normal(size=(6, 3))),
                (signed, rng.normal(size=(6, 3)), rng.normal(size=(6, 3))),
                (np.ones(1), rng.normal(size=4), rng.normal(size=4))]
    if name == "info_nce":
        return [(rng.normal(size=(6, 3)), rng.normal(size=(6, 3))), (rng.normal(size=(1, 4)), rng.normal(size=(1, 4)))]
    if name == "margin_ranking":
        labels = rng.integers(0, 2, 7).astype(float)
        labels[:2] = [0.0, 1.0]
        return [(labels, rng.normal(size=7), rng.normal(size=7)),
                (2 * labels - 1, rng.normal(size=7), rng.normal(size=7))]
    if name in ("bpr", "gan"):
        return [(rng.normal(size=7), 2.0 * rng.normal(size=7))]
    if task == "distribution":
        target = _softmax(2 * rng.normal(size=(4, 5)))
        target[0, 1] = 0.0  # a zero in P exercises 0 log 0
        return [(target / target.sum(axis=1, keepdims=True), _softmax(rng.normal(size=(4, 5))))]
    if task == "segmentation":
        cases = []
        for shape in [(6, 5), (3, 6, 5)]:
            mask = (rng.random(shape) < 0.3).astype(float)
            mask.reshape(-1)[0] = 1.0
            pred = 3 * rng.normal(size=shape) if from_logits else rng.uniform(0.02, 0.98, shape)
            cases.append((mask, pred))
        return cases
    if name == "multilabel_soft_margin":
        labels = (rng.random((5, 4)) < 0.4).astype(float)
        return [(labels, 3 * rng.normal(size=(5, 4))), (labels[0], 3 * rng.normal(size=4))]
    if name in ("bce", "focal", "hinge", "soft_margin", "squared_hinge"):
        shape = (9,)
        labels = rng.integers(0, 2, shape).astype(float)
        labels[:2] = [0.0, 1.0]
        if name in ("hinge", "soft_margin", "squared_hinge"):
            scores = 2 * rng.normal(size=shape)
            return [(labels, scores), (2 * labels - 1, scores), (labels.reshape(3, 3), scores.reshape(3, 3))]
        pred = 3 * rng.normal(size=shape) if from_logits else rng.uniform(0.02, 0.98, shape)
        return [(labels, pred), (labels.reshape(3, 3), pred.reshape(3, 3))]
    # multi-class: 6 samples, 4 classes; index, one-hot and (cce) soft targets
    n_samples, n_classes = 6, 4
    logits = 2 * rng.normal(size=(n_samples, n_classes))
    pred = logits if from_logits or name == "multi_margin" else _softmax(logits)
    if name == "nll":
        pred = np.log(_softmax(logits))
    indices = rng.integers(0, n_classes, n_samples)
    indices[:n_classes] = np.arange(n_classes)
    cases = [(indices, pred), (np.eye(n_classes)[indices], pred)]
    if name == "cce":
        cases.append((_softmax(rng.normal(size=(n_samples, n_classes))), pred))
    return cases


def random_boxes(rng, n_boxes):
    """(n, 4) boxes (x1, y1, x2, y2) with corners in [0, 4] and sides between 0.5 and 2."""
    corner = rng.uniform(0.0, 4.0, (n_boxes, 2))
    return np.concatenate([corner, corner + rng.uniform(0.5, 2.0, (n_boxes, 2))], axis=1)


def differentiable_args(name):
    """Indices of the arguments that `backward` returns gradients for."""
    return tuple(differentiable_inputs(losses.get(name)))
