"""The regression lab's URL keys, bounds and defaults."""

from __future__ import annotations

from dataclasses import replace

from lossviz.bundled import DIABETES_FEATURES, SOURCES
from lossviz.datasets import OUTLIER_KINDS, REGRESSION_DATA_KEYS, REGRESSION_SPECS
from lossviz.labs.regression.train import ERROR_MEASURES, SWITCH_SPEC
from lossviz.models import LINE_LOSSES
from lossviz.optim import OPTIMIZER_SPECS, OPTIMIZERS
from lossviz.state import Schema, loss_param_specs
from lossviz.training import EPOCHS, TRAINING_KEYS

REGRESSION = Schema(
    lists={"losses": (LINE_LOSSES, ("mse", "mae", "huber"))},
    numbers={**{key: spec for key, spec in REGRESSION_SPECS.items() if key != "features"},  # the charts show one
             # the lines settle within about a hundred epochs; fewer epochs keep sliders quick
             **OPTIMIZER_SPECS, "epochs": replace(EPOCHS, default=200), "switch_at": SWITCH_SPEC},
    choices={"data": (SOURCES["regression"], "synthetic"), "feature": (DIABETES_FEATURES, "bmi"),  # real data's
             "outlier_kind": (OUTLIER_KINDS, "vertical"), "optimizer": (OPTIMIZERS, "nag"),
             "influence": (("none", *LINE_LOSSES), "mse"),  # whose pull sets the size of the points
             "measure": (ERROR_MEASURES, "total"),  # the error the sweep plots
             # a run that changes its loss at an epoch (the guide's FAQ on switching), shown on request
             "switch": (("off", "on"), "off"), "switch_from": (LINE_LOSSES, "mse"),
             "switch_to": (LINE_LOSSES, "mae")},
    param_specs=loss_param_specs(LINE_LOSSES),
    groups={"data": (*REGRESSION_DATA_KEYS, "data", "feature"), "training": TRAINING_KEYS},
)
