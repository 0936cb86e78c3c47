"""Bad parameters and bad input raise ValueError with a message that names the problem."""

import re

import numpy as np
import pytest

from lossviz import losses
from lossviz.losses import ParamSpec


def test_names_are_sorted_and_filtered_by_task():
    everything = losses.names()
    assert everything == sorted(everything) and len(everything) == 18
    assert losses.names(task="regression") == ["barron", "huber", "log_cosh", "mae", "mse", "quantile"]
    assert sum(len(losses.names(task=task)) for task in losses.TASKS) == len(everything)
    with pytest.raises(ValueError, match="unknown task"):
        losses.names(task="vision")


@pytest.mark.parametrize("name", losses.names())
def test_every_loss_describes_itself(name):
    loss = losses.get(name)
    assert loss.name == name and loss.task in losses.TASKS
    assert loss.latex.strip() and loss.grad_latex.strip()
    assert type(loss).__doc__.strip()
    assert set(loss.params) >= set(loss.param_specs)
    for key, spec in loss.param_specs.items():
        assert isinstance(spec, ParamSpec) and spec.help
        assert spec.min <= spec.default <= spec.max and spec.step > 0
        assert loss.params[key] == spec.default


CONTRACT_RANGES = [
    ("huber", "delta", 0.1, 5), ("quantile", "q", 0.05, 0.95), ("barron", "alpha", -10, 4),
    ("barron", "scale", 0.1, 5), ("focal", "alpha", -1, 1), ("focal", "gamma", 0, 5),
    ("bce", "pos_weight", 0.1, 10), ("cce", "label_smoothing", 0, 0.5), ("poly1", "epsilon", -1, 5),
    ("tversky", "alpha", 0, 1), ("tversky", "beta", 0, 1), ("dice", "smooth", 0, 10),
    ("dice_bce", "weight", 0, 1), ("triplet", "margin", 0, 5), ("softmax_focal", "gamma", 0, 5),
]


@pytest.mark.parametrize(("name", "key", "low", "high"), CONTRACT_RANGES)
def test_parameter_ranges_cover_the_contract(name, key, low, high):
    spec = losses.loss_class(name).param_specs[key]
    assert spec.min <= low and spec.max >= high
    losses.get(name, **{key: low})
    losses.get(name, **{key: high})


def test_unknown_loss_lists_the_choices():
    with pytest.raises(ValueError, match=r"unknown loss 'hubber'.*huber"):
        losses.get("hubber")
    with pytest.raises(ValueError, match="unknown loss"):
        losses.get(None)


@pytest.mark.parametrize(("value", "shown"), [(12.0, "12"), (-1.0, "-1"), (float("nan"), "nan"), (float("inf"), "inf")])
def test_out_of_range_parameter_names_itself_and_its_bounds(value, shown):
    with pytest.raises(ValueError, match=re.escape(f"delta must be in [0.05, 10]; got {shown}")):
        losses.get("huber", delta=value)


@pytest.mark.parametrize("value", ["1.0", None, True, [1.0], 1 + 2j])
def test_wrong_parameter_type_is_a_value_error(value):
    with pytest.raises(ValueError, match=r"delta must be a number in \[0.05, 10\]"):
        losses.get("huber", delta=value)


def test_numpy_scalars_are_accepted():
    assert losses.get("huber", delta=np.float32(0.5)).params == {"delta": 0.5}
    assert losses.get("focal", gamma=np.int64(3)).params["gamma"] == 3.0


def test_unknown_keyword_names_the_accepted_ones():
    with pytest.raises(ValueError, match=r"unknown parameter\(s\) sigma; it accepts delta"):
        losses.get("huber", sigma=1.0)
    with pytest.raises(ValueError, match="it accepts no parameters"):
        losses.get("mse", delta=1.0)


def test_flags_and_weight_vectors_are_checked():
    with pytest.raises(ValueError, match="from_logits must be True or False"):
        losses.get("bce", from_logits="yes")
    with pytest.raises(ValueError, match="class_weight must hold finite weights"):
        losses.get("cce", class_weight=[1.0, -2.0])
    with pytest.raises(ValueError, match="class_weight must be a non-empty 1-D sequence"):
        losses.get("cce", class_weight=[[1.0]])
    with pytest.raises(ValueError, match="class_weight has 2 entries but y_pred has 3 classes"):
        losses.get("cce", class_weight=[1.0, 2.0]).forward([0, 1], np.full((2, 3), 1 / 3))
    with pytest.raises(ValueError, match="alpha has 3 entries but y_pred has 2 classes"):
        losses.get("softmax_focal", alpha=[1, 1, 1]).forward([0, 1], np.full((2, 2), 0.5))


