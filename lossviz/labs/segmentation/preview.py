"""The home page's picture of the segmentation lab, drawn from its core's numbers at its defaults."""

from __future__ import annotations

import numpy as np

from lossviz.charts.picture import Picture
from lossviz.labs.segmentation.data import segmentation_data


def picture() -> Picture:
    # larger, clearer objects than the lab's default 2 %: a thumbnail must show what there is to find
    data = segmentation_data(fraction=0.1, objects=2, noise=0.3, size=32, images=2, seed=0)
    image = data.images[0][::-1].reshape(16, 2, 16, 2).mean(axis=(1, 3))  # rows from the bottom, 2 x 2 pixels a cell
    image = np.clip(image, 0.0, 1.0)
    return Picture(cells=[(column, row, 1.0, float(image[row, column]))
                          for row in range(image.shape[0]) for column in range(image.shape[1])])
