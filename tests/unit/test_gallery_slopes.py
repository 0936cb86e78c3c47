"""The gallery's slope panel plots the derivative of its loss panel along the axis."""

import numpy as np
import pytest

from lossviz import gallery

VIEWS = [(task, axis, name) for task, names in gallery.TASK_LOSSES.items() for axis in gallery.TASK_AXES[task]
         for name in names if gallery.supports(name, axis)]
STEP = 1e-6


@pytest.mark.parametrize(("task", "axis", "name"), VIEWS, ids=["-".join(view) for view in VIEWS])
def test_the_plotted_slope_is_the_finite_difference_of_the_plotted_value(task, axis, name):
    curve = gallery.loss_curve(task, axis, name, {})
    x = curve.x[1:-1]  # the ends of the axis are where some views clamp
    above = gallery.loss_curve(task, axis, name, {}, x=x + STEP).value
    below = gallery.loss_curve(task, axis, name, {}, x=x - STEP).value
    central = (above - below) / (2 * STEP)
    # away from kinks (MAE at 0, Huber at ±δ, hinge at 1, the triplet margin), where the one-sided slopes differ
    smooth = np.abs((above - curve.value[1:-1]) - (curve.value[1:-1] - below)) <= 1e-9 * np.maximum(1, np.abs(central))
    assert smooth.mean() > 0.9, "most of the axis is smooth"
    np.testing.assert_allclose(curve.slope[1:-1][smooth], central[smooth], rtol=1e-5, atol=1e-5)


def test_the_triplet_view_starts_off_the_anchor_where_the_negatives_direction_is_undefined():
    curve = gallery.loss_curve("embedding", "distance", "triplet", {})
    assert curve.x[0] > 0
    assert np.all(curve.slope <= 0)  # −1 while the margin is violated, 0 beyond: no spike at distance 0
