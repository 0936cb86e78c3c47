"""The home page's picture of the distributions lab, drawn from its core's numbers at its defaults."""

from __future__ import annotations

from lossviz.charts.picture import Picture, schema_defaults
from lossviz.charts.theme import BLUE, CLASS_COLORS, TRUTH_COLOR
from lossviz.labs.distributions.fit import GRID, fit_all, gaussian, mixture
from lossviz.labs.distributions.schema import DISTRIBUTIONS


def picture() -> Picture:
    target = mixture(**schema_defaults(DISTRIBUTIONS, "target"))
    fits = fit_all(target, **schema_defaults(DISTRIBUTIONS, "fit"))
    picture = Picture(lines=[(GRID, target, TRUTH_COLOR, "dash")])
    for name, colour, dash in (("forward", BLUE, "solid"), ("reverse", CLASS_COLORS[1], "dot")):
        picture.lines.append((GRID, gaussian(*fits[name].params[-1]), colour, dash))
    return picture
