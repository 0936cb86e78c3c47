"""The embeddings lab's URL keys, bounds and defaults."""

from __future__ import annotations

from dataclasses import replace

from lossviz import losses
from lossviz.datasets import REGRESSION_SPECS
from lossviz.labs.embeddings.train import DATA_SPECS as EMBEDDING_DATA_SPECS
from lossviz.labs.embeddings.train import EPOCHS, MININGS
from lossviz.optim import OPTIMIZER_SPECS
from lossviz.state import Schema

EMBEDDINGS = Schema(
    choices={"mining": (MININGS, "semi_hard")},
    numbers={**EMBEDDING_DATA_SPECS, "margin": losses.loss_class("triplet").param_specs["margin"],
             "lr": replace(OPTIMIZER_SPECS["lr"], default=0.05), "epochs": EPOCHS,
             # the anchor whose negatives are shown, counted among the training points (wrapped around)
             "anchor": replace(REGRESSION_SPECS["seed"], max=999, help="Which training point is the anchor.")},
    groups={"data": tuple(EMBEDDING_DATA_SPECS), "training": ("mining", "margin", "lr", "epochs")},
)
