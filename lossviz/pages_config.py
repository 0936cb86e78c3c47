"""Every page's settings: URL keys, choices, bounds and defaults, one Schema per page.

The URL keys are a public interface: shared links hold them, so a key keeps its name and
meaning once published (tests/unit/test_pages_config.py keeps a list of today's links).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from lossviz import gallery, guide, losses, workbench
from lossviz.data import CLASSIFICATION_SPECS, OUTLIER_KINDS, REGRESSION_SPECS, SEGMENTATION_SPECS, VALIDATION_IMAGES
from lossviz.distributions import DISTILL_SPECS, FIT_SPECS, TARGET_SPECS
from lossviz.embeddings import DATA_SPECS as EMBEDDING_DATA_SPECS
from lossviz.embeddings import MININGS
from lossviz.embeddings import TRAIN_SPECS as EMBEDDING_TRAIN_SPECS
from lossviz.expression_syntax import DEFAULT_TEXT, MAX_LENGTH, PARAMETERS, TASKS
from lossviz.landscape import FEATURE_SCALES, MONITOR_SPECS, PATH_EPOCHS, START_SPECS
from lossviz.losses import ParamSpec
from lossviz.masks import METHODS as SEGMENTATION_METHODS
from lossviz.masks import TRAINING_SPECS as SEGMENTATION_TRAINING_SPECS
from lossviz.models import MLP_SPECS
from lossviz.optim import OPTIMIZER_SPECS, OPTIMIZERS
from lossviz.snippets import FRAMEWORKS
from lossviz.state import Following, Schema, loss_param_specs
from lossviz.train import BINARY_METHODS, ERROR_MEASURES, METHOD_LOSSES, MULTICLASS_METHODS, SWITCH_SPEC, TRAINING_SPECS

TRAINING_KEYS = ("optimizer", "lr", "momentum", "epochs")

GALLERY_DETAIL_TABS = ("explain", "code", "check")
GALLERY = Schema(
    choices={"task": (tuple(gallery.TASK_LOSSES), "regression"),
             "axis": Following("task", {task: (axes, axes[0]) for task, axes in gallery.TASK_AXES.items()}),
             # the loss "A closer look" shows, and what it shows of it
             "detail": Following("task", {task: (names, gallery.DEFAULT_LOSSES[task][0])
                                          for task, names in gallery.TASK_LOSSES.items()}),
             "detail_tab": (GALLERY_DETAIL_TABS, GALLERY_DETAIL_TABS[0])},
    lists={"losses": Following("task", {task: (names, gallery.DEFAULT_LOSSES[task])
                                        for task, names in gallery.TASK_LOSSES.items()})},
    param_specs=gallery.entry_param_specs(),
)

# the lab fits a line by its residual: smooth_l1 and gaussian_nll would add a rescaled Huber and MSE,
# and poisson_nll needs counts, so they stay in the gallery
REGRESSION_LOSSES = ("barron", "huber", "log_cosh", "mae", "mse", "quantile")
REGRESSION_DATA_KEYS = ("n", "noise", "outlier_fraction", "outlier_magnitude", "seed", "outlier_kind")
REGRESSION = Schema(
    lists={"losses": (REGRESSION_LOSSES, ("mse", "mae", "huber"))},
    numbers={**{key: spec for key, spec in REGRESSION_SPECS.items() if key != "features"},  # the charts show one
             # the lines settle within about a hundred epochs; fewer epochs keep sliders quick
             **OPTIMIZER_SPECS, "epochs": replace(TRAINING_SPECS["epochs"], default=200), "switch_at": SWITCH_SPEC},
    choices={"outlier_kind": (OUTLIER_KINDS, "vertical"), "optimizer": (OPTIMIZERS, "nag"),
             "influence": (("none", *REGRESSION_LOSSES), "mse"),  # whose pull sets the size of the points
             "measure": (ERROR_MEASURES, "total"),  # the error the sweep plots
             # a run that changes its loss at an epoch (the guide's FAQ on switching), shown on request
             "switch": (("off", "on"), "off"), "switch_from": (REGRESSION_LOSSES, "mse"),
             "switch_to": (REGRESSION_LOSSES, "mae")},
    param_specs=loss_param_specs(REGRESSION_LOSSES),
    groups={"data": REGRESSION_DATA_KEYS, "training": TRAINING_KEYS},
)


def method_param_specs(methods) -> dict:
    """The sliders of classification methods: the exposed parameters of their registry losses."""
    specs = {}
    for method in methods:
        name, exposed = METHOD_LOSSES[method]
        for key in exposed:
            specs[method, key] = losses.loss_class(name).param_specs[key]
    return specs


CLASSIFICATION_VIEWS = ("binary", "focal", "multiclass", "network")
CLASSIFICATION_DATA_KEYS = ("n", "imbalance", "separation", "seed")
CLASSIFICATION = Schema(
    lists={"methods": (BINARY_METHODS, ("bce", "weighted_bce", "focal")),
           "multiclass": (MULTICLASS_METHODS, MULTICLASS_METHODS)},
    numbers={**CLASSIFICATION_SPECS, "lr": replace(OPTIMIZER_SPECS["lr"], default=0.05),
             "momentum": OPTIMIZER_SPECS["momentum"],
             # Adam settles a logistic model in well under 200 steps; fewer epochs keep sliders quick, and
             # the cap keeps the largest settings (five methods, 10,000 points) near a second a move
             "epochs": replace(TRAINING_SPECS["epochs"], default=200, max=600),
             "hidden": MLP_SPECS["hidden"], "network_epochs": MLP_SPECS["epochs"]},
    choices={"optimizer": (OPTIMIZERS, "adam"), "weighting": (("auto", "manual"), "auto"),
             "view": (CLASSIFICATION_VIEWS, "binary"), "network_method": (BINARY_METHODS, "weighted_bce")},
    param_specs={**method_param_specs(BINARY_METHODS + MULTICLASS_METHODS),
                 ("smoothed_bce", "label_smoothing"): replace(losses.loss_class("cce").param_specs["label_smoothing"],
                                                              default=0.1)},
    groups={"data": CLASSIFICATION_DATA_KEYS, "training": TRAINING_KEYS},
)


LANDSCAPE_VIEWS = ("surface", "monitor")
LANDSCAPE = Schema(
    choices={"view": (LANDSCAPE_VIEWS, "surface"),
             "left": (REGRESSION_LOSSES, "mse"), "right": (REGRESSION_LOSSES, "huber"),  # the two surfaces
             "features": (FEATURE_SCALES, "scaled"), "outlier_kind": (OUTLIER_KINDS, "vertical"),
             "optimizer": (OPTIMIZERS, "adam")},  # the monitor's
    numbers={**{key: spec for key, spec in REGRESSION_SPECS.items() if key != "features"},
             "lr": replace(OPTIMIZER_SPECS["lr"], default=0.05), "momentum": OPTIMIZER_SPECS["momentum"],
             "epochs": PATH_EPOCHS, **START_SPECS,
             **{key: spec for key, spec in MONITOR_SPECS.items() if key not in ("noise", "seed")},
             "curve_noise": MONITOR_SPECS["noise"],
             "monitor_lr": replace(OPTIMIZER_SPECS["lr"], default=0.01),
             "monitor_epochs": replace(TRAINING_SPECS["epochs"], default=2000)},
    param_specs=loss_param_specs(REGRESSION_LOSSES),
    groups={"data": (*REGRESSION_DATA_KEYS, "features"), "paths": ("lr", "momentum", "epochs", "start_slope",
                                                                    "start_intercept"),
            "curve": ("train_points", "curve_noise", "seed"),
            "fit": ("degree", "weight_decay", "optimizer", "monitor_lr", "momentum", "monitor_epochs")},
)


DISTRIBUTION_VIEWS = ("kl", "distill")
DISTRIBUTIONS = Schema(
    choices={"view": (DISTRIBUTION_VIEWS, "kl")},
    numbers={**TARGET_SPECS, **FIT_SPECS, "lr": replace(OPTIMIZER_SPECS["lr"], default=0.05),
             "epochs": replace(TRAINING_SPECS["epochs"], default=300, max=1000), **DISTILL_SPECS},
    groups={"target": tuple(TARGET_SPECS), "fit": ("start_mean", "lr", "epochs")},
)


SEGMENTATION = Schema(
    lists={"losses": (tuple(SEGMENTATION_METHODS), ("bce", "weighted_bce", "dice", "dice_bce"))},
    numbers={**SEGMENTATION_SPECS, "lr": replace(OPTIMIZER_SPECS["lr"], default=0.1), **SEGMENTATION_TRAINING_SPECS,
             "image": replace(REGRESSION_SPECS["seed"], default=1, min=1, max=VALIDATION_IMAGES,
                              help="Which validation image the maps show.")},
    param_specs={(method, key): losses.loss_class(name).param_specs[key]
                 for method, (name, _, exposed) in SEGMENTATION_METHODS.items() for key in exposed},
    groups={"data": tuple(SEGMENTATION_SPECS), "training": ("lr", "epochs")},
)

EMBEDDINGS = Schema(
    choices={"mining": (MININGS, "semi_hard")},
    numbers={**EMBEDDING_DATA_SPECS, "margin": losses.loss_class("triplet").param_specs["margin"],
             "lr": replace(OPTIMIZER_SPECS["lr"], default=0.05), **EMBEDDING_TRAIN_SPECS,
             # the anchor whose negatives are shown, counted among the training points (wrapped around)
             "anchor": replace(REGRESSION_SPECS["seed"], max=999, help="Which training point is the anchor.")},
    groups={"data": tuple(EMBEDDING_DATA_SPECS), "training": ("mining", "margin", "lr", "epochs")},
)


WORKBENCH_VIEWS = ("loss", "data")
# a parameter of a typed loss: its value, and the ends of its slider, which the visitor sets
PARAMETER_BOUND = ParamSpec(default=0.0, min=-1000.0, max=1000.0, step=0.001)
PARAMETER_SPECS = {
    **{name: replace(PARAMETER_BOUND, default=1.0, help="A parameter of your loss.") for name in PARAMETERS},
    **{f"{name}_min": replace(PARAMETER_BOUND, help="The left end of the slider.") for name in PARAMETERS},
    **{f"{name}_max": replace(PARAMETER_BOUND, default=5.0, help="The right end of the slider.")
       for name in PARAMETERS},
}
# what the upload tab compares, per mode: regression losses on residuals and points, binary ones on labels
DATA_LOSSES = {"residuals": workbench.COMPARED["regression"], "points": workbench.COMPARED["regression"],
               "classification": workbench.COMPARED["binary"]}
WORKBENCH = Schema(
    choices={"view": (WORKBENCH_VIEWS, "loss"), "task": (TASKS, "regression"),
             "mode": (workbench.MODES, "residuals"), "kind": (workbench.SCORE_KINDS, "probability")},
    lists={"compare": Following("task", {task: (names, names[:3]) for task, names in workbench.COMPARED.items()}),
           "data_losses": Following("mode", {mode: (names, names[:3]) for mode, names in DATA_LOSSES.items()})},
    texts={"expr": Following("task", {task: (MAX_LENGTH, DEFAULT_TEXT[task]) for task in TASKS})},
    numbers={**PARAMETER_SPECS, "outlier_fraction": REGRESSION_SPECS["outlier_fraction"],
             "imbalance": CLASSIFICATION_SPECS["imbalance"]},
)


GUIDE = Schema(
    choices={"task": (guide.TASKS, guide.TASKS[0]),
             "data": Following("task", {task: (guide.data_options(task), guide.data_options(task)[0])
                                        for task in guide.TASKS}),
             "priority": Following("data", {data: (options, options[0])
                                            for data, options in guide.data_priorities().items()}),
             "framework": (FRAMEWORKS, FRAMEWORKS[0])},
)


@dataclass(frozen=True)
class PageEntry:
    """A page of the app: its script, URL path ("" for the home page), Material icon, and the
    i18n keys of its navigation title (nav.<name>) and home-page blurb (home.<name>)."""

    name: str
    script: str
    url_path: str
    icon: str


PAGES = (
    PageEntry("home", "views/home.py", "", ":material/home:"),
    PageEntry("guide", "views/guide.py", "guide", ":material/explore:"),
    PageEntry("gallery", "views/gallery.py", "gallery", ":material/ssid_chart:"),
    PageEntry("regression", "views/regression.py", "regression", ":material/scatter_plot:"),
    PageEntry("classification", "views/classification.py", "classification", ":material/balance:"),
    PageEntry("landscape", "views/landscape.py", "landscape", ":material/landscape:"),
    PageEntry("distributions", "views/distributions.py", "distributions", ":material/bar_chart:"),
    PageEntry("embeddings", "views/embeddings.py", "embeddings", ":material/hub:"),
    PageEntry("segmentation", "views/segmentation.py", "segmentation", ":material/blur_on:"),
    PageEntry("workbench", "views/workbench.py", "workbench", ":material/edit_note:"),
)
