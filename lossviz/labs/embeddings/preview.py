"""The home page's picture of the embeddings lab, drawn from its core's numbers at its defaults."""

from __future__ import annotations

import numpy as np

from lossviz.charts.picture import Picture, schema_defaults
from lossviz.charts.theme import BLUE, CLASS_COLORS
from lossviz.labs.embeddings.schema import EMBEDDINGS
from lossviz.labs.embeddings.train import embedding_data


def picture() -> Picture:
    data = embedding_data(**schema_defaults(EMBEDDINGS, "data"))
    centred = data.x - data.x.mean(axis=0)
    plane = centred @ np.linalg.svd(centred, full_matrices=False)[2][:2].T  # the two widest directions
    palette = (BLUE, CLASS_COLORS[1], "#009E73", "#E69F00")
    return Picture(dots=[(plane[data.y == label, 0], plane[data.y == label, 1], palette[label % 4], 3, 0.85)
                         for label in np.unique(data.y)])
