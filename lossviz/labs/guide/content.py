"""The guide to choosing a loss, as data: the wizard's answers, the decision table, the FAQ and the
hybrids, each pointing at the experiment (a lab and its URL keys) that shows it. Texts are keys of
the guide's strings; adding a row is one entry, and the guide's tests open every link."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from lossviz import losses
from lossviz.labs import lab
from lossviz.state import LANG_KEY


@dataclass(frozen=True)
class Experiment:
    """A page opened with the settings that show something: its PAGES name, and its URL keys and values
    (as the page writes them back)."""

    page: str
    query: tuple[tuple[str, str], ...]

    def link_query(self, lang: str) -> dict[str, str]:
        return {**dict(self.query), LANG_KEY: lang}

    def href(self, lang: str) -> str:
        """The link, relative to the app's root (every page but home is at its name): the page's path
        and its query, to copy, open in a new tab or paste into slides."""
        return f"{self.page}?{urlencode(self.link_query(lang))}"

    @property
    def script(self) -> str:
        return lab(self.page).script


THREE = "bce,weighted_bce,focal"
EXPERIMENTS = {
    "clean": Experiment("regression", (("losses", "mse,mae,huber"), ("outlier_fraction", "0"))),
    "outliers": Experiment("regression", (("losses", "mse,mae,huber"), ("outlier_fraction", "0.2"))),
    "huber_delta": Experiment("regression", (("losses", "mse,mae,huber"), ("outlier_fraction", "0.3"),
                                             ("huber.delta", "2"))),
    "switch": Experiment("regression", (("losses", "mse,mae"), ("outlier_fraction", "0.2"), ("switch", "on"),
                                        ("switch_from", "mse"), ("switch_to", "mae"), ("switch_at", "50"))),
    "balanced": Experiment("classification", (("methods", THREE), ("imbalance", "1"))),
    "imbalance_10": Experiment("classification", (("methods", THREE), ("imbalance", "10"))),
    "imbalance_100": Experiment("classification", (("methods", THREE), ("imbalance", "100"))),
    "calibration": Experiment("classification", (("methods", THREE), ("imbalance", "10"))),
    "calibration_100": Experiment("classification", (("methods", THREE), ("imbalance", "100"))),
    "focal_gamma": Experiment("classification", (("view", "focal"),)),
    "multiclass": Experiment("classification", (("view", "multiclass"), ("imbalance", "10"))),
    "multiclass_balanced": Experiment("classification", (("view", "multiclass"), ("imbalance", "1"))),
    "multilabel": Experiment("gallery", (("task", "binary"), ("axis", "logit"),
                                         ("losses", "bce,multilabel_soft_margin"))),
    "small_objects": Experiment("segmentation", (("losses", "bce,weighted_bce,dice,dice_bce"), ("fraction", "0.01"))),
    "large_objects": Experiment("segmentation", (("losses", "bce,weighted_bce,dice,dice_bce"), ("fraction", "0.2"))),
    "dice_bce_weight": Experiment("segmentation", (("losses", "bce,dice,dice_bce"), ("fraction", "0.01"),
                                                   ("dice_bce.weight", "0.5"))),
    "kl_direction": Experiment("distributions", (("view", "kl"),)),
    "triplet": Experiment("embeddings", (("mining", "semi_hard"),)),
    "gaussian_nll": Experiment("gallery", (("task", "regression"), ("axis", "residual"),
                                           ("losses", "mse,gaussian_nll"))),
    "landscape": Experiment("landscape", (("view", "surface"), ("left", "mse"), ("right", "mae"),
                                          ("outlier_fraction", "0.2"))),
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


DECISIONS = tuple(Decision(*row) for row in (
    ("clean", "agrees", "clean"), ("outliers", "agrees", "outliers"), ("huber_delta", "disagrees", "huber_delta"),
    ("binary", "agrees", "balanced"), ("multiclass", "agrees", "multiclass_balanced"),
    ("multilabel", "agrees", "multilabel"), ("imbalance_10", "measured", "imbalance_10"),
    ("imbalance_100", "measured", "imbalance_100"), ("calibration", "measured", "calibration"),
    ("segmentation", "agrees", "small_objects"), ("distributions", "agrees", "kl_direction"),
    ("embeddings", "agrees", "triplet"),
))

# The guide's FAQ, one entry per question: guide.faq.<key>.question and .answer, the
# experiment, and what measures the verdict (a key the page maps to its computation).
FAQ = (("cross_entropy_regression", "gaussian_nll"), ("weighted_or_focal", "imbalance_100"),
       ("huber_delta", "huber_delta"), ("switching", "switch"), ("combining", "dice_bce_weight"))

# Hybrid losses and their look-alikes: guide.hybrid.<key>, the experiment that trains exactly that
# loss (None: no lab trains it, the gallery only draws it), and the gallery view that draws it.
HYBRIDS = (("dice_bce", "dice_bce_weight", Experiment("gallery", (("task", "segmentation"),
                                                                  ("losses", "dice,dice_bce")))),
           ("focal_tversky", None, Experiment("gallery", (("task", "segmentation"),
                                                          ("losses", "tversky,focal_tversky")))))


# An answer's experiment at the imbalance the wizard's data answer names: (experiment, data) -> experiment
AT_RATIO = {("imbalance_10", "imbalance_100"): "imbalance_100", ("calibration", "imbalance_100"): "calibration_100"}


def experiment_of(recommendation: Recommendation, data: str) -> str:
    """The experiment that shows `recommendation` at the data the wizard was told (its ratio)."""
    return AT_RATIO.get((recommendation.experiment, data), recommendation.experiment)


def code_of(recommendation: Recommendation) -> list[tuple[str, dict]]:
    """(registry loss, all its parameters) for each snippet of `recommendation` (snippets.snippet)."""
    return [(name, losses.get(name, **dict(params)).params) for name, params in recommendation.code]


def data_priorities() -> dict[str, tuple[str, ...]]:
    """The third question's options for each answer to the second (the same whatever the task)."""
    return {data: priority_options(task, data) for task, data, _, _ in WIZARD}
