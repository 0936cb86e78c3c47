"""The classification lab's runs: linear classifiers per method, where a total loss comes from, the
multi-class results, the imbalance sweep over ratios and seeds, and focal loss's family of curves."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from lossviz import losses
from lossviz.datasets import CLASSIFICATION_SPECS, VALIDATION_SHARE, classification_data, classification_set, nth_seed
from lossviz.labs.classification.charts import points_frames
from lossviz.metrics import binary_report, multiclass_report
from lossviz.models import Objective, gives_probabilities, objective, scores, train_classifier
from lossviz.state import frozen
from lossviz.training import SWEEP_SEEDS, History, SeedTable, sweep_training


def method_params(settings, method: str) -> tuple:
    """The parameters of classification `method` as a cache key; weighted BCE in auto mode balances
    the classes (its weight comes from the training labels)."""
    if method == "weighted_bce" and settings.weighting == "auto":
        return (("pos_weight", None),)
    return settings.params_key(method)


def method_goal(method: str, params: tuple, data: tuple, classes: int) -> Objective:
    """The Objective of `method`, its automatic weights taken from the training labels."""
    return objective(method, dict(params), classification_set(data, classes).y)


def classifier(data: tuple, classes: int, method: str, params: tuple, training: tuple) -> History:
    """One method's linear classifier, per (data, method, parameters, training)."""
    return train_classifier(method_goal(method, params, data, classes), classification_set(data, classes),
                            **dict(training))


CONFIDENCE_BINS = ("0–0.25", "0.25–0.5", "0.5–0.75", "0.75–1")  # of p_t, as confidence_shares's edges cut it


def focal_shares(data: tuple, training: tuple, focal: tuple) -> dict[str, np.ndarray]:
    """confidence_shares of BCE and of focal loss (parameters `focal`) for the training points as a
    BCE-trained model scores them, per hashable settings."""
    reference, points = classifier(data, 2, "bce", (), training), classification_set(data, 2)
    return confidence_shares([objective("bce", {}), objective("focal", dict(focal))], points.y,
                             scores(reference, points.x))


def share_rows(shares: dict[str, np.ndarray]) -> list[dict]:
    """A row per loss of its shares by p_t bin, in percent as the lab's table shows them."""
    return [{"method": method, **{("share_in", name): f"{share:.0%}" for name, share in zip(CONFIDENCE_BINS, values,
                                                                                              strict=True)}}
            for method, values in shares.items()]


def confidence_shares(goals: list[Objective], labels: np.ndarray, scores: np.ndarray,
                      edges=(0.0, 0.25, 0.5, 0.75, 1.0)) -> dict[str, np.ndarray]:
    """Each binary goal's share of its total loss from the points in each p_t bin.

    p_t is the probability the model gives the true class (from the logit `scores`): points with
    p_t near 1 are easy, near 0 badly wrong. Focal loss moves the total towards the hard bins.
    """
    labels = np.asarray(labels, dtype=np.float64)
    sign = 2.0 * labels - 1.0
    with np.errstate(over="ignore"):
        p_t = 1.0 / (1.0 + np.exp(-sign * scores))
    bins = np.clip(np.digitize(p_t, edges[1:-1]), 0, len(edges) - 2)
    shares = {}
    for goal in goals:
        per_point = goal.elementwise(labels, scores)
        totals = np.bincount(bins, weights=per_point, minlength=len(edges) - 1)
        shares[goal.method] = totals / totals.sum() if totals.sum() > 0 else totals
    return shares


def multiclass_results(data, histories: list[History]) -> tuple[dict[str, np.ndarray], list[dict]]:
    """Each softmax classifier's per-class validation recall ({method: recalls}) and its table rows
    (method, accuracy, and ("class_recall", label) per class)."""
    recalls, rows = {}, []
    for history in histories:
        report = multiclass_report(data.y_val, scores(history, data.x_val))
        recalls[history.loss] = report["recall"]
        rows.append({"method": history.loss, "accuracy": report["accuracy"],
                     **{("class_recall", label): float(value) for label, value in enumerate(report["recall"])}})
    return recalls, rows


IMBALANCE_RATIOS = (1, 3, 10, 30, 100, 300, 1000)
IMBALANCE_SWEEP_VARIES = ("n", "imbalance")  # data settings the sweep sets itself
SWEEP_POINTS = 5000
SWEEP_VALIDATION_MINORITY = 30  # validation minority samples a sweep point aims for, within the n cap


def sweep_points(ratio: float) -> int:
    """The data size of a sweep point at 1:`ratio`: SWEEP_POINTS, or more so that the validation
    split keeps SWEEP_VALIDATION_MINORITY minority samples, up to the data sets' cap on n."""
    needed = math.ceil(SWEEP_VALIDATION_MINORITY / VALIDATION_SHARE * (ratio + 1))
    return int(min(CLASSIFICATION_SPECS["n"].max, max(SWEEP_POINTS, needed)))


