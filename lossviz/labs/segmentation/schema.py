"""The segmentation lab's URL keys, bounds and defaults."""

from __future__ import annotations

from dataclasses import replace

from lossviz import losses
from lossviz.datasets import REGRESSION_SPECS
from lossviz.labs.segmentation.data import SEGMENTATION_SPECS, VALIDATION_IMAGES
from lossviz.labs.segmentation.train import EPOCHS
from lossviz.labs.segmentation.train import METHODS as SEGMENTATION_METHODS
from lossviz.optim import OPTIMIZER_SPECS
from lossviz.state import Schema

SEGMENTATION = Schema(
    lists={"losses": (tuple(SEGMENTATION_METHODS), ("bce", "weighted_bce", "dice", "dice_bce"))},
    numbers={**SEGMENTATION_SPECS, "lr": replace(OPTIMIZER_SPECS["lr"], default=0.1), "epochs": EPOCHS,
             "image": replace(REGRESSION_SPECS["seed"], default=1, min=1, max=VALIDATION_IMAGES,
                              help="Which validation image the maps show.")},
    param_specs={(method, key): losses.loss_class(name).param_specs[key]
                 for method, (name, _, exposed) in SEGMENTATION_METHODS.items() for key in exposed},
    groups={"data": tuple(SEGMENTATION_SPECS), "training": ("lr", "epochs")},
)
