"""The embeddings lab: classes of points mapped to 2-D by a linear map trained with the triplet loss,
with easy, semi-hard and hard negatives mined per batch, and the mining strategies compared."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np

from lossviz import losses, optim, training
from lossviz.datasets import REGRESSION_SPECS, checked_settings
from lossviz.i18n.sentence import Name, Sentence
from lossviz.labs.embeddings.charts import preview_frames
from lossviz.losses import ParamSpec
from lossviz.state import frozen
from lossviz.tables import csv_text
from lossviz.verdict import compare

MININGS = ("all", "batch_hard", "semi_hard")
DATA_SPECS = {
    "classes": ParamSpec(default=4, min=3, max=6, step=1, integer=True, help="Number of classes."),
    "dims": ParamSpec(default=10, min=8, max=16, step=1, integer=True, help="Dimensions of the input space."),
    "spread": ParamSpec(default=0.9, min=0.2, max=2.0, step=0.05,
                        help="Spread of each class around its centre: the larger, the more the classes overlap."),
    "points": ParamSpec(default=30, min=10, max=60, step=1, integer=True, help="Points per class."),
    "seed": REGRESSION_SPECS["seed"],
}
EPOCHS = replace(training.EPOCHS, default=150, max=500, help="Batches to train on.")
HELD_OUT = 0.3  # share of each class kept for the retrieval measure
BATCH_PER_CLASS = 6  # points of each class in a batch
CENTRE_DISTANCE = 2.5  # the class centres' distance from the origin
COMPARE_SEEDS = 3  # training runs per strategy in the comparison (same data, other batches and start)


@dataclass(frozen=True)
class EmbeddingData:
    """Labelled points in `dims` dimensions, split into a training and a held-out set."""

    x: np.ndarray
    y: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    classes: int


def embedding_data(*, classes: int, dims: int, spread: float, points: int, seed: int) -> EmbeddingData:
    """Seeded classes around random centres at CENTRE_DISTANCE from the origin, Gaussian spread."""
    s = checked_settings(DATA_SPECS, {"classes": classes, "dims": dims, "spread": spread, "points": points,
                                      "seed": seed})
    rng = np.random.default_rng(s["seed"])
    centres = rng.normal(size=(s["classes"], s["dims"]))
    centres *= CENTRE_DISTANCE / np.linalg.norm(centres, axis=1, keepdims=True)
    labels = np.repeat(np.arange(s["classes"]), s["points"])
    x = centres[labels] + s["spread"] * rng.normal(size=(labels.size, s["dims"]))
    held = np.zeros(labels.size, dtype=bool)
    for label in range(s["classes"]):
        members = np.flatnonzero(labels == label)
        held[rng.choice(members, size=max(1, round(HELD_OUT * members.size)), replace=False)] = True
    return EmbeddingData(x[~held], labels[~held], x[held], labels[held], s["classes"])


def pairwise_distances(points: np.ndarray) -> np.ndarray:
    squared = np.einsum("ij,ij->i", points, points)
    return np.sqrt(np.maximum(squared[:, None] + squared[None, :] - 2.0 * points @ points.T, 0.0))


def all_triplets(labels: np.ndarray) -> np.ndarray:
    """Every valid (anchor, positive, negative) of a batch, as rows of indices."""
    same = labels[:, None] == labels[None, :]
    np.fill_diagonal(same, False)
    anchors, positives = np.nonzero(same)
    negatives_of = [np.flatnonzero(labels != labels[anchor]) for anchor in range(labels.size)]
    counts = np.array([negatives_of[anchor].size for anchor in anchors])
    return np.column_stack([np.repeat(anchors, counts), np.repeat(positives, counts),
                            np.concatenate([negatives_of[anchor] for anchor in anchors])])


def mine(mining: str, labels: np.ndarray, distances: np.ndarray, margin: float) -> np.ndarray:
    """The triplets strategy `mining` picks from a batch (rows of indices into the batch)."""
    if mining == "all":
        return all_triplets(labels)
    same = labels[:, None] == labels[None, :]
    other = ~same
    np.fill_diagonal(same, False)
    if mining == "batch_hard":
        anchors = np.flatnonzero(same.any(axis=1) & other.any(axis=1))
        positives = np.argmax(np.where(same, distances, -np.inf), axis=1)[anchors]
        negatives = np.argmin(np.where(other, distances, np.inf), axis=1)[anchors]
        return np.column_stack([anchors, positives, negatives])
    if mining == "semi_hard":
        anchors, positives = np.nonzero(same)
        to_positive = distances[anchors, positives][:, None]
        to_negative = distances[anchors]  # (pairs, batch)
        semi_hard = other[anchors] & (to_negative > to_positive) & (to_negative < to_positive + margin)
        closest = np.argmin(np.where(semi_hard, to_negative, np.inf), axis=1)
        found = semi_hard.any(axis=1)
        return np.column_stack([anchors[found], positives[found], closest[found]])
    raise ValueError(f"unknown mining {str(mining)[:40]!r}; choose one of {', '.join(MININGS)}")


def negative_regions(anchor: np.ndarray, positive: np.ndarray, negatives: np.ndarray, margin: float) -> dict:
    """How many negatives are easy (beyond d(a, p) + margin), semi-hard (between) and hard (closer than p)."""
    to_positive = float(np.linalg.norm(anchor - positive))
    to_negatives = np.linalg.norm(negatives - anchor, axis=1)
    hard = int(np.count_nonzero(to_negatives < to_positive))
    easy = int(np.count_nonzero(to_negatives >= to_positive + margin))
    return {"easy": easy, "semi_hard": int(to_negatives.size) - hard - easy, "hard": hard, "radius": to_positive}


def recall_at_1(train_points, train_labels, test_points, test_labels) -> float:
    """Share of held-out points whose nearest training point (in the embedding) has their class."""
    squared = (np.einsum("ij,ij->i", test_points, test_points)[:, None]
               + np.einsum("ij,ij->i", train_points, train_points)[None, :] - 2.0 * test_points @ train_points.T)
    return float(np.mean(train_labels[np.argmin(squared, axis=1)] == test_labels))


@dataclass(frozen=True)
class EmbeddingRun:
    """A training run: the map (dims x 2) at every epoch, the mined triplets' loss, the share of the
    batch's triplets with a positive loss (measured on all of them, whatever was mined), and recall@1
    on the held-out points."""

    mining: str
    maps: np.ndarray
    values: np.ndarray
    active: np.ndarray
    recall_at_1: np.ndarray
    triplets_used: np.ndarray


def batches(data: EmbeddingData, epochs: int, seed: int) -> list[np.ndarray]:
    """The batches of every epoch: BATCH_PER_CLASS points of each class (the same for every strategy)."""
    rng = np.random.default_rng(seed + 1)
    members = [np.flatnonzero(data.y == label) for label in range(data.classes)]
    return [np.concatenate([rng.choice(group, size=min(BATCH_PER_CLASS, group.size), replace=False)
                            for group in members]) for _ in range(epochs)]


def train_embedding(data: EmbeddingData, *, mining: str, margin: float, lr: float, epochs: int,
                    seed: int = 0) -> EmbeddingRun:
    """A linear map to 2-D trained by Adam on the registry's triplet loss over the mined triplets."""
    if mining not in MININGS:
        raise ValueError(f"unknown mining {str(mining)[:40]!r}; choose one of {', '.join(MININGS)}")
    epochs = EPOCHS.validate("epochs", epochs)
    loss = losses.get("triplet", margin=margin)
    rng = np.random.default_rng(seed)
    weights = 0.3 * rng.normal(size=(data.x.shape[1], 2))
    stepper = optim.make("adam", lr=lr)
    maps, values, active, recall, used = [], [], [], [], []
    for batch in [*batches(data, epochs, seed), None]:  # None: the record after the last step
        maps.append(weights.copy())
        recall.append(recall_at_1(data.x @ weights, data.y, data.x_test @ weights, data.y_test))
        if batch is None:
            break
        points, labels = data.x[batch] @ weights, data.y[batch]
        distances = pairwise_distances(points)
        everything = all_triplets(labels)
        gaps = distances[everything[:, 0], everything[:, 1]] - distances[everything[:, 0], everything[:, 2]]
        active.append(float(np.mean(gaps + margin > 0)))
        triplets = mine(mining, labels, distances, margin)
        used.append(len(triplets))
        if len(triplets) == 0:
            values.append(0.0)
            continue
        anchors, positives, negatives = (points[triplets[:, column]] for column in range(3))
        values.append(loss.forward(anchors, positives, negatives))
        grads = loss.backward(anchors, positives, negatives)
        by_point = np.zeros_like(points)
        for column, grad in enumerate(grads):
            np.add.at(by_point, triplets[:, column], grad)
        gradient = data.x[batch].T @ by_point
        flat = weights.reshape(-1)
        stepper.step(flat, gradient.reshape(-1))
    return EmbeddingRun(mining, np.array(maps), np.array(values), np.array(active), np.array(recall),
                        np.array(used))


