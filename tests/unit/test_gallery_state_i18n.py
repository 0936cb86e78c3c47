"""The gallery's curves, its URL state, the code snippets and the UI strings."""

import importlib.util

import numpy as np
import pytest
import torch

from lossviz import losses, snippets
from lossviz.curves import (
    DEFAULT_LOSSES,
    POINTS,
    TASK_AXES,
    TASK_LOSSES,
    curves_csv,
    loss_curve,
    loss_curves,
    registry_name,
    supports,
)
from lossviz.i18n import strings, translate
from lossviz.labs.gallery.schema import GALLERY
from lossviz.labs.regression.schema import REGRESSION
from tests.unit.cases import EXTRA_SETTINGS, inputs

ENGLISH = strings("en")
KOREAN = strings("ko")

VIEWS = [(task, axis, name) for task, names in TASK_LOSSES.items() for axis in TASK_AXES[task]
         for name in names if supports(name, axis)]


@pytest.mark.parametrize(("task", "axis", "name"), VIEWS, ids=["-".join(view) for view in VIEWS])
def test_every_curve_of_every_view_is_finite(task, axis, name):
    for curve in loss_curves(task, axis, name, {}):
        assert np.all(np.isfinite(curve.value)) and np.all(np.isfinite(curve.slope))


def test_every_registered_loss_is_in_the_gallery():
    shown = {registry_name(entry) for names in TASK_LOSSES.values() for entry in names}
    assert sorted(shown) == losses.names()


def test_curves_csv_has_a_column_per_loss_and_a_row_per_point():
    curves = [loss_curve("regression", "residual", name, {}) for name in ("mse", "huber")]
    rows = curves_csv(curves, "residual").splitlines()
    assert rows[0] == "residual,mse,mse_slope,huber,huber_slope"
    assert len(rows) == POINTS + 1
    with_settings = curves_csv(curves, "residual", {"task": "regression", "huber.delta": "1.5"})
    assert with_settings.splitlines()[0] == "# settings: task=regression&huber.delta=1.5"


def test_parse_gallery_round_trips():
    settings = GALLERY.settings({"task": "binary", "losses": ("focal", "bce"), "axis": "logit"},
                                {"focal": {"gamma": 3.5}})
    restored, notices = GALLERY.parse(GALLERY.query(settings))
    assert notices == []
    assert restored.task == "binary" and restored.losses == ("focal", "bce") and restored.axis == "logit"
    assert restored.params_of("focal") == {"alpha": 0.25, "gamma": 3.5}


def test_a_task_without_losses_in_the_url_takes_its_default_losses_and_first_axis():
    settings, notices = GALLERY.parse({"task": "segmentation"})
    assert notices == []
    assert settings.losses == DEFAULT_LOSSES["segmentation"] and settings.axis == "proba"


@pytest.mark.parametrize(("query", "notice"), [
    ({"huber.delta": "1e309"}, "notice.clamped"), ({"huber.delta": "abc"}, "notice.bad_number"),
    ({"loss": "../../etc"}, "notice.unknown_key"), ({"losses": "mse,../../etc"}, "notice.bad_item"),
    ({"task": "x"}, "notice.bad_choice"), ({"huber.delta": "1" * 500}, "notice.too_long"),
    ({"axis": "logit"}, "notice.bad_choice"),
])
def test_parse_gallery_repairs_bad_values_with_a_notice(query, notice):
    settings, notices = GALLERY.parse(query)
    assert [n.key for n in notices] == [notice]
    for name in settings.losses:
        losses.get(name, **settings.params_of(name))  # always valid
    assert all(translate(lang, n.key, **n.values) for n in notices for lang in ("en", "ko"))


def test_ui_strings_exist_in_both_languages():
    assert set(KOREAN) >= set(ENGLISH)
    for name in losses.names():
        assert f"about.{name}" in ENGLISH and f"about.{name}" in KOREAN
        for key in losses.loss_class(name).param_specs:
            assert f"help.{name}.{key}" in KOREAN


