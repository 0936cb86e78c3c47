"""The landscape's URL keys, bounds and defaults, for its surface and its monitor."""

from __future__ import annotations

from dataclasses import replace

from lossviz.datasets import OUTLIER_KINDS, REGRESSION_DATA_KEYS, REGRESSION_SPECS
from lossviz.labs.landscape.monitor import MONITOR_SPECS
from lossviz.labs.landscape.surface import FEATURE_SCALES, PATH_EPOCHS, START_SPECS
from lossviz.models import LINE_LOSSES
from lossviz.optim import OPTIMIZER_SPECS, OPTIMIZERS
from lossviz.state import Schema, loss_param_specs
from lossviz.training import EPOCHS

LANDSCAPE_VIEWS = ("surface", "monitor")
MONITOR_TAB_KEY = "monitor_tab"  # the monitor's tab control, beside the surface's settings_tab
LANDSCAPE = Schema(
    choices={"view": (LANDSCAPE_VIEWS, "surface"),
             "left": (LINE_LOSSES, "mse"), "right": (LINE_LOSSES, "huber"),  # the two surfaces
             "features": (FEATURE_SCALES, "scaled"), "outlier_kind": (OUTLIER_KINDS, "vertical"),
             "optimizer": (OPTIMIZERS, "adam")},  # the monitor's
    numbers={**{key: spec for key, spec in REGRESSION_SPECS.items() if key != "features"},
             "lr": replace(OPTIMIZER_SPECS["lr"], default=0.05), "momentum": OPTIMIZER_SPECS["momentum"],
             "epochs": PATH_EPOCHS, **START_SPECS,
             **{key: spec for key, spec in MONITOR_SPECS.items() if key not in ("noise", "seed")},
             "curve_noise": MONITOR_SPECS["noise"],
             "monitor_lr": replace(OPTIMIZER_SPECS["lr"], default=0.01),
             "monitor_epochs": replace(EPOCHS, default=2000)},
    param_specs=loss_param_specs(LINE_LOSSES),
    groups={"data": (*REGRESSION_DATA_KEYS, "features"), "paths": ("lr", "momentum", "epochs", "start_slope",
                                                                    "start_intercept"),
            "curve": ("train_points", "curve_noise", "seed"),
            "fit": ("degree", "weight_decay", "optimizer", "monitor_lr", "momentum", "monitor_epochs")},
)
