"""The gallery's slope panel plots the derivative of its loss panel along the axis."""

import numpy as np
import pytest

from lossviz.curves import PAIR_KINDS, TASK_AXES, TASK_LOSSES, configured_loss, curve_inputs, loss_curve, supports

VIEWS = [(task, axis, name, pair) for task, names in TASK_LOSSES.items() for axis in TASK_AXES[task]
         for name in names if supports(name, axis) for pair in PAIR_KINDS.get(name, ("",))]
STEP = 1e-6


@pytest.mark.parametrize(("task", "axis", "name", "pair"), VIEWS, ids=["-".join(filter(None, view)) for view in VIEWS])
def test_the_plotted_slope_is_the_finite_difference_of_the_plotted_value(task, axis, name, pair):
    curve = loss_curve(task, axis, name, {}, pair=pair)
    x = curve.x[1:-1]  # the ends of the axis are where some views clamp
    above = loss_curve(task, axis, name, {}, x=x + STEP, pair=pair).value
    below = loss_curve(task, axis, name, {}, x=x - STEP, pair=pair).value
    central = (above - below) / (2 * STEP)
    # away from kinks (MAE at 0, Huber at ±δ, hinge at 1, the triplet margin), where the one-sided slopes differ
    smooth = np.abs((above - curve.value[1:-1]) - (curve.value[1:-1] - below)) <= 1e-9 * np.maximum(1, np.abs(central))
    assert smooth.mean() > 0.9, "most of the axis is smooth"
    np.testing.assert_allclose(curve.slope[1:-1][smooth], central[smooth], rtol=1e-5, atol=1e-5)


def test_the_triplet_view_starts_off_the_anchor_where_the_negatives_direction_is_undefined():
    curve = loss_curve("embedding", "distance", "triplet", {})
    assert curve.x[0] > 0
    assert np.all(curve.slope <= 0)  # −1 while the margin is violated, 0 beyond: no spike at distance 0


def test_the_info_nce_view_follows_its_closed_form():
    # K negatives at cosine 0: -s/tau + log(exp(s/tau) + K)
    curve = loss_curve("embedding", "cosine", "info_nce", {"temperature": 0.2, "negatives": 5})
    tau = 0.2
    np.testing.assert_allclose(curve.value, -curve.x / tau + np.log(np.exp(curve.x / tau) + 5), rtol=1e-12)
    np.testing.assert_allclose(curve.slope, -(5 / (np.exp(curve.x / tau) + 5)) / tau, rtol=1e-9)


def test_the_minimax_generator_loss_saturates_where_the_non_saturating_one_does_not():
    minimax = loss_curve("generative", "generator", "gan_minimax", {})
    saturating_free = loss_curve("generative", "generator", "gan_non_saturating", {})
    left = minimax.x < -4
    assert np.all(np.abs(minimax.slope[left]) < 0.02) and np.all(np.abs(saturating_free.slope[left]) > 0.98)


@pytest.mark.parametrize(("task", "axis"), [(task, axis) for task, axes in TASK_AXES.items() for axis in axes])
def test_the_check_against_pytorch_agrees_on_every_view(task, axis):
    from lossviz.torch_bridge import check_rows

    drawn = [name for name in TASK_LOSSES[task] if supports(name, axis)]
    configured = {name: configured_loss(name, axis, {}) for name in drawn}
    rows = check_rows(configured, {name: curve_inputs(task, axis, name) for name in drawn})
    assert [row["loss"] for row in rows] == drawn
    assert all(max(row["value_diff"], row["gradient_diff"]) <= 1e-9 for row in rows), rows
