"""The home page's picture of the regression lab, drawn from its core's numbers at its defaults."""

from __future__ import annotations

import numpy as np

from lossviz.charts.picture import Picture, loss_stroke, sample_indices, schema_defaults
from lossviz.charts.theme import OUTLIER_COLOR, POINT_COLOR, TRUTH_COLOR
from lossviz.datasets import regression_data
from lossviz.labs.regression.schema import REGRESSION


def picture() -> Picture:
    data = regression_data(**schema_defaults(REGRESSION, "data"))
    x, y = data.x[:, 0], data.y
    keep = sample_indices(np.random.default_rng(0), x.size)
    outlier = data.is_outlier[keep]
    ends = np.array([x.min(), x.max()])
    design = np.column_stack([x, np.ones_like(x)])
    slope, intercept = np.linalg.lstsq(design, y, rcond=None)[0]  # MSE's own line: pulled toward the outliers
    return Picture(lines=[(ends, data.true_params[0] * ends + data.true_params[-1], TRUTH_COLOR, "dash"),
                          loss_stroke("mse", ends, slope * ends + intercept)],
                   dots=[(x[keep][~outlier], y[keep][~outlier], POINT_COLOR, 2, 0.8),
                         (x[keep][outlier], y[keep][outlier], OUTLIER_COLOR, 3, 0.9)])
