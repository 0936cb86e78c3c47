"""Time the distributions and embeddings labs' work per slider move, with nothing cached.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_labs.py [--repeats 7]
"""

import argparse
import statistics
import time

from lossviz import distributions, embeddings
from lossviz.pages_config import DISTRIBUTIONS, EMBEDDINGS


def median_ms(run, repeats):
    run()  # warm up
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    defaults = DISTRIBUTIONS.defaults()
    target = distributions.mixture(modes=defaults["modes"], separation=defaults["separation"],
                                   first_weight=defaults["first_weight"])
    fit = {"start_mean": defaults["start_mean"], "lr": defaults["lr"], "epochs": defaults["epochs"]}
    print(f"distributions lab, defaults ({defaults['epochs']} Adam steps per fit, medians of {args.repeats}):")
    for kind in distributions.DIVERGENCES:
        took = median_ms(lambda kind=kind: distributions.fit(kind, target, **fit), args.repeats)
        print(f"  one fit by {kind:<8} {took:7.1f} ms")
    print(f"  all three fits      {median_ms(lambda: distributions.fit_all(target, **fit), args.repeats):7.1f} ms")
    settings = EMBEDDINGS.defaults()
    data = embeddings.embedding_data(**{key: settings[key] for key in embeddings.DATA_SPECS})
    training = {"margin": settings["margin"], "lr": settings["lr"], "epochs": settings["epochs"]}
    print(f"embeddings lab, defaults ({settings['epochs']} batches, {data.y.size} training points):")
    for mining in embeddings.MININGS:
        took = median_ms(lambda mining=mining: embeddings.train_embedding(data, mining=mining, **training),
                         args.repeats)
        print(f"  {mining:<12} {took:7.1f} ms")
    took = median_ms(lambda: embeddings.compare_minings(data, **training), max(1, args.repeats // 3))
    print(f"  comparison (3 strategies x {embeddings.COMPARE_SEEDS} runs) {took:7.1f} ms")


if __name__ == "__main__":
    main()
