"""Real data sets that ship inside scikit-learn's wheel: nothing is downloaded, and scikit-learn is
imported only when one of them is asked for (it costs about 1.5 s, off the first page load).

Each loader returns the same data classes as the synthetic generators (datasets.py), so the labs,
their sweeps and their verdicts run on them with the same rules:

- diabetes (442 patients): one standardised feature against the standardised disease progression,
  with the lab's outliers injected as into synthetic data. Real data has no true line: the
  reference line is the least-squares fit on the data before the outliers were injected.
- breast cancer (357 benign, 212 malignant): two standardised measurements, malignant as the
  minority class 1, subsampled to max(1, round(357 / ratio)) malignant rows.
- wine (71, 59, 48 wines of three cultivars, largest first): two standardised measurements, class k
  subsampled to at most max(1, round(71 / ratio^(k / 2))) rows, as the synthetic classes fall
  geometrically.
"""

from __future__ import annotations

from functools import cache

import numpy as np

from lossviz.datasets import VALIDATION_SHARE, RegressionData, split_classes, with_outliers

SOURCES = {"regression": ("synthetic", "diabetes"), "binary": ("synthetic", "breast_cancer"),
           "multiclass": ("synthetic", "wine")}
DIABETES_FEATURES = ("bmi", "bp", "s5", "age")  # body-mass index, blood pressure, serum triglycerides, age
BREAST_CANCER_FEATURES = ("worst radius", "worst texture")
WINE_FEATURES = ("alcohol", "flavanoids")


@cache
def _table(name: str) -> tuple[np.ndarray, np.ndarray, tuple[str, ...]]:
    """(features, target, feature names) of a scikit-learn bundled data set, read once per process."""
    from sklearn import datasets  # only a lab on real data pays for the import

    loaded = {"diabetes": lambda: datasets.load_diabetes(scaled=False), "breast_cancer": datasets.load_breast_cancer,
              "wine": datasets.load_wine}[name]()
    return (np.asarray(loaded.data, dtype=np.float64), np.asarray(loaded.target),
            tuple(str(feature) for feature in loaded.feature_names))


def standardised(values: np.ndarray) -> np.ndarray:
    """Zero mean and unit standard deviation per column."""
    return (values - values.mean(axis=0)) / values.std(axis=0)


def columns(name: str, wanted) -> np.ndarray:
    """The standardised columns `wanted` (feature names) of data set `name`."""
    features, _, names = _table(name)
    unknown = [feature for feature in wanted if feature not in names]
    if unknown:
        raise ValueError(f"{name} has no feature {unknown[0]!r}; choose one of {', '.join(names)}")
    return standardised(features[:, [names.index(feature) for feature in wanted]])


def diabetes(*, feature: str, outlier_fraction: float, outlier_magnitude: float, outlier_kind: str, seed: int):
    """The diabetes data on one standardised `feature`, with the lab's outliers injected (datasets.with_outliers)."""
    if feature not in DIABETES_FEATURES:
        raise ValueError(f"feature must be one of {', '.join(DIABETES_FEATURES)}; got {str(feature)[:40]!r}")
    x = columns("diabetes", (feature,))
    y = standardised(_table("diabetes")[1].astype(np.float64))
    design = np.column_stack([x[:, 0], np.ones(y.size)])
    slope, intercept = np.linalg.lstsq(design, y, rcond=None)[0]  # the reference line, before any outlier
    rng = np.random.default_rng(seed)
    x, y, is_outlier = with_outliers(x, y, fraction=outlier_fraction, magnitude=outlier_magnitude, kind=outlier_kind,
                                     rng=rng, y_spread=float(y.std()), x_edge=float(x[:, 0].max()))
    return RegressionData(x=x, y=y, is_outlier=is_outlier, slopes=np.array([slope]), intercept=float(intercept))


def wanted_rows(first: int, classes: int, imbalance: float) -> list[int]:
    """Rows per class that 1:`imbalance` asks for: the first class's `first`, class k
    max(1, round(first / imbalance^(k / (classes - 1))))."""
    return [first] + [max(1, round(first / imbalance ** (k / (classes - 1)))) for k in range(1, classes)]


def class_rows(sizes: tuple[int, ...], imbalance: float) -> list[int]:
    """Rows kept per class at 1:`imbalance`: wanted_rows, never more than a class has."""
    return [min(size, wanted) for size, wanted in zip(sizes, wanted_rows(sizes[0], len(sizes), imbalance), strict=True)]


def _labelled(name: str) -> tuple[np.ndarray, np.ndarray]:
    """(standardised 2-D points, labels by class size: 0 the largest) of a classification data set.
    Breast cancer: 0 benign, 1 malignant (scikit-learn has them the other way round)."""
    _, target, _ = _table(name)
    rank = np.empty(target.max() + 1, dtype=np.intp)
    rank[np.argsort(-np.bincount(target), kind="stable")] = np.arange(rank.size)
    return columns(name, BREAST_CANCER_FEATURES if name == "breast_cancer" else WINE_FEATURES), rank[target]


def classes_of(name: str, *, imbalance: float, seed: int):
    """The data set `name` ("breast_cancer" or "wine") at 1:`imbalance`, subsampled with `seed` (class_rows),
    each class split into training and validation (VALIDATION_SHARE, at least one training row)."""
    if name not in ("breast_cancer", "wine"):
        raise ValueError(f"unknown data set {str(name)[:40]!r}; choose breast_cancer or wine")
    points, labels = _labelled(name)
    rng = np.random.default_rng(seed)
    kept = [points[rng.permutation(np.flatnonzero(labels == label))[:count]]
            for label, count in enumerate(class_rows(sizes(name), imbalance))]
    return split_classes(kept, lambda count: min(count - 1, max(1, round(VALIDATION_SHARE * count))), rng)


def counts_at(name: str, imbalance: float) -> tuple[list[int], bool]:
    """The rows per class data set `name` keeps at 1:`imbalance` (class_rows), and whether a class is
    short: the data holds fewer rows than that ratio asks of it, so the ratio is less extreme."""
    available = sizes(name)
    return class_rows(available, imbalance), any(size < wanted for size, wanted in
                                                 zip(available, wanted_rows(available[0], len(available), imbalance),
                                                     strict=True))


def rows(name: str) -> int:
    """The number of rows of a bundled data set."""
    return int(_table(name)[1].size)


def sizes(name: str) -> tuple[int, ...]:
    """Rows per class (majority first) of a classification data set, as the lab labels them."""
    _, labels = _labelled(name)
    return tuple(int(count) for count in np.bincount(labels))
