"""Compute time of the regression lab's training: every regression loss, full batch, from zero.

Reports, per optimizer, the total for all six losses (the lab's worst case) as the median of
several repeats, and each loss's share.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_training.py [--points 1000 --epochs 500 --repeats 7]
"""

import argparse
import statistics
import time

from lossviz import losses
from lossviz.data import regression_data
from lossviz.optim import OPTIMIZERS
from lossviz.train import train_linear


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--points", type=int, default=1000)
    parser.add_argument("--epochs", type=int, default=500)
    parser.add_argument("--repeats", type=int, default=7)
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


if __name__ == "__main__":
    main()
