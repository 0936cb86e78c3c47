"""The workbench's URL keys, bounds and defaults."""

from __future__ import annotations

from dataclasses import replace

from lossviz.datasets import CLASSIFICATION_SPECS, REGRESSION_SPECS
from lossviz.labs.workbench.syntax import DEFAULT_TEXT, MAX_LENGTH, PARAMETERS, TASKS
from lossviz.labs.workbench.typed import COMPARED
from lossviz.labs.workbench.upload import MODES, SCORE_KINDS
from lossviz.losses import ParamSpec
from lossviz.state import Following, Schema

WORKBENCH_VIEWS = ("loss", "data")
# a parameter of a typed loss: its value, and the ends of its slider, which the visitor sets
PARAMETER_BOUND = ParamSpec(default=0.0, min=-1000.0, max=1000.0, step=0.001)
PARAMETER_SPECS = {
    **{name: replace(PARAMETER_BOUND, default=1.0, help="A parameter of your loss.") for name in PARAMETERS},
    **{f"{name}_min": replace(PARAMETER_BOUND, help="The left end of the slider.") for name in PARAMETERS},
    **{f"{name}_max": replace(PARAMETER_BOUND, default=5.0, help="The right end of the slider.")
       for name in PARAMETERS},
}
# what the upload tab compares, per mode: regression losses on residuals and points, binary ones on labels
DATA_LOSSES = {"residuals": COMPARED["regression"], "points": COMPARED["regression"],
               "classification": COMPARED["binary"]}
WORKBENCH = Schema(
    choices={"view": (WORKBENCH_VIEWS, "loss"), "task": (TASKS, "regression"),
             "mode": (MODES, "residuals"), "kind": (SCORE_KINDS, "probability")},
    lists={"compare": Following("task", {task: (names, names[:3]) for task, names in COMPARED.items()}),
           "data_losses": Following("mode", {mode: (names, names[:3]) for mode, names in DATA_LOSSES.items()})},
    texts={"expr": Following("task", {task: (MAX_LENGTH, DEFAULT_TEXT[task]) for task in TASKS})},
    numbers={**PARAMETER_SPECS, "outlier_fraction": REGRESSION_SPECS["outlier_fraction"],
             "imbalance": CLASSIFICATION_SPECS["imbalance"]},
)
