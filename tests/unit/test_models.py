"""The MLP trains on LossViz's loss math through the bridge exactly as on torch's own losses."""

import subprocess
import sys

import numpy as np
import pytest

from lossviz.datasets import classification_data
from lossviz.labs.classification.charts import probability_map_figure
from lossviz.models import BINARY_METHODS, GRID_POINTS, objective, train_mlp

PARAMS = {"weighted_bce": {"pos_weight": 4.0}, "focal": {"alpha": 0.25, "gamma": 2.0},
          "smoothed_bce": {"label_smoothing": 0.1}}


@pytest.mark.parametrize("method", BINARY_METHODS)
def test_bridge_and_torch_reference_train_the_same_network(method):
    data = classification_data(n=400, imbalance=4, seed=1)
    goal = objective(method, PARAMS.get(method, {}))
    bridged = train_mlp(goal, data, epochs=20, seed=3, bridge=True)
    native = train_mlp(goal, data, epochs=20, seed=3, bridge=False)
    np.testing.assert_allclose(bridged.values, native.values, rtol=1e-10, atol=1e-14)
    np.testing.assert_allclose(bridged.val_scores, native.val_scores, rtol=1e-9, atol=1e-12)
    assert bridged.values[-1] < bridged.values[0]


def test_progress_is_reported_and_returning_false_stops_training():
    data = classification_data(n=400, seed=1)
    seen = []

    def progress(epoch, partial):
        seen.append((epoch, len(partial().values), partial().stopped))
        return epoch < 40

    run = train_mlp(objective("bce", {}), data, epochs=200, report_every=20, on_progress=progress)
    assert seen == [(20, 20, True), (40, 40, True)]
    assert run.stopped and len(run.values) == 40 and len(run.val_values) == 40
    assert run.grid_scores.shape == (GRID_POINTS, GRID_POINTS) and np.all(np.isfinite(run.grid_scores))


def test_an_mlp_separates_balanced_blobs():
    data = classification_data(n=600, imbalance=1, separation=4.0, seed=0)
    run = train_mlp(objective("bce", {}), data, epochs=200)
    assert np.mean((run.val_scores >= 0) == data.y_val) > 0.95


def test_refuses_multiclass_methods_and_bad_sizes():
    data = classification_data(n=400)
    with pytest.raises(ValueError, match="binary methods"):
        train_mlp(objective("cce", {}), data)
    with pytest.raises(ValueError, match=r"hidden must be in \[4, 64\]"):
        train_mlp(objective("bce", {}), data, hidden=1000)


def test_importing_models_does_not_import_torch():
    code = "import sys, lossviz.models; assert 'torch' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_the_probability_map_shades_the_whole_plot_around_every_point():
    data = classification_data(n=300, seed=2)
    run = train_mlp(objective("bce", {}), data, epochs=20)
    points = np.concatenate([data.x, data.x_val])
    assert run.grid_x[0] < points[:, 0].min() and points[:, 0].max() < run.grid_x[-1]
    assert run.grid_y[0] < points[:, 1].min() and points[:, 1].max() < run.grid_y[-1]
    labels = {key: key for key in ("x", "y", "majority", "minority", "boundary")}
    layout = probability_map_figure(run, data, labels=labels, revision="r").layout
    # axes on the map's extent: autorange pads for the markers and leaves strips unshaded
    assert tuple(layout.xaxis.range) == (run.grid_x[0], run.grid_x[-1])
    assert tuple(layout.yaxis.range) == (run.grid_y[0], run.grid_y[-1])