@pytest.mark.parametrize("name", losses.names())
def test_nan_input_is_refused(name):
    loss = losses.get(name)
    if name == "triplet":
        with pytest.raises(ValueError, match="NaN"):
            loss.forward([[0.0, np.nan]], [[0.0, 1.0]], [[1.0, 0.0]])
        return
    task = loss.task
    y_true, y_pred = {
        "regression": ([0.0, 1.0], [np.nan, 1.0]),
        "segmentation": (np.zeros((2, 2)), np.array([[0.5, np.nan], [0.1, 0.2]])),
        "distribution": ([[0.5, 0.5]], [[np.nan, 0.5]]),
    }.get(task, ([0.0, 1.0], [0.5, np.nan]))
    if name in ("cce", "softmax_focal", "poly1"):
        y_true, y_pred = [0, 1], [[0.5, 0.5], [np.nan, 0.5]]
    with pytest.raises(ValueError, match="NaN"):
        loss.forward(y_true, y_pred)
    with pytest.raises(ValueError, match="NaN"):
        loss.backward(y_true, y_pred)


def test_infinite_regression_input_is_refused():
    with pytest.raises(ValueError, match="y_true contains infinite values"):
        losses.get("mse").forward([np.inf, 0.0], [0.0, 0.0])


def test_huge_but_finite_regression_input_is_accepted():
    big = np.array([1.5e308, 1.5e308])  # their sum overflows; the values do not
    assert np.isfinite(losses.get("mae").backward(big, big)).all()


@pytest.mark.parametrize("name", ["mse", "huber", "bce", "hinge", "kl", "dice"])
def test_broadcastable_shapes_are_a_mismatch(name):
    with pytest.raises(ValueError, match=r"shape mismatch: y_true has shape \(5, 1\), y_pred has shape \(5, 3\)"):
        losses.get(name).forward(np.zeros((5, 1)), np.full((5, 3), 0.5))


def test_empty_input_is_refused():
    with pytest.raises(ValueError, match="empty"):
        losses.get("mse").forward([], [])


def test_non_numeric_input_is_a_value_error():
    with pytest.raises(ValueError, match="y_pred must be an array of real numbers"):
        losses.get("mse").forward([1.0], ["a"])


@pytest.mark.parametrize("name", ["bce", "focal", "dice", "jaccard", "tversky", "dice_bce"])
def test_probabilities_outside_the_unit_interval_are_refused(name):
    shape = (2, 2)
    with pytest.raises(ValueError, match=r"y_pred must hold probabilities in \[0, 1\]; found values in \[0, 1.5\]"):
        losses.get(name).forward(np.zeros(shape), np.array([[0.0, 1.5], [0.2, 0.3]]))
    losses.get(name, from_logits=True).forward(np.zeros(shape), np.array([[0.0, 1.5], [0.2, -3.0]]))


@pytest.mark.parametrize("name", ["bce", "focal", "dice", "dice_bce"])
def test_labels_outside_zero_one_are_refused(name):
    with pytest.raises(ValueError, match=r"y_true must hold labels 0 or 1; found \[0.5\]"):
        losses.get(name).forward(np.array([[0.0, 0.5], [1.0, 1.0]]), np.full((2, 2), 0.5))


def test_hinge_labels():
    hinge = losses.get("hinge")
    assert hinge.forward([0, 1], [0.0, 0.0]) == hinge.forward([-1, 1], [0.0, 0.0]) == 1.0
    with pytest.raises(ValueError, match=r"labels in \{0, 1\} or in \{-1, 1\}"):
        hinge.forward([-1, 0, 1], [0.0, 0.0, 0.0])
    with pytest.raises(ValueError, match="labels 0 or 1"):
        hinge.forward([2, 1], [0.0, 0.0])


def test_class_index_targets_are_checked():
    cce = losses.get("cce", from_logits=True)
    logits = np.zeros((2, 3))
    with pytest.raises(ValueError, match=r"class indices must lie in \[0, 2\]; found values in \[0, 3\]"):
        cce.forward([0, 3], logits)
    with pytest.raises(ValueError, match="whole numbers"):
        cce.forward([0.5, 1.0], logits)
    with pytest.raises(ValueError, match=r"y_true must be \(n,\) class indices"):
        cce.forward([0, 1, 2], logits)
    with pytest.raises(ValueError, match=r"y_pred must have shape \(n, C\)"):
        cce.forward([0], [0.3])
    with pytest.raises(ValueError, match="one-hot"):
        losses.get("poly1").forward([[0.5, 0.5], [1.0, 0.0]], np.full((2, 2), 0.5))


def test_segmentation_shapes_are_checked():
    with pytest.raises(ValueError, match=r"\(H, W\) or \(N, H, W\)"):
        losses.get("dice").forward(np.zeros(4), np.zeros(4))


def test_triplet_shapes_are_checked():
    triplet = losses.get("triplet")
    with pytest.raises(ValueError, match="anchor, positive and negative must have the same shape"):
        triplet.forward(np.zeros((2, 3)), np.zeros((2, 3)), np.zeros((2, 2)))


def test_combine_is_validated():
    mse = losses.get("mse")
    with pytest.raises(ValueError, match="at least one"):
        losses.combine([])
    with pytest.raises(ValueError, match="finite numbers"):
        losses.combine([(float("nan"), mse)])
    with pytest.raises(ValueError, match="Loss instances"):
        losses.combine([(1.0, "mse")])
    with pytest.raises(ValueError, match="cannot mix embedding"):
        losses.combine([(1.0, mse), (1.0, losses.get("triplet"))])
