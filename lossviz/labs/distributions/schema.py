"""The distributions lab's URL keys, bounds and defaults."""

from __future__ import annotations

from dataclasses import replace

from lossviz.labs.distributions.distill import DISTILL_SPECS
from lossviz.labs.distributions.fit import FIT_SPECS, TARGET_SPECS
from lossviz.optim import OPTIMIZER_SPECS
from lossviz.state import Schema
from lossviz.training import EPOCHS

DISTRIBUTION_VIEWS = ("kl", "distill")
DISTRIBUTIONS = Schema(
    choices={"view": (DISTRIBUTION_VIEWS, "kl")},
    numbers={**TARGET_SPECS, **FIT_SPECS, "lr": replace(OPTIMIZER_SPECS["lr"], default=0.05),
             "epochs": replace(EPOCHS, default=300, max=1000), **DISTILL_SPECS},
    groups={"target": tuple(TARGET_SPECS), "fit": ("start_mean", "lr", "epochs")},
)
