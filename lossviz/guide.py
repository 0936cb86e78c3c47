"""The guide to choosing a loss, as data: the wizard's answers, the decision table, the FAQ and the
lessons, each pointing at the experiment that shows it.

Texts are i18n keys (guide.*, lesson.*); an experiment is a page and its URL keys, so adding a
row is one entry, and tests/unit/test_guide.py checks that every link opens its page exactly as
written. Where common advice is wrong, the row says so and links the evidence; the verdicts of the
FAQ are computed by the functions below (and the labs' own), never written as fixed facts.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

import numpy as np

from lossviz import gallery, losses, masks
from lossviz.data import segmentation_data
from lossviz.sentences import Sentence
from lossviz.state import LANG_KEY, LESSON_KEY


@dataclass(frozen=True)
class Experiment:
    """A page opened with the settings that show something: its PAGES name, its URL keys and values
    (as the page writes them back), and optionally the lesson whose hints it shows."""

    page: str
    query: tuple[tuple[str, str], ...]
    lesson: str = ""

    def link_query(self, lang: str) -> dict[str, str]:
        return {**dict(self.query), **({LESSON_KEY: self.lesson} if self.lesson else {}), LANG_KEY: lang}

    def href(self, lang: str) -> str:
        """The link, relative to the app's root (every page but home is at its name): the page's path
        and its query, to copy, open in a new tab or paste into slides."""
        return f"{self.page}?{urlencode(self.link_query(lang))}"

    @property
    def script(self) -> str:
        return f"views/{self.page}.py"


THREE = "bce,weighted_bce,focal"
EXPERIMENTS = {
    "clean": Experiment("regression", (("losses", "mse,mae,huber"), ("outlier_fraction", "0"))),
    "outliers": Experiment("regression", (("losses", "mse,mae,huber"), ("outlier_fraction", "0.2")), "outliers"),
    "huber_delta": Experiment("regression", (("losses", "mse,mae,huber"), ("outlier_fraction", "0.3"),
                                             ("huber.delta", "2")), "huber_delta"),
    "switch": Experiment("regression", (("losses", "mse,mae"), ("outlier_fraction", "0.2"), ("switch", "on"),
                                        ("switch_from", "mse"), ("switch_to", "mae"), ("switch_at", "50"))),
    "balanced": Experiment("classification", (("methods", THREE), ("imbalance", "1"))),
    "imbalance_10": Experiment("classification", (("methods", THREE), ("imbalance", "10"))),
    "imbalance_100": Experiment("classification", (("methods", THREE), ("imbalance", "100")), "imbalance"),
    "calibration": Experiment("classification", (("methods", THREE), ("imbalance", "10")), "calibration"),
    "focal_gamma": Experiment("classification", (("view", "focal"),), "focal_gamma"),
    "multiclass": Experiment("classification", (("view", "multiclass"), ("imbalance", "10"))),
    "multiclass_balanced": Experiment("classification", (("view", "multiclass"), ("imbalance", "1"))),
    "multilabel": Experiment("gallery", (("task", "binary"), ("axis", "logit"),
                                         ("losses", "bce,multilabel_soft_margin"))),
    "small_objects": Experiment("segmentation", (("losses", "bce,weighted_bce,dice,dice_bce"), ("fraction", "0.01")),
                                "small_objects"),
    "large_objects": Experiment("segmentation", (("losses", "bce,weighted_bce,dice,dice_bce"), ("fraction", "0.2"))),
    "dice_bce_weight": Experiment("segmentation", (("losses", "bce,dice,dice_bce"), ("fraction", "0.01"),
                                                   ("dice_bce.weight", "0.5"))),
    "kl_direction": Experiment("distributions", (("view", "kl"),), "kl_direction"),
    "triplet": Experiment("embeddings", (("mining", "semi_hard"),), "mining"),
    "gaussian_nll": Experiment("gallery", (("task", "regression"), ("axis", "residual"),
                                           ("losses", "mse,gaussian_nll"))),
    "landscape": Experiment("landscape", (("view", "surface"), ("left", "mse"), ("right", "mae"),
                                          ("outlier_fraction", "0.2")), "landscape"),
}


@dataclass(frozen=True)
class Recommendation:
    """An answer of the wizard: the losses or methods it names, its code (registry losses and the
    parameters that differ from their defaults) and the experiment that shows why; its reasons and
    caveat are the strings guide.rec.<key>.why and .caveat."""

    key: str
    losses: tuple[str, ...]
    code: tuple[tuple[str, tuple[tuple[str, float], ...]], ...]
    experiment: str


RECOMMENDATIONS = {rec.key: rec for rec in (
    Recommendation("mse", ("mse",), (("mse", ()),), "clean"),
    Recommendation("huber", ("huber", "mae"), (("huber", (("delta", 1.0),)), ("mae", ())), "outliers"),
    Recommendation("mse_outliers", ("mse",), (("mse", ()),), "outliers"),
    Recommendation("bce", ("bce",), (("bce", ()),), "balanced"),
    Recommendation("bce_imbalanced", ("bce",), (("bce", ()),), "imbalance_10"),
    Recommendation("weighted_bce", ("weighted_bce",), (("bce", (("pos_weight", 10.0),)),), "imbalance_10"),
    Recommendation("weighted_or_focal", ("weighted_bce", "focal"),
                   (("bce", (("pos_weight", 100.0),)), ("focal", (("alpha", 0.25), ("gamma", 2.0)))),
                   "imbalance_100"),
    Recommendation("bce_calibrated", ("bce",), (("bce", ()),), "calibration"),
    Recommendation("cce", ("cce",), (("cce", (("label_smoothing", 0.0),)),), "multiclass_balanced"),
    Recommendation("weighted_cce", ("weighted_cce", "softmax_focal"),
                   (("cce", (("label_smoothing", 0.0),)), ("softmax_focal", (("gamma", 2.0),))), "multiclass"),
    Recommendation("dice_bce", ("dice_bce",), (("dice_bce", (("weight", 0.5), ("smooth", 1.0))),), "small_objects"),
    Recommendation("dice_bce_large", ("dice_bce",), (("dice_bce", (("weight", 0.5), ("smooth", 1.0))),),
                   "large_objects"),
    Recommendation("forward_kl", ("kl",), (("kl", ()),), "kl_direction"),
    Recommendation("reverse_kl", ("kl",), (("kl", ()),), "kl_direction"),
    Recommendation("triplet", ("triplet",), (("triplet", (("margin", 0.2),)),), "triplet"),
)}

# The wizard: what is predicted, what the data is like, what matters most -> a recommendation.
# The options of the second and third questions are the ones this table has for the answers before.
WIZARD = (
    ("number", "clean", "every_error", "mse"),
    ("number", "outliers", "robustness", "huber"),
    ("number", "outliers", "every_error", "mse_outliers"),
    ("class", "balanced", "accuracy", "bce"),
    ("class", "imbalance_10", "minority_recall", "weighted_bce"),
    ("class", "imbalance_10", "accuracy", "bce_imbalanced"),
    ("class", "imbalance_10", "calibration", "bce_calibrated"),
    ("class", "imbalance_100", "minority_recall", "weighted_or_focal"),
    ("class", "imbalance_100", "accuracy", "bce_imbalanced"),
    ("class", "imbalance_100", "calibration", "bce_calibrated"),
    ("classes", "balanced", "accuracy", "cce"),
    ("classes", "imbalanced", "minority_recall", "weighted_cce"),
    ("classes", "imbalanced", "accuracy", "cce"),
    ("mask", "small", "overlap", "dice_bce"),
    ("mask", "large", "overlap", "dice_bce_large"),
    ("distribution", "target", "cover_modes", "forward_kl"),
    ("distribution", "target", "one_mode", "reverse_kl"),
    ("embedding", "labelled", "separation", "triplet"),
)
TASKS = tuple(dict.fromkeys(task for task, *_ in WIZARD))


def data_options(task: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(data for row_task, data, _, _ in WIZARD if row_task == task))


def priority_options(task: str, data: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(priority for row_task, row_data, priority, _ in WIZARD
                               if (row_task, row_data) == (task, data)))


def recommend(task: str, data: str, priority: str) -> Recommendation:
    """The wizard's answer; a ValueError names an answer the table does not have."""
    for row in WIZARD:
        if row[:3] == (task, data, priority):
            return RECOMMENDATIONS[row[3]]
    raise ValueError(f"the guide has no answer for task={task!r}, data={data!r}, priority={priority!r}")


