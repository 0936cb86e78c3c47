"""The home page's picture of the gallery lab, drawn from its core's numbers at its defaults."""

from __future__ import annotations

import numpy as np

from lossviz.charts.picture import Picture, loss_stroke
from lossviz.curves import loss_curves


def picture() -> Picture:
    picture = Picture()
    for name in ("mse", "mae", "huber"):
        (curve,) = loss_curves("regression", "residual", name, {})
        shown = np.abs(curve.x) <= 2.5  # where MSE stays within the picture
        picture.lines.append(loss_stroke(name, curve.x[shown], curve.value[shown]))
    return picture
