"""Time the distributions, embeddings and segmentation labs' work per slider move, with nothing
cached, and the size of the segmentation lab's playback maps.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_labs.py [--repeats 7]
"""

import argparse
import json

from benchmarks.timing import median_ms
from lossviz import charts, distributions, embeddings, masks
from lossviz.data import segmentation_data
from lossviz.pages_config import DISTRIBUTIONS, EMBEDDINGS, SEGMENTATION


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
    settings = SEGMENTATION.defaults()
    data = segmentation_data(**{key: settings[key] for key in ("fraction", "objects", "noise", "size", "images",
                                                               "seed")})
    methods = settings["losses"]
    training = {"lr": settings["lr"], "epochs": settings["epochs"]}
    print(f"segmentation lab, defaults ({len(methods)} losses, {settings['images']} images of {settings['size']} px, "
          f"{settings['epochs']} epochs):")
    for method in methods:
        took = median_ms(lambda method=method: masks.train_masks(data, method, {}, **training), args.repeats)
        print(f"  {method:<14} {took:7.1f} ms")
    took = median_ms(lambda: [masks.train_masks(data, method, {}, **training) for method in methods], args.repeats)
    print(f"  all {len(methods)} losses   {took:7.1f} ms")
    for size in (48, 128):
        big = segmentation_data(**{**{key: settings[key] for key in ("fraction", "objects", "noise", "seed")},
                                   "size": size, "images": masks.capped_images(size, 16)})
        runs = [masks.train_masks(big, method, {}, **training) for method in masks.METHODS]
        image, truth, maps_at, epochs = masks.map_frames(big, runs, lambda method: {}, 0)
        figure = charts.mask_figure(image, truth, list(masks.METHODS), maps_at, epochs,
                                    labels={"image": "", "truth": "", "push": "", "epoch": "", "play": "", "pause": "",
                                            "names": {method: method for method in masks.METHODS}}, revision="bench")
        sent = len(figure.to_json()) + len(json.dumps(charts.plain(charts.frames_of(figure))))  # ui.chart sends both
        size_mb = sent / 1e6
        print(f"  maps of all 7 losses at {size} px, {len(epochs)} frames: {size_mb:.2f} MB")


if __name__ == "__main__":
    main()
