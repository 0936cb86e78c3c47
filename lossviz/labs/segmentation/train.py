"""The segmentation lab's model: a per-pixel logistic model on a few local features, trained with a
segmentation loss per method; its masks and gradient maps over training, Dice/IoU/recall, and the
sweep of recall against the foreground fraction."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np

from lossviz import losses, training
from lossviz.datasets import nth_seed
from lossviz.i18n.sentence import Name, Sentence
from lossviz.labs.segmentation.charts import maps_frame
from lossviz.labs.segmentation.data import SegmentationData, segmentation_data
from lossviz.numerics import sigmoid
from lossviz.state import frozen
from lossviz.tables import csv_text
from lossviz.training import History, SeedTable, descend

# The lab's methods: a registry loss, its fixed parameters, and the parameters that get a slider
METHODS = {
    "bce": ("bce", {}, ()), "weighted_bce": ("bce", {}, ()), "focal": ("focal", {}, ("alpha", "gamma")),
    "dice": ("dice", {}, ("smooth",)), "jaccard": ("jaccard", {}, ("smooth",)),
    "tversky": ("tversky", {}, ("alpha", "beta", "smooth")), "dice_bce": ("dice_bce", {}, ("weight", "smooth")),
}
EPOCHS = replace(training.EPOCHS, default=100, max=400, help="Full-batch steps of Adam.")
PIXEL_CAP = 60_000  # training pixels: images x size^2 beyond this lose images, so a slider move stays quick
THRESHOLDS = np.round(np.linspace(0.05, 0.95, 19), 2)
SWEEP_FRACTIONS = (0.3, 0.1, 0.03, 0.01, 0.003, 0.001)
SWEEP_SEEDS = 3


def capped_images(size: int, images: int) -> int:
    """The training images a run uses: `images`, fewer if images x size^2 would pass PIXEL_CAP."""
    return max(2, min(images, PIXEL_CAP // (size * size)))


def _box_mean(images: np.ndarray, width: int) -> np.ndarray:
    """The mean over a width x width window around each pixel (edges padded by reflection)."""
    pad = width // 2
    padded = np.pad(images, ((0, 0), (pad, pad), (pad, pad)), mode="reflect")
    summed = padded.cumsum(axis=1).cumsum(axis=2)
    summed = np.pad(summed, ((0, 0), (1, 0), (1, 0)))
    size_h, size_w = images.shape[1:]
    return (summed[:, width:width + size_h, width:width + size_w] - summed[:, :size_h, width:width + size_w]
            - summed[:, width:width + size_h, :size_w] + summed[:, :size_h, :size_w]) / width**2


def raw_features(images: np.ndarray) -> np.ndarray:
    """(N, H, W, 4): intensity, 3 x 3 mean, 9 x 9 mean, and intensity minus the 9 x 9 mean."""
    wide = _box_mean(images, 9)
    return np.stack([images, _box_mean(images, 3), wide, images - wide], axis=-1)


def standardiser(images: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The mean and spread of the training images' raw features."""
    raw = raw_features(images).reshape(-1, 4)
    return raw.mean(axis=0), np.maximum(raw.std(axis=0), 1e-12)


def features(images: np.ndarray, scale: tuple[np.ndarray, np.ndarray] | None = None) -> np.ndarray:
    """Standardised per-pixel features with a column of ones: (N, H, W, 5)."""
    mean, spread = scale if scale is not None else standardiser(images)
    standard = (raw_features(images) - mean) / spread
    return np.concatenate([standard, np.ones((*standard.shape[:-1], 1))], axis=-1)


def method_loss(method: str, params: dict, masks: np.ndarray) -> losses.Loss:
    """The registry loss of `method` on logits; weighted BCE's positive weight balances the classes."""
    name, fixed, _ = METHODS[method]
    options = {**fixed, **params, "from_logits": True}
    if method == "weighted_bce":
        positives = masks.sum()
        options["pos_weight"] = float(np.clip((masks.size - positives) / max(positives, 1.0), 1.0, 1000.0))
    return losses.get(name, **options)