@dataclass(frozen=True)
class ImbalanceSweep:
    """Minority recall and PR-AUC on the validation split of each method, and the calibration error
    of each method that gives probabilities (gives_probabilities), per imbalance ratio and seed
    (SeedTables), with the data size and validation minority count behind each ratio."""

    ratios: tuple[int, ...]
    seeds: int
    recall: dict[str, SeedTable]
    pr_auc: dict[str, SeedTable]
    points: tuple[int, ...]
    validation_minority: tuple[int, ...]
    calibration: dict[str, SeedTable]
    params: dict[str, dict] = field(default_factory=dict)  # each method's parameters (focal's alpha, …)

    def count_rows(self) -> list[dict]:
        """What each ratio's numbers rest on: the data size and the validation minority samples per seed."""
        return [{"ratio": f"1:{ratio:g}", "points": points, "validation_minority": minority}
                for ratio, points, minority in zip(self.ratios, self.points, self.validation_minority, strict=True)]


def imbalance_sweep(methods: list[tuple[str, dict]], data_settings: dict, training: dict,
                    ratios=IMBALANCE_RATIOS, seeds: int = SWEEP_SEEDS, on_progress=None) -> ImbalanceSweep:
    """Train every (method, params) at each imbalance ratio and seed (sweep_points(ratio) samples).

    `on_progress(done, total, ratio, seed)` is called before each data set's runs."""
    recall = {method: np.zeros((len(ratios), seeds)) for method, _ in methods}
    pr_auc = {method: np.zeros((len(ratios), seeds)) for method, _ in methods}
    calibration = {method: np.zeros((len(ratios), seeds)) for method, _ in methods if gives_probabilities(method)}
    first_seed, training = data_settings.get("seed", 0), sweep_training(training)
    minority, points = [], []
    for row, ratio in enumerate(ratios):
        for seed in range(seeds):
            if on_progress is not None:
                on_progress(row * seeds + seed, len(ratios) * seeds, ratio, seed)
            data = classification_data(**{**data_settings, "n": sweep_points(ratio), "imbalance": ratio,
                                          "seed": nth_seed(first_seed, seed)})
            for method, params in methods:
                history = train_classifier(objective(method, params, data.y), data, **training)
                report = binary_report(data.y_val, scores(history, data.x_val))
                recall[method][row, seed] = report["recall"]
                pr_auc[method][row, seed] = report["pr_auc"]
                if method in calibration:
                    calibration[method][row, seed] = report["calibration_error"]
        minority.append(int(data.y_val.sum()))
        points.append(data.size)
    return ImbalanceSweep(tuple(ratios), seeds, {method: SeedTable(values) for method, values in recall.items()},
                          {method: SeedTable(values) for method, values in pr_auc.items()},
                          tuple(points), tuple(minority),
                          {method: SeedTable(values) for method, values in calibration.items()},
                          {method: dict(params) for method, params in methods})


def imbalance_sweep_key(settings) -> tuple:
    """The arguments of imbalance_sweep_of for the lab's `settings`: its chosen methods, the data
    settings the sweep does not set itself, its training."""
    return (tuple((method, method_params(settings, method)) for method in settings.methods),
            settings.group("data", without=IMBALANCE_SWEEP_VARIES), settings.group("training"))


def imbalance_sweep_of(methods: tuple, data: tuple, training: tuple, on_progress=None) -> ImbalanceSweep:
    """imbalance_sweep of `methods` ((method, params) pairs), per hashable settings."""
    return imbalance_sweep([(method, dict(params)) for method, params in methods], dict(data), dict(training),
                           on_progress=on_progress)


FOCAL_GAMMAS = (0.0, 0.5, 1.0, 2.0, 5.0)  # the curves of the focal-loss paper's first figure


def focal_family(gammas, points: int = 200) -> tuple[np.ndarray, dict[float, tuple[np.ndarray, np.ndarray]]]:
    """p_t and, for each gamma, the focal loss of one example (alpha off) and its weight (1 - p_t)^gamma.

    gamma = 0 is cross-entropy; Lin et al. 2017, figure 1.
    """
    p_t = np.linspace(0.005, 1.0, points)
    curves = {}
    for gamma in gammas:
        loss = losses.get("focal", alpha=-1.0, gamma=float(gamma))
        curves[float(gamma)] = (loss.elementwise(np.ones(points), p_t), np.power(1.0 - p_t, gamma))
    return p_t, curves


def data_preview(data: tuple, classes: int, setting: str, stops: tuple, names: tuple, note: str) -> list[dict]:
    """The boundary chart's frames along the data setting `setting` (the others as `data` holds them):
    the data set at each of `stops` (charts.points_frames), per hashable arguments."""
    return points_frames([classification_set(frozen(dict(data) | {setting: stop}), classes) for stop in stops],
                         names, note)


def lab_set(settings, classes: int, compute):
    """The lab's data set of `classes` classes, as the page draws it and a lesson reads it; `compute`:
    the page's cache or a plain call."""
    return compute(classification_set, settings.group("data"), classes, entries=32)


def classifiers(settings, methods, classes: int, compute) -> list[History]:
    """The linear model of each of `methods` on the lab's data; `compute`: the page's cache or a plain call."""
    return [compute(classifier, settings.group("data"), classes, method, method_params(settings, method),
                    settings.group("training"), entries=256) for method in methods]