@dataclass(frozen=True)
class Decision:
    """A row of the decision table: a situation, the common advice for it, whether the app's own
    experiment agrees ("agrees", "disagrees", or "measured": its verdict decides, run by run) and
    the experiment. Texts: guide.table.<key>.situation, .advice and .shows."""

    key: str
    verdict: str
    experiment: str


DECISIONS = (
    Decision("clean", "agrees", "clean"),
    Decision("outliers", "agrees", "outliers"),
    Decision("huber_delta", "disagrees", "huber_delta"),
    Decision("binary", "agrees", "balanced"),
    Decision("multiclass", "agrees", "multiclass_balanced"),
    Decision("multilabel", "agrees", "multilabel"),
    Decision("imbalance_10", "measured", "imbalance_10"),
    Decision("imbalance_100", "measured", "imbalance_100"),
    Decision("calibration", "measured", "calibration"),
    Decision("segmentation", "agrees", "small_objects"),
    Decision("distributions", "agrees", "kl_direction"),
    Decision("embeddings", "agrees", "triplet"),
)

# The FAQ of the seed guide, one entry per question: guide.faq.<key>.question and .answer, the
# experiment, and what measures the verdict (a key the page maps to its computation).
FAQ = (("cross_entropy_regression", "gaussian_nll"), ("weighted_or_focal", "imbalance_100"),
       ("huber_delta", "huber_delta"), ("switching", "switch"), ("combining", "dice_bce_weight"))