CODE_CASES = [(name, setting) for name in losses.names() for setting in (
    [{"from_logits": False}, {"from_logits": True}] if "from_logits" in losses.loss_class(name).flags
    else [{"log_input": True}, {"log_input": False}] if name == "poisson_nll"
    else EXTRA_SETTINGS["gan"] if name == "gan" else [{}])]


@pytest.mark.parametrize(("name", "setting"), CODE_CASES, ids=[f"{n}-{s}" for n, s in CODE_CASES])
def test_snippets_compile_and_the_pytorch_ones_compute_our_loss(name, setting):
    loss = losses.get(name, **setting)
    params = {**loss.params, "pos_weight": 3.0} if name == "bce" else loss.params
    loss = losses.get(name, **{k: v for k, v in params.items() if v is not None})
    code = {framework: snippets.snippet(name, loss.params, framework) for framework in snippets.FRAMEWORKS}
    for text in code.values():
        compile(text, name, "exec")
    if "torchvision" in code["pytorch"] and importlib.util.find_spec("torchvision") is None:
        pytest.skip("torchvision is not installed (PyPI's build does not load beside torch 2.13.0's CPU build); "
                    "the formula is checked against its written-out reference in test_losses_reference")
    cases = inputs(name, setting, np.random.default_rng(0))
    args = max(cases, key=lambda case: np.ndim(case[-1]))  # segmentation snippets take (N, H, W) stacks
    namespace: dict = {}
    lines = code["pytorch"].splitlines()
    exec("\n".join(line for line in lines if not line.startswith("loss = ")), namespace)
    tensors = [torch.as_tensor(a) for a in args]
    if "def " in code["pytorch"]:
        function = namespace[next(line.split("(")[0][4:] for line in lines if line.startswith("def "))]
        # standard snippets take (prediction, target); pair ones (x1, x2, labels); the rest their inputs in order
        ordered = {"standard": tensors[::-1], "pair": [*tensors[1:], tensors[0]]}.get(loss.call_shape, tensors)
        value = function(*ordered)
    else:
        call = next(line for line in lines if line.startswith("loss = "))
        target, prediction = tensors[0], tensors[-1]
        names = {"y_pred": prediction, "y_true": target, "logits": prediction, "proba": prediction,
                 "class_index": target, "p": target, "q": prediction, "log_rate": prediction, "rate": prediction,
                 "counts": target, "log_proba": prediction, "scores": prediction, "torch": torch,
                 "anchor": tensors[0], "positive": tensors[1], "negative": tensors[-1]}
        if loss.call_shape == "pair":
            names.update(labels=tensors[0], x1=tensors[1], x2=tensors[2])
        value = eval(call[len("loss = "):].split("  #")[0], {**namespace, **names})
    assert float(value) == pytest.approx(loss.forward(*args), rel=1e-9)


def test_lab_settings_round_trip_through_the_url():
    settings = REGRESSION.settings({"losses": ("barron", "mse"), "n": 700, "optimizer": "adam", "lr": 0.2},
                                   {"barron": {"alpha": -3.0}})
    restored, notices = REGRESSION.parse(REGRESSION.query(settings))
    assert notices == []
    assert restored.values == settings.values and restored.params_of("barron") == {"alpha": -3.0, "scale": 1.0}
    assert "huber.delta" not in REGRESSION.query(settings)  # parameters of chosen losses only


@pytest.mark.parametrize(("query", "notice"), [
    ({"n": "12.5"}, "notice.clamped"), ({"n": "50.5"}, "notice.rounded"), ({"optimizer": "sgd"}, "notice.bad_choice"),
    ({"losses": "mse,nope"}, "notice.bad_item"), ({"huber.delta": "x"}, "notice.bad_number"),
    ({"whatever": "1"}, "notice.unknown_key"), ({"seed": "9" * 500}, "notice.too_long"),
])
def test_parse_lab_repairs_bad_values_with_a_notice(query, notice):
    settings, notices = REGRESSION.parse(query)
    assert notice in [item.key for item in notices]
    assert settings.n in range(20, 5001) and settings.optimizer in ("gd", "momentum", "nag", "adam")
