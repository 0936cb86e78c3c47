"""The home page's picture of the classification lab, drawn from its core's numbers at its defaults."""

from __future__ import annotations

import numpy as np

from lossviz.charts.picture import MOST_DOTS, Picture, sample_indices, schema_defaults
from lossviz.charts.theme import CLASS_COLORS
from lossviz.datasets import classification_data
from lossviz.labs.classification.schema import CLASSIFICATION


def picture() -> Picture:
    data = classification_data(classes=2, **schema_defaults(CLASSIFICATION, "data"))
    rng = np.random.default_rng(0)
    majority, minority = np.flatnonzero(data.y == 0), np.flatnonzero(data.y == 1)
    common = majority[sample_indices(rng, majority.size)]
    rare = minority[sample_indices(rng, minority.size, MOST_DOTS // 3)]
    return Picture(dots=[(data.x[common, 0], data.x[common, 1], CLASS_COLORS[0], 2, 0.7),
                         (data.x[rare, 0], data.x[rare, 1], CLASS_COLORS[1], 3, 0.9)])
