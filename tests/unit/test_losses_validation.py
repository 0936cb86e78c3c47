"""Bad parameters and bad input raise ValueError with a message that names the problem."""

import re

import numpy as np
import pytest

from lossviz import losses
from lossviz.losses import ParamSpec


def test_names_are_sorted_and_filtered_by_task():
    everything = losses.names()
    assert everything == sorted(everything) and len(everything) == 36
    assert losses.names(task="regression") == ["barron", "gaussian_nll", "huber", "log_cosh", "mae", "mse",
                                               "poisson_nll", "quantile", "smooth_l1"]
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
    ("smooth_l1", "beta", 0.05, 5), ("gaussian_nll", "var", 0.01, 10), ("multi_margin", "margin", 0, 5),
    ("focal_tversky", "alpha", 0, 1), ("focal_tversky", "beta", 0, 1), ("focal_tversky", "gamma", 0.5, 3),
    ("focal_tversky", "smooth", 0, 10), ("contrastive", "margin", 0, 5), ("cosine_embedding", "margin", -1, 1),
    ("info_nce", "temperature", 0.01, 1), ("margin_ranking", "margin", 0, 5),
]


CONTRACT_DEFAULTS = {
    "smooth_l1": {"beta": 1.0}, "poisson_nll": {"log_input": True}, "gaussian_nll": {"var": 1.0},
    "giou": {}, "diou": {}, "nll": {"class_weight": None}, "multi_margin": {"margin": 1.0}, "soft_margin": {},
    "squared_hinge": {}, "multilabel_soft_margin": {},
    "focal_tversky": {"alpha": 0.5, "beta": 0.5, "gamma": 1.0, "smooth": 1.0, "from_logits": False},
    "js": {}, "contrastive": {"margin": 1.0}, "cosine_embedding": {"margin": 0.0}, "info_nce": {"temperature": 0.1},
    "margin_ranking": {"margin": 0.0}, "bpr": {}, "gan": {"player": "discriminator", "objective": "non_saturating"},
}
CONTRACT_TASKS = {"detection": ["diou", "giou"], "ranking": ["bpr", "margin_ranking"], "generative": ["gan"]}
CALL_SHAPES = {"contrastive": "pair", "cosine_embedding": "pair", "margin_ranking": "pair", "info_nce": "two_input",
               "bpr": "two_input", "gan": "two_input", "triplet": "triplet"}


@pytest.mark.parametrize("name", sorted(CONTRACT_DEFAULTS))
def test_breadth_losses_have_the_contract_defaults(name):
    assert losses.get(name).params == CONTRACT_DEFAULTS[name]


def test_new_tasks_and_call_shapes():
    for task, names in CONTRACT_TASKS.items():
        assert losses.names(task=task) == names
    for name in losses.names():
        assert losses.get(name).call_shape == CALL_SHAPES.get(name, "standard")


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


NAN_INPUTS = {
    "triplet": ([[0.0, np.nan]], [[0.0, 1.0]], [[1.0, 0.0]]),
    "contrastive": ([1.0], [[0.0, np.nan]], [[0.0, 1.0]]),
    "cosine_embedding": ([1.0], [[0.0, 1.0]], [[np.nan, 1.0]]),
    "info_nce": ([[0.0, np.nan]], [[0.0, 1.0]]),
    "margin_ranking": ([1.0, 0.0], [0.5, np.nan], [0.0, 0.0]),
    "bpr": ([0.5, np.nan], [0.0, 0.0]),
    "gan": ([0.5, 1.0], [np.nan, 0.0]),
    "giou": ([[0.0, 0.0, 1.0, 1.0]], [[0.0, np.nan, 1.0, 1.0]]),
    "diou": ([[0.0, 0.0, 1.0, 1.0]], [[0.0, np.nan, 1.0, 1.0]]),
    "multilabel_soft_margin": ([[0.0, 1.0]], [[0.5, np.nan]]),
    "nll": ([0, 1], [[-0.5, -0.5], [np.nan, -0.5]]),
    "multi_margin": ([0, 1], [[0.5, 0.5], [np.nan, 0.5]]),
}