@dataclass(frozen=True)
class MaskRun:
    """A trained per-pixel model: its History (weights per epoch, train and validation loss) and the
    feature scaling it was trained with."""

    method: str
    history: History
    scale: tuple


def train_masks(data: SegmentationData, method: str, params: dict, *, lr: float, epochs: int) -> MaskRun:
    """Logistic regression per pixel on `method`'s loss, full batch, Adam from zero weights."""
    scale = standardiser(data.images)
    train, val = features(data.images, scale), features(data.val_images, scale)
    loss = method_loss(method, params, data.masks)
    flat = train.reshape(-1, train.shape[-1])

    # pixel losses (BCE, focal) take flat arrays on their fast path; overlap losses take images
    targets = data.masks if loss.task == "segmentation" else data.masks.reshape(-1)

    def loss_and_gradient(weights):
        logits = flat @ weights
        value, by_logit = loss.value_and_gradient(targets, logits.reshape(targets.shape))
        return value, flat.T @ by_logit.reshape(-1)

    history = descend(method, loss_and_gradient, train.shape[-1], optimizer="adam", lr=lr, momentum=0.9,
                      epochs=epochs)
    val_logits = np.einsum("nhwf,ef->enhw", val, history.params)
    val_values = np.array([loss.forward(data.val_masks, logits) for logits in val_logits])
    return MaskRun(method, History(method, history.values, history.params, history.diverged_at, val_values), scale)


def probabilities(run: MaskRun, features_of: np.ndarray, epoch: int = -1) -> np.ndarray:
    """The model's foreground probability of every pixel at `epoch`."""
    return sigmoid(features_of @ run.history.params[epoch])


def gradient_map(run: MaskRun, params: dict, mask: np.ndarray, features_of: np.ndarray, epoch: int) -> np.ndarray:
    """Minus the loss's gradient by the logits on one image at `epoch`, scaled to [-1, 1]: where the
    loss pushes the prediction up (positive) or down (negative)."""
    loss = method_loss(run.method, params, mask)
    push = -loss.backward(mask[None], (features_of @ run.history.params[epoch])[None])[0]
    largest = np.abs(push).max()
    return push / largest if largest > 0 else push


MAP_FRAMES = 8  # playback frames of the maps: each carries two heatmaps per loss
MAX_MAP_SIZE = 48  # maps wider than this are shown at every second (or third) pixel


def map_frames(data: SegmentationData, runs: list[MaskRun], params_of, index: int):
    """For validation image `index`: the image and its mask, `maps_at(epoch)` giving each run's
    (probability, push) maps, and MAP_FRAMES epochs to show; all at most MAX_MAP_SIZE pixels a side,
    as float32 (the browser gets half the bytes). `params_of(method)`: the method's parameters."""
    step = int(np.ceil(data.val_images.shape[1] / MAX_MAP_SIZE))
    image_features = features(data.val_images[index:index + 1], runs[0].scale)[0]
    mask = data.val_masks[index]
    last = min(run.history.epochs_run for run in runs)
    epochs = [int(epoch) for epoch in np.unique(np.linspace(0, last, MAP_FRAMES).round())]

    def maps_at(epoch):
        return [(probabilities(run, image_features, epoch)[::step, ::step].astype(np.float32),
                 gradient_map(run, params_of(run.method), mask, image_features, epoch)[::step, ::step].astype(
                     np.float32)) for run in runs]

    shown = data.val_images[index][::step, ::step].astype(np.float32)
    return shown, mask[::step, ::step].astype(np.float32), maps_at, epochs


def mask_report(masks: np.ndarray, proba: np.ndarray, threshold: float = 0.5) -> dict:
    """Dice (F1), IoU, precision, recall and the FP and FN pixel counts of `proba` >= threshold."""
    predicted = proba >= threshold
    truth = masks > 0.5
    tp = int(np.count_nonzero(predicted & truth))
    fp = int(np.count_nonzero(predicted & ~truth))
    fn = int(np.count_nonzero(~predicted & truth))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {"dice": 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0,
            "iou": tp / (tp + fp + fn) if tp + fp + fn else 1.0, "precision": precision, "recall": recall,
            "fp": fp, "fn": fn}


