"""Time the distributions, embeddings and segmentation labs' work per slider move, with nothing
cached, and the size of the segmentation lab's playback maps.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_labs.py [--repeats 7]
"""

import argparse
import json

from benchmarks.timing import median_ms
from lossviz.charts.theme import frames_of, plain
from lossviz.labs.distributions.fit import DIVERGENCES, fit, fit_all, mixture
from lossviz.labs.distributions.schema import DISTRIBUTIONS
from lossviz.labs.embeddings.schema import EMBEDDINGS
from lossviz.labs.embeddings.train import (
    COMPARE_SEEDS,
    DATA_SPECS,
    MININGS,
    compare_minings,
    embedding_data,
    train_embedding,
)
from lossviz.labs.segmentation.charts import mask_figure
from lossviz.labs.segmentation.data import segmentation_data
from lossviz.labs.segmentation.schema import SEGMENTATION
from lossviz.labs.segmentation.train import METHODS, capped_images, map_frames, train_masks


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    defaults = DISTRIBUTIONS.defaults()
    target = mixture(modes=defaults["modes"], separation=defaults["separation"],
                     first_weight=defaults["first_weight"])
    settings = {"start_mean": defaults["start_mean"], "lr": defaults["lr"], "epochs": defaults["epochs"]}
    print(f"distributions lab, defaults ({defaults['epochs']} Adam steps per fit, medians of {args.repeats}):")
    for kind in DIVERGENCES:
        took = median_ms(lambda kind=kind: fit(kind, target, **settings), args.repeats)
        print(f"  one fit by {kind:<8} {took:7.1f} ms")
    print(f"  all three fits      {median_ms(lambda: fit_all(target, **settings), args.repeats):7.1f} ms")
    settings = EMBEDDINGS.defaults()
    data = embedding_data(**{key: settings[key] for key in DATA_SPECS})
    training = {"margin": settings["margin"], "lr": settings["lr"], "epochs": settings["epochs"]}
    print(f"embeddings lab, defaults ({settings['epochs']} batches, {data.y.size} training points):")
    for mining in MININGS:
        took = median_ms(lambda mining=mining: train_embedding(data, mining=mining, **training),
                         args.repeats)
        print(f"  {mining:<12} {took:7.1f} ms")
    took = median_ms(lambda: compare_minings(data, **training), max(1, args.repeats // 3))
    print(f"  comparison (3 strategies x {COMPARE_SEEDS} runs) {took:7.1f} ms")
    settings = SEGMENTATION.defaults()
    data = segmentation_data(**{key: settings[key] for key in ("fraction", "objects", "noise", "size", "images",
                                                               "seed")})
    methods = settings["losses"]
    training = {"lr": settings["lr"], "epochs": settings["epochs"]}
    print(f"segmentation lab, defaults ({len(methods)} losses, {settings['images']} images of {settings['size']} px, "
          f"{settings['epochs']} epochs):")
    for method in methods:
        took = median_ms(lambda method=method: train_masks(data, method, {}, **training), args.repeats)
        print(f"  {method:<14} {took:7.1f} ms")
    took = median_ms(lambda: [train_masks(data, method, {}, **training) for method in methods], args.repeats)
    print(f"  all {len(methods)} losses   {took:7.1f} ms")
    for size in (48, 128):
        big = segmentation_data(**{**{key: settings[key] for key in ("fraction", "objects", "noise", "seed")},
                                   "size": size, "images": capped_images(size, 16)})
        runs = [train_masks(big, method, {}, **training) for method in METHODS]
        image, truth, maps_at, epochs = map_frames(big, runs, lambda method: {}, 0)
        figure = mask_figure(image, truth, list(METHODS), maps_at, epochs,
                             labels={"image": "", "truth": "", "push": "", "epoch": "", "play": "", "pause": "",
                                            "names": {method: method for method in METHODS}}, revision="bench")
        sent = len(figure.to_json()) + len(json.dumps(plain(frames_of(figure))))  # ui.chart sends both
        size_mb = sent / 1e6
        print(f"  maps of all 7 losses at {size} px, {len(epochs)} frames: {size_mb:.2f} MB")


if __name__ == "__main__":
    main()
