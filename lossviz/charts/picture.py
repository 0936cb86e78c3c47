"""A small SVG picture drawn from a lab's numbers: the home page shows one for every lab."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

import numpy as np

from lossviz.charts.theme import DASHES, LOSS_COLORS

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


def loss_stroke(name: str, x, y) -> tuple:
    colour = LOSS_COLORS[name]
    return (x, y, colour, DASHES[colour])


def sample_indices(rng, count: int, most: int = MOST_DOTS) -> np.ndarray:
    return np.sort(rng.choice(count, size=min(count, most), replace=False))


def schema_defaults(schema, group: str) -> dict:
    """A page's default settings of one group (its schema's), as a page opens."""
    return dict(schema.settings({}, {}).group(group))
