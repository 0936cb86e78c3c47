"""The home page's picture of the workbench lab, drawn from its core's numbers at its defaults."""

from __future__ import annotations

import numpy as np

from lossviz.charts.picture import Picture
from lossviz.charts.theme import LOSS_COLORS, TRUTH_COLOR


def picture() -> Picture:
    r = np.linspace(-3, 3, 121)
    return Picture(lines=[(r, np.abs(r) ** 1.5, LOSS_COLORS["custom"], "solid"),
                          (r, 1.5 * np.sign(r) * np.abs(r) ** 0.5, TRUTH_COLOR, "dot")])
