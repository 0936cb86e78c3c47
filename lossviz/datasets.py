"""Seeded synthetic data sets that several labs share: points around a known line with outliers
(regression, landscape, workbench) and two or more classes with a chosen imbalance
(classification, workbench). The same settings and seed always give the same data."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from lossviz.losses import ParamSpec

# The clean line every regression data set is drawn around (one feature; more features get
# further slopes from TRUE_SLOPES).
TRUE_INTERCEPT = 0.5
TRUE_SLOPES = (1.5, -1.0, 0.8, 2.0, -0.5, 1.2, -1.8, 0.3, 1.0, -0.7)
X_HALF_RANGE = 3.0  # clean features are uniform on [-3, 3]

OUTLIER_KINDS = ("vertical", "leverage")
REGRESSION_SPECS = {
    "n": ParamSpec(default=200, min=20, max=5000, step=10, integer=True, help="Number of points."),
    "noise": ParamSpec(default=0.5, min=0.0, max=3.0, step=0.1,
                       help="Standard deviation of the Gaussian noise around the true line."),
    "outlier_fraction": ParamSpec(default=0.1, min=0.0, max=0.5, step=0.01,
                                  help="Share of the points that are outliers."),
    "outlier_magnitude": ParamSpec(default=5.0, min=1.0, max=20.0, step=0.5,
                                   help="How far outliers lie, in multiples of the clean data's spread."),
    "features": ParamSpec(default=1, min=1, max=len(TRUE_SLOPES), step=1, integer=True,
                          help="Number of input features (the charts show the first)."),
    "seed": ParamSpec(default=0, min=0, max=9999, step=1, integer=True,
                      help="Random seed: the same seed gives the same data."),
}


SEEDS = REGRESSION_SPECS["seed"].max + 1  # every lab's seeds: 0 to 9999


def nth_seed(first: int, index: int) -> int:
    """The `index`-th of consecutive seeds from `first`, wrapping past the last seed back to 0 (from
    the last seed, a sweep reads 9999, 0, 1, ...)."""
    return (int(first) + int(index)) % SEEDS


@dataclass(frozen=True)
class RegressionData:
    """Points (x, y) around a known line y = x @ slopes + intercept, some of them outliers.

    `x` has shape (n, features); `is_outlier` marks the corrupted points.
    """

    x: np.ndarray
    y: np.ndarray
    is_outlier: np.ndarray
    slopes: np.ndarray
    intercept: float

    @property
    def true_params(self) -> np.ndarray:
        """The clean model as (slope_1, ..., slope_d, intercept), the layout of History.params."""
        return np.append(self.slopes, self.intercept)

    def true_line(self, x: np.ndarray) -> np.ndarray:
        """The clean model's prediction for feature rows `x`."""
        return x @ self.slopes + self.intercept


def checked_settings(specs: dict[str, ParamSpec], values: dict) -> dict:
    """`values` checked against `specs` (ValueError naming the setting), with defaults filled in."""
    unknown = sorted(set(values) - set(specs))
    if unknown:
        raise ValueError(f"unknown setting(s) {', '.join(map(str, unknown))}; expected {', '.join(specs)}")
    return {key: spec.validate(key, values.get(key, spec.default)) for key, spec in specs.items()}


