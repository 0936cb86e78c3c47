"""Classification metrics on labels and scores, in numpy.

Binary metrics treat class 1 as the positive (minority) class. A ratio with nothing to count
(precision with no positive predictions, say) is 0, as scikit-learn reports it with
zero_division=0, so no NaN reaches a table or a chart.
"""

from __future__ import annotations

import numpy as np

from lossviz.numerics import sigmoid


def _ratio(numerator: float, denominator: float) -> float:
    return float(numerator / denominator) if denominator else 0.0


def confusion_matrix(y_true, y_pred, classes: int = 2) -> np.ndarray:
    """counts[i, j]: points of true class i predicted as class j."""
    y_true, y_pred = np.asarray(y_true, dtype=np.intp), np.asarray(y_pred, dtype=np.intp)
    return np.bincount(y_true * classes + y_pred, minlength=classes * classes).reshape(classes, classes)


def binary_report(y_true, scores, threshold: float = 0.0) -> dict[str, float]:
    """Accuracy, minority (class 1) recall, precision, F1 and PR-AUC of scores thresholded at `threshold`,
    and the calibration error of sigmoid(scores) (meaningful for logits only, not for margins).

    Scores are logits or margins: predicted positive when score >= threshold (0 is p = 0.5).
    """
    y_true, scores = np.asarray(y_true, dtype=np.intp), np.asarray(scores, dtype=np.float64)
    predicted = (scores >= threshold).astype(np.intp)
    (tn, fp), (fn, tp) = confusion_matrix(y_true, predicted)
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    return {
        "accuracy": _ratio(tp + tn, y_true.size),
        "recall": recall,
        "precision": precision,
        "f1": _ratio(2 * precision * recall, precision + recall),
        "pr_auc": average_precision(y_true, scores),
        "calibration_error": calibration_error(y_true, sigmoid(scores)),
        "tn": int(tn), "fp": int(fp), "fn": int(fn), "tp": int(tp),
    }


def per_class_recall(y_true, y_pred, classes: int) -> np.ndarray:
    counts = confusion_matrix(y_true, y_pred, classes)
    totals = counts.sum(axis=1)
    return np.divide(np.diag(counts), totals, out=np.zeros(classes), where=totals > 0)


def average_precision(y_true, scores) -> float:
    """Area under the precision-recall curve as average precision: sum over thresholds of
    (R_k - R_{k-1}) P_k, with tied scores as one threshold (scikit-learn's definition).

    It equals the positives' share for scores with no skill, 1 for a perfect ranking.
    """
    y_true = np.asarray(y_true, dtype=np.intp)
    scores = np.asarray(scores, dtype=np.float64)
    positives = int(y_true.sum())
    if positives == 0:
        return 0.0
    order = np.argsort(-scores, kind="stable")
    ranked_scores, ranked_labels = scores[order], y_true[order]
    last_of_tie = np.r_[np.flatnonzero(np.diff(ranked_scores)), ranked_scores.size - 1]
    true_positives = np.cumsum(ranked_labels)[last_of_tie]
    predicted = last_of_tie + 1
    precision = true_positives / predicted
    recall = true_positives / positives
    return float(np.sum(np.diff(recall, prepend=0.0) * precision))


CALIBRATION_BINS = 10


def calibration_error(y_true, probabilities, bins: int = CALIBRATION_BINS) -> float:
    """Expected calibration error: the points' share-weighted gap between the mean predicted
    probability of class 1 and the share of class 1 in each of `bins` equal-width probability bins.

    0 for probabilities that come true as often as they say (70 % forecasts right 70 % of the time);
    a model that always says 1 for a class seen 10 % of the time scores 0.9. No points: 0.
    """
    y_true = np.asarray(y_true, dtype=np.float64)
    probabilities = np.clip(np.asarray(probabilities, dtype=np.float64), 0.0, 1.0)
    if y_true.size == 0:
        return 0.0
    bin_of = np.searchsorted(np.linspace(0.0, 1.0, bins + 1)[1:-1], probabilities)  # scikit-learn's bins
    counts = np.bincount(bin_of, minlength=bins)
    gaps = np.bincount(bin_of, weights=probabilities, minlength=bins) - np.bincount(bin_of, weights=y_true,
                                                                                     minlength=bins)
    return float(np.abs(gaps).sum() / counts.sum())


def multiclass_report(y_true, scores) -> dict:
    """Accuracy and per-class recall of the argmax of `scores` (points, classes)."""
    y_true = np.asarray(y_true, dtype=np.intp)
    classes = np.asarray(scores).shape[1]
    predicted = np.asarray(scores).argmax(axis=1)
    return {"accuracy": _ratio(np.sum(predicted == y_true), y_true.size),
            "recall": per_class_recall(y_true, predicted, classes)}
