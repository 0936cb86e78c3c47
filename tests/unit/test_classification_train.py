"""Linear classifiers trained with each method: accuracy, imbalance, agreement with torch."""

import numpy as np
import pytest
import torch

from lossviz import metrics
from lossviz.datasets import classification_data
from lossviz.models import (
    BINARY_METHODS,
    MULTICLASS_METHODS,
    balancing_pos_weight,
    objective,
    report_rows,
    scores,
    train_classifier,
)
from lossviz.training import NO_VALUE

DEFAULT_PARAMS = {"weighted_bce": {"pos_weight": 1.0}, "focal": {"alpha": 0.25, "gamma": 2.0},
                  "smoothed_bce": {"label_smoothing": 0.1}, "softmax_focal": {"gamma": 2.0}, "poly1": {"epsilon": 1.0}}


@pytest.mark.parametrize("method", BINARY_METHODS)
def test_on_balanced_separable_data_every_binary_method_is_accurate(method):
    data = classification_data(n=1000, imbalance=1, separation=5.0, seed=2)
    history = train_classifier(objective(method, DEFAULT_PARAMS.get(method, {})), data, epochs=200)
    assert metrics.binary_report(data.y_val, scores(history, data.x_val))["accuracy"] > 0.97
    assert history.val_values.shape == history.values.shape == (201,)


@pytest.mark.parametrize("method", MULTICLASS_METHODS)
def test_on_balanced_separable_data_every_multiclass_method_is_accurate(method):
    data = classification_data(n=1500, imbalance=1, separation=5.0, classes=3, seed=2)
    history = train_classifier(objective(method, DEFAULT_PARAMS.get(method, {}), data.y), data, epochs=200)
    predicted = scores(history, data.x_val).argmax(axis=1)
    assert np.mean(predicted == data.y_val) > 0.95


@pytest.mark.parametrize("seed", range(4))
def test_at_1_to_100_weighted_bce_finds_more_of_the_minority_than_bce(seed):
    data = classification_data(n=6000, imbalance=100, separation=2.0, seed=seed)
    plain = train_classifier(objective("bce", {}), data, epochs=300)
    weighted = train_classifier(objective("weighted_bce", {"pos_weight": balancing_pos_weight(data.y)}), data,
                                epochs=300)
    recall = {name: metrics.binary_report(data.y_val, scores(history, data.x_val))["recall"]
              for name, history in (("bce", plain), ("weighted", weighted))}
    assert recall["weighted"] > recall["bce"] + 0.3, recall


def test_balancing_pos_weight_is_negatives_per_positive():
    assert balancing_pos_weight(np.array([0, 0, 0, 1])) == 3.0


def test_logistic_training_matches_torch_with_adam():
    data = classification_data(n=400, imbalance=5, seed=1)
    history = train_classifier(objective("weighted_bce", {"pos_weight": 3.0}), data, optimizer="adam", lr=0.05,
                               epochs=30)
    features = torch.tensor(np.hstack([data.x, np.ones((len(data.y), 1))]))
    labels = torch.tensor(data.y, dtype=torch.float64)
    theta = torch.zeros(3, dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.Adam([theta], lr=0.05)
    criterion = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor(3.0, dtype=torch.float64))
    for epoch in range(30):
        optimizer.zero_grad()
        loss = criterion(features @ theta, labels)
        np.testing.assert_allclose(history.values[epoch], loss.item(), rtol=1e-12)
        loss.backward()
        optimizer.step()
    np.testing.assert_allclose(history.params[-1], theta.detach().numpy(), rtol=1e-10)


def test_smoothed_bce_is_bce_with_soft_targets():
    data = classification_data(n=300, imbalance=2, seed=0)
    history = train_classifier(objective("smoothed_bce", {"label_smoothing": 0.2}), data, epochs=20)
    z = scores(history, data.x, epoch=5)
    soft = data.y * 0.8 + 0.1
    expected = np.mean(np.logaddexp(0, z) - soft * z)
    assert history.values[5] == pytest.approx(expected, rel=1e-12)


def test_weighted_cce_weighs_classes_by_inverse_frequency():
    labels = np.array([0, 0, 0, 0, 1, 1, 2, 2])
    goal = objective("weighted_cce", {}, labels)
    np.testing.assert_allclose(goal.loss.class_weight, [8 / 12, 8 / 6, 8 / 6])


@pytest.mark.parametrize(("call", "message"), [
    (lambda: objective("svm", {}), "unknown method 'svm'"),
    (lambda: objective("bce", {"gamma": 2.0}), "bce has no parameter"),
    (lambda: objective("focal", {"gamma": 9.0}), r"gamma must be in \[0, 5\]"),
])
def test_bad_methods_and_parameters_are_refused(call, message):
    with pytest.raises(ValueError, match=message):
        call()


@pytest.mark.parametrize("method", BINARY_METHODS + MULTICLASS_METHODS)
def test_the_validation_loss_of_every_epoch_is_that_epochs_model_on_the_validation_split(method, monkeypatch):
    classes = 2 if method in BINARY_METHODS else 3
    data = classification_data(n=600, imbalance=3, classes=classes, seed=4)
    goal = objective(method, DEFAULT_PARAMS.get(method, {}), data.y)
    labels = data.y_val.astype(np.float64) if classes == 2 else data.y_val
    monkeypatch.setattr("lossviz.models.SCORES_PER_CHUNK", 1000)  # several chunks, the last one short
    history = train_classifier(goal, data, epochs=30)
    one_by_one = [goal.value_and_gradient(labels, scores(history, data.x_val, epoch))[0] for epoch in range(31)]
    np.testing.assert_allclose(history.val_values, one_by_one, rtol=1e-12, atol=1e-15)


def test_the_report_gives_a_calibration_error_only_for_scores_that_are_probabilities():
    data = classification_data(n=400, imbalance=3, separation=2.0, seed=0)
    histories = [train_classifier(objective(method, {}, data.y), data, epochs=30) for method in ("bce", "hinge")]
    bce, hinge = report_rows(data, histories)
    assert 0.0 <= bce["calibration_error"] < 0.2 and hinge["calibration_error"] == NO_VALUE
    assert list(bce) == list(hinge)  # a table's rows share their keys
