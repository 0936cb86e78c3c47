"""Compute time of the labs' training, full batch, from zero; medians of several repeats.

- Regression lab: every regression loss (six), per optimizer, total and per loss.
- Classification lab: logistic regression with BCE, weighted BCE, focal and hinge (validation
  loss included, as the lab computes it), total and per method.
- The torch MLP trained through the bridge (LossViz's numpy loss) against the same MLP on
  torch's reference loss: time per epoch and their ratio, per method.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_training.py [--points 1000 --epochs 500 --repeats 7]
"""

import argparse
import statistics
import time

from lossviz import losses
from lossviz.datasets import classification_data, regression_data
from lossviz.models import balancing_pos_weight, objective, train_classifier, train_linear, train_mlp
from lossviz.optim import OPTIMIZERS

CLASSIFIER_METHODS = ("bce", "weighted_bce", "focal", "hinge")


def median_ms(run, repeats):
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def classification(args):
    data = classification_data(n=args.classifier_points, imbalance=100, seed=0)
    goals = {"bce": objective("bce", {}), "focal": objective("focal", {"alpha": 0.25, "gamma": 2.0}),
             "weighted_bce": objective("weighted_bce", {"pos_weight": balancing_pos_weight(data.y)}),
             "hinge": objective("hinge", {})}
    times = {method: median_ms(lambda goal=goals[method]: train_classifier(goal, data, epochs=300), args.repeats)
             for method in CLASSIFIER_METHODS}
    print(f"\nlogistic regression, {len(times)} methods x 300 epochs x {args.classifier_points} points "
          f"(train + validation), Adam, median of {args.repeats} runs")
    print(f"{'total':>9}   " + "  ".join(f"{method:>12}" for method in times))
    print(f"{sum(times.values()):>7.1f}ms   " + "  ".join(f"{value:>10.1f}ms" for value in times.values()))

    mlp_data = classification_data(n=3000, imbalance=10, seed=0)
    print(f"\nMLP (2x{args.hidden} tanh), {args.mlp_epochs} epochs on {mlp_data.y.size} training points, "
          f"Adam: time per epoch, median of {args.repeats} runs")
    print(f"{'method':<14} {'bridge':>10} {'torch':>10} {'ratio':>7}")
    for method in CLASSIFIER_METHODS:
        goal = objective(method, {"pos_weight": 10.0} if method == "weighted_bce" else
                         {"alpha": 0.25, "gamma": 2.0} if method == "focal" else {})
        for bridge in (True, False):  # warm-up
            train_mlp(goal, mlp_data, hidden=args.hidden, epochs=20, bridge=bridge)
        times = {True: [], False: []}
        for repeat in range(args.repeats):  # interleaved, in turns, so a slow spell of the machine hits both
            for bridge in (True, False) if repeat % 2 == 0 else (False, True):
                started = time.perf_counter()
                train_mlp(goal, mlp_data, hidden=args.hidden, epochs=args.mlp_epochs, bridge=bridge)
                times[bridge].append((time.perf_counter() - started) * 1000)
        per_epoch = {bridge: statistics.median(runs) / args.mlp_epochs for bridge, runs in times.items()}
        print(f"{method:<14} {per_epoch[True]:>8.2f}ms {per_epoch[False]:>8.2f}ms "
              f"{per_epoch[True] / per_epoch[False]:>7.2f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--points", type=int, default=1000)
    parser.add_argument("--epochs", type=int, default=500)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--classifier-points", type=int, default=5000)
    parser.add_argument("--hidden", type=int, default=16)
    parser.add_argument("--mlp-epochs", type=int, default=100)
    args = parser.parse_args()
    data = regression_data(n=args.points, outlier_fraction=0.1)
    regression_losses = [losses.get(name) for name in losses.names("regression")]
    print(f"{len(regression_losses)} losses x {args.epochs} epochs x {args.points} points, full batch, "
          f"median of {args.repeats} runs")
    print(f"{'optimizer':<10} {'total':>9}   " + "  ".join(f"{loss.name:>9}" for loss in regression_losses))
    times = {(optimizer, loss.name): [] for optimizer in OPTIMIZERS for loss in regression_losses}
    for _ in range(args.repeats):  # optimizers interleaved, so a slow spell of the machine hits all alike
        for optimizer in OPTIMIZERS:
            for loss in regression_losses:
                started = time.perf_counter()
                train_linear(loss, data, optimizer=optimizer, lr=0.01, epochs=args.epochs)
                times[optimizer, loss.name].append((time.perf_counter() - started) * 1000)
    for optimizer in OPTIMIZERS:
        runs = [times[optimizer, loss.name] for loss in regression_losses]
        totals = [sum(run[repeat] for run in runs) for repeat in range(args.repeats)]
        cells = "  ".join(f"{statistics.median(run):>7.1f}ms" for run in runs)
        print(f"{optimizer:<10} {statistics.median(totals):>7.1f}ms   {cells}")
    classification(args)


if __name__ == "__main__":
    main()
