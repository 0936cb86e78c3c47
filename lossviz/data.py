"""Seeded synthetic datasets for the labs.

Every generator takes its settings as keywords, checks each one against its ParamSpec (the same
specs build the sliders and clamp URL values) and returns a frozen dataclass of float64 arrays.
The same settings and seed always give the same data.
"""

from __future__ import annotations

from dataclasses import dataclass

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

    def true_line(self, x: np.ndarray) -> np.ndarray:
        """The clean model's prediction for feature rows `x`."""
        return x @ self.slopes + self.intercept


def checked_settings(specs: dict[str, ParamSpec], values: dict) -> dict:
    """`values` checked against `specs` (ValueError naming the setting), with defaults filled in."""
    unknown = sorted(set(values) - set(specs))
    if unknown:
        raise ValueError(f"unknown setting(s) {', '.join(map(str, unknown))}; expected {', '.join(specs)}")
    return {key: spec.validate(key, values.get(key, spec.default)) for key, spec in specs.items()}


def regression_data(*, outlier_kind: str = "vertical", **settings) -> RegressionData:
    """Linear data with Gaussian noise and a share of outliers, as they appear in real data.

    Vertical outliers are gross errors in y (a faulty sensor, a typo, a wrong unit): the point
    keeps its x and its y jumps upwards by `outlier_magnitude` times the clean y's spread, more
    for some points than others. Leverage points are errors in x: y is right but the recorded
    first feature lies beyond the clean range by `outlier_magnitude` times its spread; such a
    point pulls hard on the slope. Both kinds are one-sided, as systematic errors usually are,
    and hit a random subset of exactly round(outlier_fraction * n) points.

    Settings (see REGRESSION_SPECS): n, noise, outlier_fraction, outlier_magnitude, features,
    seed; outlier_kind is "vertical" or "leverage".
    """
    if outlier_kind not in OUTLIER_KINDS:
        raise ValueError(f"outlier_kind must be one of {', '.join(OUTLIER_KINDS)}; got {str(outlier_kind)[:40]!r}")
    s = checked_settings(REGRESSION_SPECS, settings)
    n, features = s["n"], s["features"]
    rng = np.random.default_rng(s["seed"])
    slopes = np.array(TRUE_SLOPES[:features])
    x = rng.uniform(-X_HALF_RANGE, X_HALF_RANGE, size=(n, features))
    clean_y = x @ slopes + TRUE_INTERCEPT
    y = clean_y + rng.normal(0.0, s["noise"], size=n)

    outliers = rng.choice(n, size=round(s["outlier_fraction"] * n), replace=False)
    # 1 + an exponential spread: a few outliers lie much further out than the rest
    distance = s["outlier_magnitude"] * (1.0 + rng.exponential(0.5, size=outliers.size))
    if outlier_kind == "vertical":
        y[outliers] += distance * clean_y.std()
    else:
        x[outliers, 0] = X_HALF_RANGE + distance * x[:, 0].std()
    is_outlier = np.zeros(n, dtype=bool)
    is_outlier[outliers] = True
    return RegressionData(x=x, y=y, is_outlier=is_outlier, slopes=slopes, intercept=TRUE_INTERCEPT)