@dataclass(frozen=True)
class MiningComparison:
    """recall@1 at the end of training, per strategy and training seed."""

    recall: dict[str, np.ndarray]
    seeds: int

    def rows(self) -> list[dict]:
        """One row per strategy: recall@1's mean and spread (sample standard deviation) over the seeds."""
        return [{"mining": mining, "recall_mean": float(values.mean()),
                 "recall_spread": float(values.std(ddof=1)) if values.size > 1 else 0.0, "seeds": self.seeds}
                for mining, values in self.recall.items()]


def compare_minings(data: EmbeddingData, *, margin: float, lr: float, epochs: int,
                    seeds: int = COMPARE_SEEDS) -> MiningComparison:
    return MiningComparison({mining: np.array([train_embedding(data, mining=mining, margin=margin, lr=lr,
                                                               epochs=epochs, seed=seed).recall_at_1[-1]
                                               for seed in range(seeds)]) for mining in MININGS}, seeds)


def comparison_sentences(comparison: MiningComparison) -> list[Sentence]:
    """The best strategy by mean recall@1, and whether it beat each other one by more than the spread
    of their per-seed differences (verdicts.compare)."""
    means = {mining: float(values.mean()) for mining, values in comparison.recall.items()}
    best = max(means, key=means.get)
    said = []
    for other in MININGS:
        if other == best:
            continue
        verdict = compare("mining", 0, best, other, comparison.recall[best], comparison.recall[other])
        said.append(Sentence(f"embeddings.verdict.{verdict.outcome}", {
            "better": Name(f"mining.{best}"), "worse": Name(f"mining.{other}"),
            "better_mean": f"{verdict.mean_better:.2f}", "worse_mean": f"{verdict.mean_worse:.2f}",
            "spread": f"{verdict.spread:.2f}", "seeds": verdict.seeds}))
    return said