def best_threshold(masks: np.ndarray, proba: np.ndarray) -> float:
    """The threshold among THRESHOLDS with the highest Dice."""
    return float(max(THRESHOLDS, key=lambda threshold: mask_report(masks, proba, threshold)["dice"]))


def metric_rows(data: SegmentationData, runs: list[MaskRun]) -> list[dict]:
    """Per loss, the validation metrics at threshold 0.5 and at the loss's best threshold."""
    rows = []
    for run in runs:
        proba = probabilities(run, features(data.val_images, run.scale))
        for threshold in (0.5, best_threshold(data.val_masks, proba)):
            report = mask_report(data.val_masks, proba, threshold)
            rows.append({"loss": run.method, "threshold": f"{threshold:g}", "dice": report["dice"],
                         "iou": report["iou"], "mask_precision": report["precision"],
                         "mask_recall": report["recall"], "fp": report["fp"], "fn": report["fn"]})
    return rows


def object_recall(object_ids: np.ndarray, proba: np.ndarray, threshold: float = 0.5) -> np.ndarray:
    """The recall of each object (1 the large one, then the small ones) at `threshold`, over all images."""
    predicted = proba >= threshold
    count = int(object_ids.max())
    return np.array([np.count_nonzero(predicted & (object_ids == number)) / max(1, np.count_nonzero(
        object_ids == number)) for number in range(1, count + 1)])


def object_rows(data: SegmentationData, runs: list[MaskRun]) -> tuple[list[dict], list[Sentence]]:
    """Per loss, the validation recall of the large object and the mean over the small ones, as table
    rows and as sentences."""
    rows, said = [], []
    for run in runs:
        recall = object_recall(data.val_object_ids, probabilities(run, features(data.val_images, run.scale)))
        rows.append({"loss": run.method, "large_recall": float(recall[0]), "small_recall": float(recall[1:].mean())})
        said.append(Sentence("segmentation.objects_said", {"loss": Name(run.method), "large": f"{recall[0]:.0%}",
                                                           "small": f"{recall[1:].mean():.0%}"}))
    return rows, said


def rows_csv(rows: list[dict], settings: dict[str, str] | None = None) -> str:
    """Metric rows (metric_rows) as CSV, headed by the page's settings."""
    return csv_text(list(rows[0]), [list(row.values()) for row in rows], settings)


SWEEP_OBJECT_PIXELS = 40  # the object pixels a sweep's image keeps at any fraction, up to 128 × 128


def sweep_size(fraction: float, size: int) -> int:
    """The image size a sweep trains at `fraction`: the lab's `size`, larger where the object would
    have fewer than about SWEEP_OBJECT_PIXELS pixels (a multiple of 8, at most 128)."""
    return int(min(128, max(size, 8 * round(np.sqrt(SWEEP_OBJECT_PIXELS / fraction) / 8))))


def sweep_rows(settings: dict, fractions=SWEEP_FRACTIONS) -> list[dict]:
    """What each fraction of the sweep trains on: the image size, the training images and the object's
    pixels per image (the lab's own table stands at the sidebar's size, not these)."""
    rows = []
    for fraction in fractions:
        size = sweep_size(fraction, settings["size"])
        rows.append({"fraction": f"{fraction:.1%}", "image_size": f"{size} × {size}",
                     "images": capped_images(size, settings["images"]), "object_pixels": round(fraction * size**2)})
    return rows


