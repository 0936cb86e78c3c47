"""The home page's picture of the landscape lab, drawn from its core's numbers at its defaults."""

from __future__ import annotations

import numpy as np

from lossviz.charts.picture import Picture, loss_stroke, schema_defaults
from lossviz.datasets import regression_data
from lossviz.labs.regression.schema import REGRESSION


def picture() -> Picture:
    """The mean loss along the slope (intercept at its true value): MSE's valley and MAE's, apart."""
    data = regression_data(**{**schema_defaults(REGRESSION, "data"), "outlier_fraction": 0.2})  # the valleys well apart
    slopes = np.linspace(data.true_params[0] - 3, data.true_params[0] + 3, 121)
    residuals = slopes[:, None] * data.x[:, 0] + data.true_params[-1] - data.y
    mse, mae = np.mean(residuals ** 2, axis=1), np.mean(np.abs(residuals), axis=1)
    return Picture(lines=[loss_stroke("mse", slopes, mse / mse.max()), loss_stroke("mae", slopes, mae / mae.max())])
