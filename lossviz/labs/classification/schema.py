"""The classification lab's URL keys, bounds and defaults."""

from __future__ import annotations

from dataclasses import replace

from lossviz import losses
from lossviz.bundled import SOURCES
from lossviz.datasets import CLASSIFICATION_SPECS
from lossviz.models import BINARY_METHODS, METHOD_LOSSES, MLP_SPECS, MULTICLASS_METHODS
from lossviz.optim import OPTIMIZER_SPECS, OPTIMIZERS
from lossviz.state import Following, Schema
from lossviz.training import EPOCHS, TRAINING_KEYS


def method_param_specs(methods) -> dict:
    """The sliders of classification methods: the exposed parameters of their registry losses."""
    specs = {}
    for method in methods:
        name, exposed = METHOD_LOSSES[method]
        for key in exposed:
            specs[method, key] = losses.loss_class(name).param_specs[key]
    return specs


CLASSIFICATION_VIEWS = ("binary", "focal", "multiclass", "network")
CLASSIFICATION_DATA_KEYS = ("n", "imbalance", "separation", "seed")
CLASSIFICATION = Schema(
    lists={"methods": (BINARY_METHODS, ("bce", "weighted_bce", "focal")),
           "multiclass": (MULTICLASS_METHODS, MULTICLASS_METHODS)},
    numbers={**CLASSIFICATION_SPECS, "lr": replace(OPTIMIZER_SPECS["lr"], default=0.05),
             "momentum": OPTIMIZER_SPECS["momentum"],
             # Adam settles a logistic model in well under 200 steps; fewer epochs keep sliders quick, and
             # the cap keeps the largest settings (five methods, 10,000 points) near a second a move
             "epochs": replace(EPOCHS, default=200, max=600),
             "hidden": MLP_SPECS["hidden"], "network_epochs": MLP_SPECS["epochs"]},
    # real data follows the view: breast cancer in the binary views, wine in the multi-class one
    choices={"data": Following("view", {view: (SOURCES["multiclass" if view == "multiclass" else "binary"], "synthetic")
                                        for view in CLASSIFICATION_VIEWS}),
             "optimizer": (OPTIMIZERS, "adam"), "weighting": (("auto", "manual"), "auto"),
             "view": (CLASSIFICATION_VIEWS, "binary"), "network_method": (BINARY_METHODS, "weighted_bce")},
    param_specs={**method_param_specs(BINARY_METHODS + MULTICLASS_METHODS),
                 ("smoothed_bce", "label_smoothing"): replace(losses.loss_class("cce").param_specs["label_smoothing"],
                                                              default=0.1)},
    groups={"data": (*CLASSIFICATION_DATA_KEYS, "data"), "training": TRAINING_KEYS},
)