# Hybrid losses: guide.hybrid.<key>, the experiment that trains it, and the gallery view that draws it.
HYBRIDS = (("dice_bce", "dice_bce_weight", Experiment("gallery", (("task", "segmentation"),
                                                                  ("losses", "dice,dice_bce")))),
           ("focal_dice", "small_objects", Experiment("gallery", (("task", "segmentation"),
                                                                  ("losses", "dice,focal_tversky")))))


@dataclass(frozen=True)
class Lesson:
    """A closed set of hints (lesson.<key>.title and lesson.<key>.hint1 .. hint<hints>) shown in a
    box on its page when a link carries lesson=<key>."""

    page: str
    hints: int


LESSONS = {
    "outliers": Lesson("regression", 3),
    "huber_delta": Lesson("regression", 3),
    "imbalance": Lesson("classification", 3),
    "focal_gamma": Lesson("classification", 2),
    "calibration": Lesson("classification", 3),
    "small_objects": Lesson("segmentation", 3),
    "kl_direction": Lesson("distributions", 2),
    "mining": Lesson("embeddings", 2),
    "landscape": Lesson("landscape", 2),
}


def lesson_experiments() -> list[tuple[str, Experiment]]:
    """Each lesson with the experiment that carries it."""
    return [(experiment.lesson, experiment) for experiment in EXPERIMENTS.values() if experiment.lesson]


def code_of(recommendation: Recommendation) -> list[tuple[str, dict]]:
    """(registry loss, all its parameters) for each snippet of `recommendation` (snippets.snippet)."""
    return [(name, losses.get(name, **dict(params)).params) for name, params in recommendation.code]


def data_priorities() -> dict[str, tuple[str, ...]]:
    """The third question's options for each answer to the second (the same whatever the task)."""
    return {data: priority_options(task, data) for task, data, _, _ in WIZARD}


def read_lesson(raw: str | None, page: str) -> str | None:
    """The lesson `raw` names if it is one of this page's; a ValueError names one that is not."""
    if raw is None:
        return None
    lesson = LESSONS.get(raw)
    if lesson is None or lesson.page != page:
        raise ValueError(f"no lesson {raw[:40]!r} on the {page} page")
    return raw


# --- measured answers -------------------------------------------------------------------------------

def gaussian_nll_against_mse() -> Sentence:
    """FAQ Q1: on the gallery's residual axis, Gaussian NLL with variance 1 against half of MSE, the
    largest difference over the axis (a regression loss *is* a cross-entropy, of a Gaussian model)."""
    (nll,) = gallery.loss_curves("regression", "residual", "gaussian_nll", {})
    (mse,) = gallery.loss_curves("regression", "residual", "mse", {})
    gap = float(np.max(np.abs(nll.value - 0.5 * mse.value)))
    slope_gap = float(np.max(np.abs(nll.slope - 0.5 * mse.slope)))
    return Sentence("guide.measured.gaussian_nll", {"points": int(nll.x.size), "gap": f"{gap:.1e}",
                                                    "slope_gap": f"{slope_gap:.1e}"})


COMBINED_WEIGHTS = (0.0, 0.25, 0.5, 0.75, 1.0)


def dice_bce_weights(data_settings: dict, *, lr: float, epochs: int, seeds: int = 3,
                     weights=COMBINED_WEIGHTS) -> Sentence:
    """FAQ Q5: Dice + BCE at each weight of Dice (0: BCE alone, 1: Dice alone) on `seeds` data sets
    of these settings: each weight's mean validation Dice score at threshold 0.5, and the best."""
    scores = np.zeros((len(weights), seeds))
    for seed in range(seeds):
        data = segmentation_data(**{**data_settings, "seed": data_settings.get("seed", 0) + seed,
                                    "images": masks.capped_images(data_settings["size"], data_settings["images"])})
        for index, weight in enumerate(weights):
            run = masks.train_masks(data, "dice_bce", {"weight": weight, "smooth": 1.0}, lr=lr, epochs=epochs)
            proba = masks.probabilities(run, masks.features(data.val_images, run.scale))
            scores[index, seed] = masks.mask_report(data.val_masks, proba)["dice"]
    means = scores.mean(axis=1)
    best = int(np.argmax(means))
    return Sentence("guide.measured.dice_bce", {
        "seeds": seeds, "scores": ", ".join(f"{weight:g}: {mean:.2f}" for weight, mean in zip(weights, means,
                                                                                                strict=True)),
        "best": f"{weights[best]:g}", "bce": f"{means[0]:.2f}", "dice": f"{means[-1]:.2f}"})