def foreground_sweep(methods: list[tuple[str, dict]], settings: dict, *, lr: float, epochs: int,
                     fractions=SWEEP_FRACTIONS, seeds: int = SWEEP_SEEDS, on_progress=None) -> dict[str, SeedTable]:
    """Validation recall at 0.5 per method, fraction and seed (seeds from the settings' seed on);
    the image size grows at small fractions so that the object keeps a few dozen pixels."""
    recall = {method: np.full((len(fractions), seeds), np.nan) for method, _ in methods}
    total, done = len(fractions) * seeds, 0
    for row, fraction in enumerate(fractions):
        size = sweep_size(fraction, settings["size"])
        for seed in range(seeds):
            data = segmentation_data(**{**settings, "fraction": fraction, "size": size,
                                        "seed": nth_seed(settings["seed"], seed),
                                        "images": capped_images(size, settings["images"])})
            for method, params in methods:
                run = train_masks(data, method, params, lr=lr, epochs=epochs)
                if run.history.diverged_at is None:
                    proba = probabilities(run, features(data.val_images, run.scale))
                    recall[method][row, seed] = mask_report(data.val_masks, proba)["recall"]
            done += 1
            if on_progress:
                on_progress(done, total, fraction)
    return {method: SeedTable(values) for method, values in recall.items()}


@lru_cache(maxsize=16)
def segmentation_set(data: tuple) -> SegmentationData:
    """The lab's images for the settings `data`, with no more training images than PIXEL_CAP allows."""
    values = dict(data)
    values["images"] = capped_images(values["size"], values["images"])
    return segmentation_data(**values)


def mask_run(data: tuple, method: str, params: tuple, training: tuple) -> MaskRun:
    """One method's model on the lab's images, per (data, method, parameters, training)."""
    return train_masks(segmentation_set(data), method, dict(params), **dict(training))


def foreground_sweep_key(settings) -> tuple:
    """The arguments of foreground_sweep_of for the lab's `settings`: the data settings the sweep does
    not set itself, the chosen losses with their parameters, the training."""
    return (settings.group("data", without=("fraction",)),
            tuple((method, settings.params_key(method)) for method in settings.losses), settings.group("training"))


def foreground_sweep_of(data: tuple, methods: tuple, training: tuple, on_progress=None) -> dict:
    """foreground_sweep of `methods` ((method, params) pairs), per hashable settings."""
    return foreground_sweep([(method, dict(params)) for method, params in methods], dict(data), **dict(training),
                            on_progress=on_progress)


def mask_runs(settings, compute) -> tuple:
    """The lab's images and each chosen loss's model on them, as the page draws them and a lesson
    reads them; `compute`: the page's cache or a plain call."""
    data = compute(segmentation_set, settings.group("data"), entries=16)
    return data, [compute(mask_run, settings.group("data"), method, settings.params_key(method),
                          settings.group("training")) for method in settings.losses]


def trained_models(runs: list[MaskRun]) -> tuple:
    """What a forward pass of the runs' models needs, as a hashable key: each one's method, last weights
    and feature scaling."""
    return tuple((run.method, tuple(run.history.params[-1].tolist()),
                  tuple(tuple(np.ravel(part).tolist()) for part in run.scale)) for run in runs)


PREVIEW_STEP = 2  # a preview's maps at every second pixel of the shown ones: 21 stops stay near 150 KB


def forward_preview(data: tuple, setting: str, stops: tuple, models: tuple, params: tuple, index: int,
                    names: tuple, note: str) -> list[dict]:
    """The maps along the dragged data `setting` (the others as `data` holds them): validation image
    `index` of the images at each of `stops` through the `models` as trained (trained_models; `params`:
    (method, parameters) pairs), at every PREVIEW_STEP-th pixel, as frames named `names` carrying `note`."""
    runs = [MaskRun(method, History(method, np.zeros(1), np.array([weights])), tuple(map(np.array, scale)))
            for method, weights, scale in models]
    params_of = {method: dict(values) for method, values in params}
    frames = []
    for name, stop in zip(names, stops, strict=True):
        image, truth, maps_at, _ = map_frames(segmentation_set(frozen(dict(data) | {setting: stop})), runs,
                                              params_of.get, index)
        step = slice(None, None, PREVIEW_STEP)
        frames.append(maps_frame(name, note, image[step, step], truth[step, step],
                                 [(proba[step, step], push[step, step]) for proba, push in maps_at(0)]))
    return frames