@pytest.mark.parametrize("name", losses.names())
def test_nan_input_is_refused(name):
    loss = losses.get(name)
    if name in NAN_INPUTS:
        for method in (loss.forward, loss.backward):
            with pytest.raises(ValueError, match="NaN"):
                method(*NAN_INPUTS[name])
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
    with pytest.raises(ValueError, match=r"same inputs; mse takes forward\(y_true, y_pred\); triplet takes"):
        losses.combine([(1.0, mse), (1.0, losses.get("triplet"))])
    pair = losses.combine([(1.0, losses.get("contrastive")), (0.5, losses.get("cosine_embedding"))])
    assert pair.call_shape == "pair"


def test_boxes_are_checked():
    giou = losses.get("giou")
    with pytest.raises(ValueError, match=r"y_pred box 1 has x2 < x1 \(0 < 2\)"):
        giou.forward([[0, 0, 1, 1], [0, 0, 1, 1]], [[0, 0, 1, 1], [2, 0, 0, 1]])
    with pytest.raises(ValueError, match=r"y_true box 0 has y2 < y1"):
        losses.get("diou").backward([[0, 3, 1, 1]], [[0, 0, 1, 1]])
    with pytest.raises(ValueError, match=r"boxes must have shape \(4,\) or \(n, 4\)"):
        giou.forward([[0, 0, 1]], [[0, 0, 1]])
    with pytest.raises(ValueError, match="shape mismatch"):
        giou.forward([[0, 0, 1, 1]], [[0, 0, 1, 1], [0, 0, 1, 1]])


@pytest.mark.parametrize("name", ["nll", "multi_margin"])
def test_class_indices_out_of_range_are_refused(name):
    with pytest.raises(ValueError, match=r"class indices must lie in \[0, 2\]; found values in \[-1, 1\]"):
        losses.get(name).forward([1, -1], np.full((2, 3), -1.0))


@pytest.mark.parametrize(("name", "args"), [
    ("soft_margin", ([2.0, 1.0], [0.0, 0.0])),
    ("squared_hinge", ([0.5, 1.0], [0.0, 0.0])),
    ("multilabel_soft_margin", ([[0.0, 2.0]], [[0.0, 0.0]])),
    ("contrastive", ([-1.0], [[0.0, 1.0]], [[1.0, 0.0]])),
    ("cosine_embedding", ([0.5], [[0.0, 1.0]], [[1.0, 0.0]])),
    ("margin_ranking", ([2.0], [0.0], [1.0])),
])
def test_labels_outside_the_allowed_set_are_refused(name, args):
    with pytest.raises(ValueError, match="labels"):
        losses.get(name).forward(*args)


@pytest.mark.parametrize(("name", "args", "message"), [
    ("contrastive", ([1.0, 0.0], np.zeros((2, 3)), np.zeros((2, 2))), r"x1 has shape \(2, 3\), x2 has shape \(2, 2\)"),
    ("contrastive", ([1.0], np.zeros((2, 3)), np.zeros((2, 3))), r"one label per pair \(2\)"),
    ("cosine_embedding", ([1.0, 0.0], np.zeros((2, 3)), np.zeros(3)), "shape mismatch"),
    ("margin_ranking", ([1.0, 0.0], [0.0, 1.0], [0.0]), r"x1 has shape \(2,\), x2 has shape \(1,\)"),
    ("info_nce", (np.zeros((3, 2)), np.zeros((2, 2))), "anchor has shape"),
    ("bpr", ([0.0, 1.0], [0.0]), "positive has shape"),
    ("gan", ([0.0, 1.0], [[0.0, 1.0]]), "real_logits has shape"),
])
def test_mismatched_pair_shapes_are_refused(name, args, message):
    with pytest.raises(ValueError, match=message):
        losses.get(name).forward(*args)


def test_gan_choices_are_checked():
    with pytest.raises(ValueError, match="player must be one of discriminator, generator; got 'critic'"):
        losses.get("gan", player="critic")
    with pytest.raises(ValueError, match="objective must be one of non_saturating, minimax, hinge, wasserstein"):
        losses.get("gan", objective="least_squares")
    with pytest.raises(ValueError, match="objective must be one of"):
        losses.get("gan", objective=1.0)


def test_poisson_inputs_are_checked():
    with pytest.raises(ValueError, match="y_true must hold counts >= 0; found -1"):
        losses.get("poisson_nll").forward([-1.0, 2.0], [0.0, 0.0])
    with pytest.raises(ValueError, match="log-rates up to 800; exp overflows above 700"):
        losses.get("poisson_nll").forward([1.0], [800.0])
    with pytest.raises(ValueError, match="rates >= 0 when log_input=False"):
        losses.get("poisson_nll", log_input=False).forward([1.0], [-0.5])
