"""The segmentation lab: the data hit the requested foreground, the per-pixel model's gradient
matches torch autograd, the metrics agree with scikit-learn, and the foreground sweep's verdicts."""

import numpy as np
import pytest
import torch
from sklearn.metrics import f1_score, jaccard_score, precision_score, recall_score

from lossviz.labs.segmentation.data import SEGMENTATION_SPECS, segmentation_data
from lossviz.labs.segmentation.train import (
    METHODS,
    PIXEL_CAP,
    capped_images,
    features,
    foreground_sweep,
    mask_report,
    method_loss,
    object_recall,
    probabilities,
    sweep_rows,
    sweep_size,
    train_masks,
)
from lossviz.labs.segmentation.verdicts import sweep_sentences
from lossviz.torch_bridge import reference_forward
from lossviz.training import SeedTable


@pytest.mark.parametrize(("fraction", "size"), [(0.3, 48), (0.05, 48), (0.01, 96), (0.002, 128)])
def test_one_object_covers_the_requested_share_of_the_pixels(fraction, size):
    data = segmentation_data(fraction=fraction, objects=1, noise=0.5, size=size, images=8, seed=3)
    assert data.masks.mean() == pytest.approx(fraction, rel=0.15)
    assert set(np.unique(data.object_ids)) == {0, 1}


def test_several_objects_put_most_of_the_foreground_in_the_first():
    data = segmentation_data(fraction=0.05, objects=4, noise=0.5, size=64, images=4, seed=0)
    areas = [np.count_nonzero(data.object_ids == number) for number in range(1, 5)]
    assert areas[0] > 2 * max(areas[1:])
    assert data.val_images.shape == (4, 64, 64)


def test_the_data_are_validated_and_reproducible():
    first = segmentation_data(fraction=0.02, objects=2, noise=0.8, size=32, images=3, seed=5)
    second = segmentation_data(fraction=0.02, objects=2, noise=0.8, size=32, images=3, seed=5)
    np.testing.assert_array_equal(first.images, second.images)
    with pytest.raises(ValueError, match="size must be in"):
        segmentation_data(fraction=0.02, objects=2, noise=0.8, size=4096, images=3, seed=5)
    assert SEGMENTATION_SPECS["size"].max * SEGMENTATION_SPECS["size"].max * capped_images(128, 16) \
        <= PIXEL_CAP


@pytest.mark.parametrize("method", list(METHODS))
def test_the_per_pixel_models_gradient_matches_torch_autograd(method):
    data = segmentation_data(fraction=0.05, objects=1, noise=0.8, size=32, images=3, seed=1)
    loss = method_loss(method, {}, data.masks)
    train = features(data.images)
    weights = np.array([0.3, -0.2, 0.5, 0.1, -1.0])
    targets = data.masks if loss.task == "segmentation" else data.masks.reshape(-1)
    logits = train.reshape(-1, 5) @ weights
    value, by_logit = loss.value_and_gradient(targets, logits.reshape(targets.shape))
    ours = train.reshape(-1, 5).T @ by_logit.reshape(-1)
    parameters = torch.tensor(weights, requires_grad=True)
    torch_logits = torch.tensor(train) @ parameters  # the same model, on torch's own loss
    reference_forward(loss.name, loss.params, torch.tensor(targets), torch_logits.reshape(targets.shape)).backward()
    assert value == pytest.approx(reference_forward(loss.name, loss.params, torch.tensor(targets),
                                                    torch_logits.detach().reshape(targets.shape)).item(), rel=1e-10)
    np.testing.assert_allclose(ours, parameters.grad.numpy(), rtol=1e-9, atol=1e-12)


def test_the_metrics_agree_with_scikit_learn():
    rng = np.random.default_rng(0)
    truth = (rng.random((3, 16, 16)) < 0.1).astype(float)
    proba = np.clip(truth * 0.6 + rng.random((3, 16, 16)) * 0.5, 0, 1)
    for threshold in (0.3, 0.5, 0.7):
        report = mask_report(truth, proba, threshold)
        y, predicted = truth.reshape(-1).astype(int), (proba.reshape(-1) >= threshold).astype(int)
        assert report["dice"] == pytest.approx(f1_score(y, predicted))
        assert report["iou"] == pytest.approx(jaccard_score(y, predicted))
        assert report["precision"] == pytest.approx(precision_score(y, predicted, zero_division=0))
        assert report["recall"] == pytest.approx(recall_score(y, predicted))
        assert report["fp"] == int(((predicted == 1) & (y == 0)).sum()) and report["fn"] == int(((predicted == 0)
                                                                                                 & (y == 1)).sum())


