"""Time the landscape's work per slider move: two loss surfaces and four optimizer paths on each.

For each pair of losses: the grid of GRID x GRID lines over the data (capped at SURFACE_POINTS
points) for both losses, plus the four optimizers' paths of 300 steps on both, computed as a data
slider move recomputes them (nothing cached); and the size of the figure sent to the browser, its
animation frames included. Also the training monitor's polynomial run at its defaults.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_landscape.py [--repeats 7] [--grid 61] [--points 500]
"""

import argparse
import json

from benchmarks.timing import median_ms
from lossviz import losses, optim
from lossviz.charts.theme import frames_of, plain
from lossviz.datasets import regression_data
from lossviz.labs.landscape.charts import surface_figure
from lossviz.labs.landscape.monitor import curve_data, train_polynomial
from lossviz.labs.landscape.surface import GRID, SURFACE_POINTS, paths, subsample, surface, surface_data, window

PAIRS = [("mse", "mae"), ("mse", "huber"), ("huber", "log_cosh"), ("log_cosh", "barron")]
LABELS = {key: key for key in ("slope", "intercept", "loss", "truth", "start", "lowest", "epoch", "play", "pause",
                               "diverged")} | {"optimizers": {name: name for name in optim.OPTIMIZERS}}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--grid", type=int, default=GRID)
    parser.add_argument("--points", type=int, default=SURFACE_POINTS)
    args = parser.parse_args()
    data = subsample(surface_data(regression_data(n=5000, outlier_fraction=0.1, seed=0), "scaled"),
                     args.points)
    start = (-2.0, 4.0)
    box = window([start, tuple(data.true_params)])
    print(f"{args.grid} x {args.grid} grid on {data.y.size} points, 4 optimizers x 300 steps per loss; medians of "
          f"{args.repeats}")
    print(f"{'losses':<22} {'surfaces':>10} {'paths':>10} {'total':>10} {'figure':>10}")
    for pair in PAIRS:
        configured = [losses.get(name) for name in pair]
        surfaces_ms = median_ms(lambda configured=configured: [surface(loss, data, *box, grid=args.grid)
                                                               for loss in configured], args.repeats)
        paths_ms = median_ms(lambda configured=configured: [paths(loss, data, start, lr=0.05, momentum=0.9,
                                                                  epochs=300) for loss in configured],
                             args.repeats)
        surfaces = [surface(loss, data, *box, grid=args.grid) for loss in configured]
        runs = [paths(loss, data, start, lr=0.05, momentum=0.9, epochs=300) for loss in configured]
        figure = surface_figure(surfaces, runs, truth=data.true_params, start=start,
                                labels={**LABELS, "titles": list(pair)}, revision="bench")
        size = len(figure.to_json()) + len(json.dumps(plain(frames_of(figure))))  # ui.chart sends both
        print(f"{' + '.join(pair):<22} {surfaces_ms:>8.1f}ms {paths_ms:>8.1f}ms {surfaces_ms + paths_ms:>8.1f}ms "
              f"{size / 1e6:>8.2f}MB")
    curve = curve_data(train_points=25, noise=0.3, seed=0)
    monitor_ms = median_ms(lambda: train_polynomial(curve, degree=15, weight_decay=0.0, optimizer="adam",
                                                    lr=0.01, momentum=0.9, epochs=2000), args.repeats)
    print(f"monitor: degree 15 on 25 points, 2000 Adam epochs with validation: {monitor_ms:.1f}ms")


if __name__ == "__main__":
    main()
