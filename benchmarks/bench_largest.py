"""The labs' work at their largest settings (the caps of their schemas), timed on this machine.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_largest.py

Prints the seconds of: one classification slider move (five methods, the largest data and
epochs), the imbalance sweep at those settings, and the outlier sweep with six losses at the
largest data and epochs. The sweeps run their SWEEP_SEEDS data sets with at most SWEEP_MAX_EPOCHS.
"""

import time

from lossviz import losses
from lossviz.datasets import classification_data
from lossviz.labs.classification.schema import CLASSIFICATION
from lossviz.labs.classification.train import imbalance_sweep
from lossviz.labs.regression.schema import REGRESSION
from lossviz.labs.regression.train import outlier_sweep
from lossviz.models import BINARY_METHODS, LINE_LOSSES, objective, train_classifier


def seconds(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def main():
    n, epochs = CLASSIFICATION.numbers["n"].max, CLASSIFICATION.numbers["epochs"].max
    training = {"optimizer": "adam", "lr": 0.05, "epochs": epochs}
    data = classification_data(n=n, imbalance=10, seed=0)

    def classify():
        for method in BINARY_METHODS:
            train_classifier(objective(method, {"pos_weight": None} if method == "weighted_bce" else {}, data.y), data,
                             **training)

    methods = [("bce", {}), ("weighted_bce", {}), ("focal", {"alpha": 0.75, "gamma": 2.0}), ("hinge", {})]
    regression = {"n": REGRESSION.numbers["n"].max, "seed": 0}
    regression_training = {"optimizer": "nag", "lr": 0.01, "epochs": REGRESSION.numbers["epochs"].max}
    print(f"classification, {len(BINARY_METHODS)} methods, n={n}, {epochs} epochs: {seconds(classify):.2f} s")
    print(f"imbalance sweep, {len(methods)} methods, {epochs} epochs asked: "
          f"{seconds(lambda: imbalance_sweep(methods, {'separation': 2.0}, training)):.2f} s")
    lines = [losses.get(name) for name in LINE_LOSSES]
    sweep_seconds = seconds(lambda: outlier_sweep(lines, regression, regression_training))
    print(f"outlier sweep, {len(lines)} losses, n={regression['n']}, {regression_training['epochs']} epochs asked: "
          f"{sweep_seconds:.2f} s")


if __name__ == "__main__":
    main()
