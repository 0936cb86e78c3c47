"""A small picture of each page for the home page: an SVG drawn from the core's own numbers at the
page's default settings (no chart library, no image file), in the charts' palette.

    >>> picture = preview("gallery", "Three loss curves")
    >>> picture.startswith("<svg") and "<title>Three loss curves</title>" in picture
    True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

import numpy as np

from lossviz import distributions, embeddings, gallery
from lossviz.charts import BLUE, CLASS_COLORS, DASHES, LOSS_COLORS, OUTLIER_COLOR, POINT_COLOR, TRUTH_COLOR
from lossviz.data import classification_data, regression_data, segmentation_data
from lossviz.pages_config import CLASSIFICATION, DISTRIBUTIONS, EMBEDDINGS, REGRESSION

WIDTH, HEIGHT, PAD = 240, 120, 6
MOST_DOTS = 150  # per picture: a preview, not the page


@dataclass
class Picture:
    """Lines ((x, y, colour, dash)) and dots ((x, y, colour, radius, opacity)) in data units, and
    cells ((x, y, size, grey level)) for an image, fitted into WIDTH x HEIGHT."""

    lines: list = field(default_factory=list)
    dots: list = field(default_factory=list)
    cells: list = field(default_factory=list)

    def svg(self, label: str) -> str:
        xs = [np.asarray(x, float) for x, *_ in self.lines + self.dots] + [np.asarray([c[0] for c in self.cells])]
        ys = [np.asarray(y, float) for _, y, *_ in self.lines + self.dots] + [np.asarray([c[1] for c in self.cells])]
        xs, ys = np.concatenate(xs), np.concatenate(ys)
        x_low, x_high = float(xs.min()), float(xs.max()) or 1.0
        y_low, y_high = float(ys.min()), float(ys.max()) or 1.0

        def at(x, y):
            px = PAD + (np.asarray(x, float) - x_low) / max(x_high - x_low, 1e-12) * (WIDTH - 2 * PAD)
            py = HEIGHT - PAD - (np.asarray(y, float) - y_low) / max(y_high - y_low, 1e-12) * (HEIGHT - 2 * PAD)
            return px, py

        shapes = []
        for x, y, size, level in self.cells:
            px, py = at(x, y)
            side = size / max(x_high - x_low, 1e-12) * (WIDTH - 2 * PAD)
            grey = round(255 * (1 - level))
            shapes.append(f'<rect x="{px:.1f}" y="{py - side:.1f}" width="{side + 0.3:.1f}" height="{side + 0.3:.1f}" '
                          f'fill="rgb({grey},{grey},{grey})"/>')
        for x, y, colour, radius, opacity in self.dots:
            px, py = at(x, y)
            shapes += [f'<circle cx="{a:.1f}" cy="{b:.1f}" r="{radius}" fill="{colour}" fill-opacity="{opacity}"/>'
                       for a, b in zip(px, py, strict=True)]
        for x, y, colour, dash in self.lines:
            px, py = at(x, y)
            points = " ".join(f"{a:.1f},{b:.1f}" for a, b in zip(px, py, strict=True))
            pattern = {"dash": "6 3", "dot": "2 3", "dashdot": "6 3 2 3"}.get(dash, "")
            shapes.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2.5"'
                          + (f' stroke-dasharray="{pattern}"' if pattern else "") + "/>")
        return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
                f'height="{HEIGHT}"><title>{escape(label)}</title>{"".join(shapes)}</svg>')


def _loss_line(name: str, x, y) -> tuple:
    colour = LOSS_COLORS[name]
    return (x, y, colour, DASHES[colour])


def _sample(rng, count: int, most: int = MOST_DOTS) -> np.ndarray:
    return np.sort(rng.choice(count, size=min(count, most), replace=False))


def gallery_picture() -> Picture:
    picture = Picture()
    for name in ("mse", "mae", "huber"):
        (curve,) = gallery.loss_curves("regression", "residual", name, {})
        shown = np.abs(curve.x) <= 2.5  # where MSE stays within the picture
        picture.lines.append(_loss_line(name, curve.x[shown], curve.value[shown]))
    return picture


def defaults(schema, group: str) -> dict:
    """A page's default settings of one group (its schema's), as a page opens."""
    return dict(schema.settings({}, {}).group(group))


def regression_picture() -> Picture:
    data = regression_data(**defaults(REGRESSION, "data"))
    x, y = data.x[:, 0], data.y
    keep = _sample(np.random.default_rng(0), x.size)
    outlier = data.is_outlier[keep]
    ends = np.array([x.min(), x.max()])
    design = np.column_stack([x, np.ones_like(x)])
    slope, intercept = np.linalg.lstsq(design, y, rcond=None)[0]  # MSE's own line: pulled toward the outliers
    return Picture(lines=[(ends, data.true_params[0] * ends + data.true_params[-1], TRUTH_COLOR, "dash"),
                          _loss_line("mse", ends, slope * ends + intercept)],
                   dots=[(x[keep][~outlier], y[keep][~outlier], POINT_COLOR, 2, 0.8),
                         (x[keep][outlier], y[keep][outlier], OUTLIER_COLOR, 3, 0.9)])


def classification_picture() -> Picture:
    data = classification_data(classes=2, **defaults(CLASSIFICATION, "data"))
    rng = np.random.default_rng(0)
    majority, minority = np.flatnonzero(data.y == 0), np.flatnonzero(data.y == 1)
    common = majority[_sample(rng, majority.size)]
    rare = minority[_sample(rng, minority.size, MOST_DOTS // 3)]
    return Picture(dots=[(data.x[common, 0], data.x[common, 1], CLASS_COLORS[0], 2, 0.7),
                         (data.x[rare, 0], data.x[rare, 1], CLASS_COLORS[1], 3, 0.9)])


def landscape_picture() -> Picture:
    """The mean loss along the slope (intercept at its true value): MSE's valley and MAE's, apart."""
    data = regression_data(**{**defaults(REGRESSION, "data"), "outlier_fraction": 0.2})  # the valleys well apart
    slopes = np.linspace(data.true_params[0] - 3, data.true_params[0] + 3, 121)
    residuals = slopes[:, None] * data.x[:, 0] + data.true_params[-1] - data.y
    mse, mae = np.mean(residuals ** 2, axis=1), np.mean(np.abs(residuals), axis=1)
    return Picture(lines=[_loss_line("mse", slopes, mse / mse.max()), _loss_line("mae", slopes, mae / mae.max())])


def distributions_picture() -> Picture:
    target = distributions.mixture(**defaults(DISTRIBUTIONS, "target"))
    fits = distributions.fit_all(target, **defaults(DISTRIBUTIONS, "fit"))
    picture = Picture(lines=[(distributions.GRID, target, TRUTH_COLOR, "dash")])
    for name, colour, dash in (("forward", BLUE, "solid"), ("reverse", CLASS_COLORS[1], "dot")):
        picture.lines.append((distributions.GRID, distributions.gaussian(*fits[name].params[-1]), colour, dash))
    return picture


def embeddings_picture() -> Picture:
    data = embeddings.embedding_data(**defaults(EMBEDDINGS, "data"))
    centred = data.x - data.x.mean(axis=0)
    plane = centred @ np.linalg.svd(centred, full_matrices=False)[2][:2].T  # the two widest directions
    palette = (BLUE, CLASS_COLORS[1], "#009E73", "#E69F00")
    return Picture(dots=[(plane[data.y == label, 0], plane[data.y == label, 1], palette[label % 4], 3, 0.85)
                         for label in np.unique(data.y)])


def segmentation_picture() -> Picture:
    # larger, clearer objects than the lab's default 2 %: a thumbnail must show what there is to find
    data = segmentation_data(fraction=0.1, objects=2, noise=0.3, size=32, images=2, seed=0)
    image = data.images[0][::-1].reshape(16, 2, 16, 2).mean(axis=(1, 3))  # rows from the bottom, 2 x 2 pixels a cell
    image = np.clip(image, 0.0, 1.0)
    return Picture(cells=[(column, row, 1.0, float(image[row, column]))
                          for row in range(image.shape[0]) for column in range(image.shape[1])])


def workbench_picture() -> Picture:
    r = np.linspace(-3, 3, 121)
    return Picture(lines=[(r, np.abs(r) ** 1.5, LOSS_COLORS["custom"], "solid"),
                          (r, 1.5 * np.sign(r) * np.abs(r) ** 0.5, TRUTH_COLOR, "dot")])


PICTURES = {"gallery": gallery_picture, "regression": regression_picture, "classification": classification_picture,
            "landscape": landscape_picture, "distributions": distributions_picture,
            "embeddings": embeddings_picture, "segmentation": segmentation_picture, "workbench": workbench_picture}


def preview(page: str, label: str) -> str:
    """The SVG picture of `page`, titled `label` (the page shows it as an image with `label` as its alt text)."""
    return PICTURES[page]().svg(label)
