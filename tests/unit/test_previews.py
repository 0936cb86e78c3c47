"""A dragged slider's previews: what each lab shows at a stop before the release trains there is
cheap and true (the data at that value, the models as trained before the drag)."""

import base64

import numpy as np

from lossviz import losses, models
from lossviz.datasets import REGRESSION_SPECS, regression_data
from lossviz.labs.distributions import fit as divergences
from lossviz.labs.landscape import surface
from lossviz.labs.landscape.schema import LANDSCAPE
from lossviz.labs.regression import drag
from lossviz.labs.segmentation import train as segmentation
from lossviz.labs.segmentation.schema import SEGMENTATION
from lossviz.state import frozen


def _array(value):
    data = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
    return data.reshape([int(side) for side in value["shape"].split(",")]) if "shape" in value else data


def _defaults(specs, without=()) -> tuple:
    return frozen({key: spec.default for key, spec in specs.items() if key not in without})


def test_a_regression_preview_shows_the_data_at_each_stop_and_leaves_the_lines_alone():
    data = _defaults(REGRESSION_SPECS, without=("outlier_fraction",))
    frames = drag.data_preview(data, "outlier_fraction", (0.0, 0.3), ("a", "b"), "note", "none", ())
    assert [frame["uids"] for frame in frames] == [["points", "outliers", "truth"]] * 2
    expected = regression_data(**dict(data), outlier_fraction=0.3)
    assert np.allclose(_array(frames[1]["data"][1]["y"]), expected.y[expected.is_outlier], atol=1e-5)
    assert frames[0]["layout"] == frames[1]["layout"]  # one set of axes: each step moves the points alone


def test_a_loss_parameters_preview_sizes_each_point_by_its_pull_at_that_value():
    data = _defaults(REGRESSION_SPECS)
    frames = drag.pull_preview(data, "huber", (("delta", 1.0),), "delta", (0.2, 3.0), ("a", "b"), "note")
    points = regression_data(**dict(data))
    for frame, delta in zip(frames, (0.2, 3.0), strict=True):
        pulls = models.influence(losses.get("huber", delta=delta), points, points.true_params)
        shown = np.concatenate([_array(frame["data"][0]["marker.size"]), _array(frame["data"][1]["marker.size"])])
        expected = np.concatenate([pulls[~points.is_outlier], pulls[points.is_outlier]])
        assert np.argmax(shown) == np.argmax(expected)  # sized by the pull under Huber at that δ
    outliers = [_array(frame["data"][1]["marker.size"]).mean() for frame in frames]
    assert outliers[0] < outliers[1]  # a larger δ lets the outliers pull harder


def test_a_segmentation_preview_is_the_models_forward_pass_on_that_values_image():
    settings = {key: spec.default for key, spec in SEGMENTATION.numbers.items()}
    data = frozen({key: settings[key] for key in SEGMENTATION.groups["data"] if key in settings})
    run = segmentation.mask_run(data, "bce", (), (("epochs", 30), ("lr", 0.1)))
    frames = segmentation.forward_preview(frozen(dict(data)), "noise", (0.0, 1.5), segmentation.trained_models([run]),
                                          (("bce", ()),), 0, ("a", "b"), "note")
    noisy = segmentation.segmentation_set(frozen(dict(data) | {"noise": 1.5}))
    image_features = segmentation.features(noisy.val_images[:1], run.scale)[0]
    expected = segmentation.probabilities(run, image_features)[::segmentation.PREVIEW_STEP, ::segmentation.PREVIEW_STEP]
    shown = _array(frames[1]["data"][2]["z"]) / 255  # the image, its mask, then the model's probabilities
    assert shown.dtype == np.float64 and np.abs(shown - expected).max() <= 0.5 / 255 + 1e-9
    assert frames[1]["data"][2]["zmin"] == 0 and frames[1]["data"][2]["zmax"] == 255


def test_a_landscape_preview_holds_each_stops_surfaces_and_hides_the_paths():
    data = frozen({key: LANDSCAPE.numbers[key].default if key in LANDSCAPE.numbers else LANDSCAPE.choices[key][1]
                   for key in LANDSCAPE.groups["data"] if key != "outlier_fraction"})
    frames = surface.surface_preview(data, "outlier_fraction", (0.0,), (("mse", ()),), (0.0, 0.0), 4, ("a",), "n")
    values = _array(frames[0]["data"][0]["customdata"])
    assert values.shape == (surface.PREVIEW_GRID, surface.PREVIEW_GRID)
    points = surface.surface_set(frozen(dict(data) | {"outlier_fraction": 0.0}))
    box = surface.window([(0.0, 0.0), tuple(points.true_params)])
    exact = surface.surface(losses.get("mse"), points, *box, grid=surface.PREVIEW_GRID)
    assert np.allclose(values, exact.values, rtol=1e-6)
    assert all(path == {"x": [], "y": []} for path in frames[0]["data"][3:])


def test_a_distributions_preview_is_the_target_at_each_stop():
    target = frozen({"modes": 2, "first_weight": 0.5})
    frames = divergences.target_preview(target, "separation", (0.0, 5.0), ("a", "b"), "note", 0.05)
    for frame, separation in zip(frames, (0.0, 5.0), strict=True):
        expected = divergences.mixture(modes=2, separation=separation, first_weight=0.5)
        assert np.allclose(_array(frame["data"][0]["y"]), expected, atol=1e-7)
    assert frames[0]["layout"]["yaxis.range"][1] >= 0.05  # the fits' peak stays in view