def test_dice_keeps_the_object_where_bce_loses_it_at_half_a_percent():
    data = segmentation_data(fraction=0.005, objects=1, noise=0.8, size=96, images=6, seed=0)
    recall = {}
    for method in ("bce", "dice"):
        run = train_masks(data, method, {}, lr=0.1, epochs=100)
        recall[method] = mask_report(data.val_masks, probabilities(
            run, features(data.val_images, run.scale)))["recall"]
    assert recall["dice"] > recall["bce"] + 0.3


def test_raising_tverskys_beta_trades_false_positives_for_false_negatives():
    data = segmentation_data(fraction=0.02, objects=1, noise=1.0, size=48, images=6, seed=2)
    reports = {}
    for beta in (0.2, 0.9):
        run = train_masks(data, "tversky", {"alpha": 1 - beta, "beta": beta}, lr=0.1, epochs=120)
        reports[beta] = mask_report(data.val_masks, probabilities(run, features(data.val_images,
                                                                                run.scale)))
    assert reports[0.9]["fn"] < reports[0.2]["fn"] and reports[0.9]["fp"] > reports[0.2]["fp"]


def test_object_recall_counts_each_object():
    ids = np.zeros((1, 8, 8), dtype=int)
    ids[0, :2, :2], ids[0, 5:, 5:] = 1, 2
    proba = np.zeros((1, 8, 8))
    proba[0, :2, :2] = 0.9
    proba[0, 5, 5] = 0.9
    np.testing.assert_allclose(object_recall(ids, proba), [1.0, 1 / 9])


def test_the_sweep_verdicts_follow_the_per_seed_numbers():
    fractions = (0.3, 0.01)
    recall = {"bce": SeedTable(np.array([[0.9, 0.9, 0.9], [0.1, 0.2, 0.0]])),
              "dice": SeedTable(np.array([[0.9, 0.9, 0.9], [0.8, 0.7, 0.9]]))}
    said = sweep_sentences(fractions, recall, 32)
    assert [(sentence.key, sentence.values["fraction"]) for sentence in said] == [("segmentation.verdict.holds",
                                                                                   "1.0%")]
    assert said[0].values["size"] == sweep_size(0.01, 32) == 64  # the image the sweep grew to at 1 %


def test_the_sweep_judges_dice_bce_and_its_table_names_the_image_sizes_it_trained_on():
    fractions = (0.3, 0.01)
    recall = {"bce": SeedTable(np.array([[0.9, 0.9, 0.9], [0.1, 0.2, 0.0]])),
              "dice_bce": SeedTable(np.array([[0.9, 0.9, 0.9], [0.8, 0.7, 0.9]]))}
    (said,) = sweep_sentences(fractions, recall, 32)
    assert said.values["better"].key == "dice_bce" and said.key == "segmentation.verdict.holds"
    rows = sweep_rows({"size": 48, "images": 40}, fractions)
    assert [(row["fraction"], row["image_size"]) for row in rows] == [("30.0%", "48 × 48"), ("1.0%", "64 × 64")]
    assert rows[1]["object_pixels"] == round(0.01 * 64**2)


def test_a_tiny_sweep_runs_and_fills_every_cell():
    settings = {"fraction": 0.02, "objects": 1, "noise": 0.8, "size": 32, "images": 3, "seed": 0}
    seen = []
    recall = foreground_sweep([("bce", {}), ("dice", {})], settings, lr=0.1, epochs=20, fractions=(0.3, 0.03),
                              seeds=2, on_progress=lambda done, total, fraction: seen.append(done))
    assert seen == [1, 2, 3, 4]
    assert all(table.values.shape == (2, 2) and not np.isnan(table.values).any() for table in recall.values())