@dataclass(frozen=True)
class AnchorFrame:
    """The training points under one map, an anchor's farthest positive and its distance."""

    points: np.ndarray
    positive: int
    radius: float


def anchor_frame(data: EmbeddingData, weights: np.ndarray, anchor: int) -> AnchorFrame:
    points = data.x @ weights
    same = np.flatnonzero(data.y == data.y[anchor])
    distances = np.linalg.norm(points[same] - points[anchor], axis=1)
    return AnchorFrame(points, int(same[np.argmax(distances)]), float(distances.max()))


def run_sentences(run: EmbeddingRun, data: EmbeddingData, anchor: int, margin: float) -> list[Sentence]:
    """The anchor's negatives by region at the end of training, and what training did to retrieval."""
    frame = anchor_frame(data, run.maps[-1], anchor)
    regions = negative_regions(frame.points[anchor], frame.points[frame.positive],
                               frame.points[data.y != data.y[anchor]], margin)
    return [Sentence("embeddings.regions", {**regions, "radius": f"{regions['radius']:.2f}",
                                            "outer": f"{regions['radius'] + margin:.2f}"}),
            Sentence("embeddings.progress", {"start": f"{run.recall_at_1[0]:.2f}", "end": f"{run.recall_at_1[-1]:.2f}",
                                             "test": data.y_test.size, "active_start": f"{run.active[0]:.0%}",
                                             "active_end": f"{run.active[-1]:.0%}"})]


def run_csv(run: EmbeddingRun, settings: dict[str, str] | None = None) -> str:
    """The run per epoch: the mined triplets' loss, the share of active triplets, recall@1, and the map."""
    header = ["epoch", "loss", "active_share", "recall_at_1",
              *(f"w{row}{column}" for row in range(run.maps.shape[1]) for column in range(2))]
    rows = []
    for epoch in range(len(run.maps)):
        step = [f"{run.values[epoch]:.10g}", f"{run.active[epoch]:.4g}"] if epoch < len(run.values) else ["", ""]
        rows.append([epoch, *step, f"{run.recall_at_1[epoch]:.4g}",
                     *(f"{value:.10g}" for value in run.maps[epoch].reshape(-1))])
    return csv_text(header, rows, settings)


@lru_cache(maxsize=32)
def embedding_set(data: tuple) -> EmbeddingData:
    """The lab's points for the settings `data`."""
    return embedding_data(**dict(data))


def embedding_run(data: tuple, training: tuple) -> EmbeddingRun:
    """The map trained on the lab's points, per (data, training settings)."""
    return train_embedding(embedding_set(data), **dict(training))


def mining_comparison_key(settings) -> tuple:
    """The arguments of mining_comparison for the lab's `settings`: its data, its training but the mining."""
    return settings.group("data"), settings.group("training", without=("mining",))


def mining_comparison(data: tuple, training: tuple, on_progress=None) -> MiningComparison:
    """Every mining strategy over COMPARE_SEEDS training seeds, per (data, margin, lr, epochs)."""
    return compare_minings(embedding_set(data), **dict(training))


def lab_run(settings, compute) -> tuple:
    """The lab's points and the map trained on them, as the page draws them and a lesson reads them;
    `compute`: the page's cache or a plain call."""
    return (compute(embedding_set, settings.group("data"), entries=32),
            compute(embedding_run, settings.group("data"), settings.group("training")))


PREVIEWED = ("spread", "points", "seed")  # data settings whose points the trained map can take (dims cannot)


def embedding_preview(data: tuple, setting: str, stops: tuple, weights: tuple, anchor: int, margin: float,
                      names: tuple, note: str) -> list[dict]:
    """The lab's chart along the dragged data `setting` (the others as `data` holds them): the points at
    each of `stops` through the map `weights` as trained (charts.preview_frames), per hashable arguments."""
    sets = [embedding_set(frozen(dict(data) | {setting: stop})) for stop in stops]
    mapped = np.asarray(weights)
    return preview_frames([anchor_frame(points, mapped, anchor % points.y.size) for points in sets],
                          [points.y for points in sets], anchor, margin, names, note)
