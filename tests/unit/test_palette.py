"""The charts' colours stay apart for colour-blind learners: every pair a default view shows together
is at least 10 CIEDE2000 apart under simulated protanopia and deuteranopia (Machado, Oliveira and
Fernandes 2009, severity 1), and with normal vision."""

import itertools

import numpy as np
import pytest

from lossviz.charts.theme import (
    BLUE,
    CLASS_COLORS,
    DARK_BACKGROUND,
    DARK_COLORS,
    DARK_GREY,
    GREEN,
    LOSS_COLORS,
    ORANGE,
    OUTLIER_COLOR,
    POINT_COLOR,
    PURPLE,
    SKY,
    TRUTH_COLOR,
    VERMILION,
    loss_line,
)
from lossviz.curves import PAIR_KINDS, TASK_AXES, TASK_LOSSES, supports
from lossviz.labs.segmentation.train import METHODS
from lossviz.labs.workbench.typed import COMPARED, CUSTOM, TRAINED_WITH
from lossviz.models import BINARY_METHODS, LINE_LOSSES, MULTICLASS_METHODS

# Machado et al. 2009, severity 1.0, on linear RGB
SIMULATIONS = {
    "protanopia": np.array([[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
    "normal vision": np.eye(3),
}
MIN_DISTANCE = 10.0


def lab(hex_color: str, simulation: np.ndarray) -> np.ndarray:
    """CIELAB (D65) of an sRGB colour as seen through `simulation`."""
    srgb = np.array([int(hex_color[i:i + 2], 16) / 255 for i in (1, 3, 5)])
    linear = np.clip(simulation @ np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4), 0, 1)
    xyz = np.array([[0.4124564, 0.3575761, 0.1804375], [0.2126729, 0.7151522, 0.0721750],
                    [0.0193339, 0.1191920, 0.9503041]]) @ linear / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def ciede2000(first, second) -> float:
    """CIEDE2000 colour difference (Sharma, Wu and Dalal 2005)."""
    (l1, a1, b1), (l2, a2, b2) = first, second
    c_mean = (np.hypot(a1, b1) + np.hypot(a2, b2)) / 2
    g = 0.5 * (1 - np.sqrt(c_mean ** 7 / (c_mean ** 7 + 25 ** 7)))
    a1, a2 = (1 + g) * a1, (1 + g) * a2
    c1, c2 = np.hypot(a1, b1), np.hypot(a2, b2)
    h1, h2 = np.degrees(np.arctan2(b1, a1)) % 360, np.degrees(np.arctan2(b2, a2)) % 360
    dh = 0.0 if c1 * c2 == 0 else (h2 - h1 + 180) % 360 - 180
    d_hue = 2 * np.sqrt(c1 * c2) * np.sin(np.radians(dh / 2))
    l_mean, c_mean = (l1 + l2) / 2, (c1 + c2) / 2
    if c1 * c2 == 0:
        h_mean = h1 + h2
    elif abs(h1 - h2) <= 180:
        h_mean = (h1 + h2) / 2
    else:
        h_mean = (h1 + h2 + 360) / 2 if h1 + h2 < 360 else (h1 + h2 - 360) / 2
    t = (1 - 0.17 * np.cos(np.radians(h_mean - 30)) + 0.24 * np.cos(np.radians(2 * h_mean))
         + 0.32 * np.cos(np.radians(3 * h_mean + 6)) - 0.20 * np.cos(np.radians(4 * h_mean - 63)))
    rotation = -np.sin(np.radians(60 * np.exp(-(((h_mean - 275) / 25) ** 2)))) * 2 * np.sqrt(
        c_mean ** 7 / (c_mean ** 7 + 25 ** 7))
    s_l = 1 + 0.015 * (l_mean - 50) ** 2 / np.sqrt(20 + (l_mean - 50) ** 2)
    s_c, s_h = 1 + 0.045 * c_mean, 1 + 0.015 * c_mean * t
    terms = ((l2 - l1) / s_l, (c2 - c1) / s_c, d_hue / s_h)
    return float(np.sqrt(terms[0] ** 2 + terms[1] ** 2 + terms[2] ** 2 + rotation * terms[1] * terms[2]))


def test_ciede2000_matches_a_published_test_pair():
    assert ciede2000((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485)) == pytest.approx(2.0425, abs=1e-4)


def colours(names) -> list[str]:
    return [LOSS_COLORS[name] for name in names]


CHARTS = {  # the colours each chart can show at once
    **{f"gallery {task}": colours(names) for task, names in TASK_LOSSES.items()},
    "regression lab": [*colours(LINE_LOSSES), POINT_COLOR, OUTLIER_COLOR,
                       TRUTH_COLOR],
    "classification lab": [*colours(BINARY_METHODS), *CLASS_COLORS[:2]],
    "multi-class recall": colours(MULTICLASS_METHODS),
    "segmentation lab": colours(METHODS),
    "focal figure": [BLUE, SKY, GREEN, ORANGE, PURPLE, VERMILION],
    **{f"workbench {task}": colours([CUSTOM, *names]) for task, names in COMPARED.items()},
    "workbench line fit": [*colours([CUSTOM, *TRAINED_WITH["regression"]]), POINT_COLOR,
                           OUTLIER_COLOR, TRUTH_COLOR],
    "workbench classifier": [*colours([CUSTOM, *TRAINED_WITH["binary"]]),
                             *CLASS_COLORS[:2]],
}


@pytest.mark.parametrize("vision", list(SIMULATIONS))
@pytest.mark.parametrize("chart", list(CHARTS))
def test_every_pair_of_colours_a_chart_shows_stays_apart(chart, vision):
    shown = sorted(set(CHARTS[chart]))
    pairs = [(ciede2000(lab(a, SIMULATIONS[vision]), lab(b, SIMULATIONS[vision])), a, b)
             for a, b in itertools.combinations(shown, 2)]
    closest = min(pairs, default=(float("inf"), "", ""))
    assert closest[0] >= MIN_DISTANCE, closest


def test_the_segmentation_labs_methods_each_have_their_own_colour():
    assert len(set(colours(METHODS))) == len(METHODS)


def test_losses_that_share_a_chart_differ_in_dash_too():
    for task, names in TASK_LOSSES.items():
        for axis in TASK_AXES[task]:
            lines = [loss_line(name, 1, pair) for name in names if supports(name, axis)
                     for pair in PAIR_KINDS.get(name, ("",))]
            dashes = [line["dash"] for line in lines]
            assert len(set(dashes)) == len(dashes), (task, axis)


@pytest.mark.parametrize("vision", list(SIMULATIONS))
@pytest.mark.parametrize("chart", list(CHARTS))
def test_in_the_dark_theme_every_pair_stays_apart_too(chart, vision):
    shown = sorted({DARK_COLORS.get(colour, colour) for colour in CHARTS[chart]})
    closest = min(((ciede2000(lab(a, SIMULATIONS[vision]), lab(b, SIMULATIONS[vision])), a, b)
                   for a, b in itertools.combinations(shown, 2)), default=(float("inf"), "", ""))
    assert closest[0] >= MIN_DISTANCE, closest


def contrast(first: str, second: str) -> float:
    """WCAG 2.1 contrast ratio of two sRGB colours."""
    def luminance(hex_color):
        srgb = np.array([int(hex_color[i:i + 2], 16) / 255 for i in (1, 3, 5)])
        return float(np.array([0.2126, 0.7152, 0.0722]) @ np.where(srgb <= 0.04045, srgb / 12.92,
                                                                   ((srgb + 0.055) / 1.055) ** 2.4))
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize(("text", "what"), [("#31333f", "titles and legend"), ("#6b6f7b", "tick labels")])
def test_chart_text_reads_at_4_5_to_1_in_both_themes(text, what):
    assert contrast(text, "#ffffff") >= 4.5, what
    assert contrast(DARK_COLORS[text], DARK_BACKGROUND) >= 4.5, what


@pytest.mark.parametrize("line", [BLUE, ORANGE, GREEN, PURPLE, SKY, VERMILION,
                                  DARK_GREY])
def test_every_line_colour_stands_out_from_the_dark_background(line):
    assert contrast(DARK_COLORS.get(line, line), DARK_BACKGROUND) >= 3.0  # WCAG's graphics minimum