def with_outliers(x: np.ndarray, y: np.ndarray, *, fraction: float, magnitude: float, kind: str, rng,
                  y_spread: float, x_edge: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(x, y, is_outlier) with exactly round(fraction * n) points made outliers of `kind`, one-sided as
    systematic errors usually are: vertical ones jump up by `magnitude` times `y_spread`, leverage
    ones move their first feature beyond `x_edge` by `magnitude` times its spread (y stays right);
    1 + an exponential spread puts a few of them much further out than the rest."""
    if kind not in OUTLIER_KINDS:
        raise ValueError(f"outlier_kind must be one of {', '.join(OUTLIER_KINDS)}; got {str(kind)[:40]!r}")
    x, y, n = x.copy(), y.copy(), y.size
    outliers = rng.choice(n, size=round(fraction * n), replace=False)
    distance = magnitude * (1.0 + rng.exponential(0.5, size=outliers.size))
    if kind == "vertical":
        y[outliers] += distance * y_spread
    else:
        x[outliers, 0] = x_edge + distance * x[:, 0].std()
    is_outlier = np.zeros(n, dtype=bool)
    is_outlier[outliers] = True
    return x, y, is_outlier


def regression_data(*, outlier_kind: str = "vertical", data: str = "synthetic", feature: str = "bmi",
                    **settings) -> RegressionData:
    """Linear data with Gaussian noise and a share of outliers, as they appear in real data.

    Vertical outliers are gross errors in y (a faulty sensor, a typo, a wrong unit): the point
    keeps its x and its y jumps upwards by `outlier_magnitude` times the clean y's spread, more
    for some points than others. Leverage points are errors in x: y is right but the recorded
    first feature lies beyond the clean range by `outlier_magnitude` times its spread; such a
    point pulls hard on the slope (with_outliers).

    Settings (see REGRESSION_SPECS): n, noise, outlier_fraction, outlier_magnitude, features,
    seed; outlier_kind is "vertical" or "leverage". With data="diabetes", the bundled diabetes
    data on `feature` instead (bundled.diabetes): n, noise and features are then its own.
    """
    s = checked_settings(REGRESSION_SPECS, settings)
    if data != "synthetic":
        if data != "diabetes":
            raise ValueError(f"data must be synthetic or diabetes; got {str(data)[:40]!r}")
        from lossviz import bundled

        return bundled.diabetes(feature=feature, outlier_fraction=s["outlier_fraction"], seed=s["seed"],
                                outlier_magnitude=s["outlier_magnitude"], outlier_kind=outlier_kind)
    n, features = s["n"], s["features"]
    rng = np.random.default_rng(s["seed"])
    slopes = np.array(TRUE_SLOPES[:features])
    x = rng.uniform(-X_HALF_RANGE, X_HALF_RANGE, size=(n, features))
    clean_y = x @ slopes + TRUE_INTERCEPT
    y = clean_y + rng.normal(0.0, s["noise"], size=n)
    x, y, is_outlier = with_outliers(x, y, fraction=s["outlier_fraction"], magnitude=s["outlier_magnitude"],
                                     kind=outlier_kind, rng=rng, y_spread=float(clean_y.std()), x_edge=X_HALF_RANGE)
    return RegressionData(x=x, y=y, is_outlier=is_outlier, slopes=slopes, intercept=TRUE_INTERCEPT)


# --- Classification -------------------------------------------------------------------------

CLASSIFICATION_SPECS = {
    "n": ParamSpec(default=2000, min=200, max=10_000, step=100, integer=True,
                   help="Number of points, training and validation together."),
    "imbalance": ParamSpec(default=10, min=1, max=1000, step=1, log=True,
                           help="Majority points per minority point (1 is balanced)."),
    "separation": ParamSpec(default=2.0, min=0.0, max=5.0, step=0.1,
                            help="Distance between class centres, in standard deviations: small means overlap."),
    "seed": REGRESSION_SPECS["seed"],
}
VALIDATION_SHARE = 0.3
MIN_PER_SPLIT = 2  # minority points each split needs for recall and PR-AUC to mean anything


@dataclass(frozen=True)
class ClassificationData:
    """2-D points with integer labels, split into training and validation sets (stratified).

    Class 0 is the majority; in the binary case class 1 is the minority ("positive") class.
    """

    x: np.ndarray
    y: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray
    classes: int

    @property
    def size(self) -> int:
        """Points in both splits."""
        return self.y.size + self.y_val.size

    @property
    def val_counts(self) -> np.ndarray:
        """Validation points per class."""
        return np.bincount(self.y_val, minlength=self.classes)


def class_counts(n: int, imbalance: float, classes: int) -> list[int]:
    """Points per class: class k gets 1 / imbalance^(k / (classes - 1)) of class 0's share."""
    weights = np.array([imbalance ** (-k / (classes - 1)) for k in range(classes)])
    counts = np.round(n * weights / weights.sum()).astype(int)
    counts[0] = n - counts[1:].sum()
    return counts.tolist()


def points_needed(imbalance: float, classes: int = 2) -> int:
    """The fewest points that leave the smallest class MIN_PER_SPLIT points in each split at 1:`imbalance`."""
    weights = np.array([imbalance ** (-k / (classes - 1)) for k in range(classes)])
    # the smallest class's count, round(n w_min / sum w), grows with n: start just below the bound
    n = max(1, int((2 * MIN_PER_SPLIT - 0.5) * weights.sum() / weights.min()) - 1)
    while min(class_counts(n, imbalance, classes)) < 2 * MIN_PER_SPLIT:
        n += 1
    return n


def with_enough_points(settings: dict, classes: int = 2) -> dict:
    """`settings` with n raised, within its cap, to what the imbalance needs (points_needed)."""
    needed = points_needed(settings.get("imbalance", CLASSIFICATION_SPECS["imbalance"].default), classes)
    n = settings.get("n", CLASSIFICATION_SPECS["n"].default)
    return {**settings, "n": int(min(max(n, needed), CLASSIFICATION_SPECS["n"].max))}


def classification_data(*, classes: int = 2, data: str = "synthetic", **settings) -> ClassificationData:
    """Gaussian blobs (unit variance) around centres `separation` apart, with imbalanced classes.

    Binary: class 0 around (-s/2, 0) and the minority class 1 around (s/2, 0), one minority
    point per `imbalance` majority points. Three or more classes sit on a circle, their sizes
    falling geometrically from the majority down to 1/imbalance of it. Each class is split
    VALIDATION_SHARE / rest into validation and training data, so both keep the ratio.

    Settings (see CLASSIFICATION_SPECS): n, imbalance, separation, seed. With data="breast_cancer"
    (two classes) or "wine" (three), the bundled data at that imbalance and seed instead
    (bundled.classes_of): n and separation are then its own.
    """
    if data != "synthetic":
        from lossviz import bundled

        s = checked_settings(CLASSIFICATION_SPECS, settings)
        wanted = {"breast_cancer": 2, "wine": 3}.get(data)
        if wanted != classes:
            raise ValueError(f"data must be synthetic, breast_cancer (2 classes) or wine (3 classes) for {classes} "
                             f"classes; got {str(data)[:40]!r}")
        return bundled.classes_of(data, imbalance=s["imbalance"], seed=s["seed"])
    if classes not in (2, 3, 4, 5):
        raise ValueError(f"classes must be 2, 3, 4 or 5; got {str(classes)[:20]}")
    s = checked_settings(CLASSIFICATION_SPECS, settings)
    counts = class_counts(s["n"], s["imbalance"], classes)
    smallest = min(counts)
    if smallest < 2 * MIN_PER_SPLIT:
        raise ValueError(f"imbalance 1:{s['imbalance']:g} leaves {smallest} minority point(s) among n={s['n']}; "
                         f"use more points or a smaller ratio (each split needs {MIN_PER_SPLIT})")
    rng = np.random.default_rng(s["seed"])
    if classes == 2:
        centres = np.array([[-0.5, 0.0], [0.5, 0.0]]) * s["separation"]
    else:
        angles = 2 * np.pi * np.arange(classes) / classes
        # chord between neighbours = separation
        radius = s["separation"] / (2 * np.sin(np.pi / classes))
        centres = radius * np.stack([np.cos(angles), np.sin(angles)], axis=1)
    points = [centre + rng.normal(size=(count, 2)) for count, centre in zip(counts, centres, strict=True)]
    return split_classes(points, lambda count: max(MIN_PER_SPLIT, round(VALIDATION_SHARE * count)), rng)


def split_classes(points: list[np.ndarray], held_out: Callable[[int], int], rng) -> ClassificationData:
    """Each class's points (class k's at `points[k]`) split: the first `held_out(count)` for validation,
    the rest for training, whose order `rng` shuffles. Both splits keep the classes' shares."""
    parts = {"train": ([], []), "val": ([], [])}
    for label, chunk in enumerate(points):
        cut = held_out(len(chunk))
        for split, part in (("val", chunk[:cut]), ("train", chunk[cut:])):
            parts[split][0].append(part)
            parts[split][1].append(np.full(len(part), label))
    (x, y), (x_val, y_val) = ((np.concatenate(xs), np.concatenate(ys)) for xs, ys in parts.values())
    order = rng.permutation(len(y))
    return ClassificationData(x=x[order], y=y[order], x_val=x_val, y_val=y_val, classes=len(points))


REGRESSION_DATA_KEYS = ("n", "noise", "outlier_fraction", "outlier_magnitude", "seed", "outlier_kind")


@lru_cache(maxsize=64)
def regression_set(data: tuple) -> RegressionData:
    """regression_data of the settings `data` ((key, value) pairs, as Settings.group gives them)."""
    return regression_data(**dict(data))


@lru_cache(maxsize=32)
def classification_set(data: tuple, classes: int) -> ClassificationData:
    """The data set of these settings, with n raised as far as the imbalance needs (points_needed)."""
    return classification_data(classes=classes, **with_enough_points(dict(data), classes))
