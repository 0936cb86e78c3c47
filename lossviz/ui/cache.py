"""Cached calls into the core, keyed by hashable settings (Settings.group, Settings.params_key):
a slider recomputes only what it moved. Every cache is bounded; so is what a session keeps."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import replace

import streamlit as st

from lossviz import distributions, embeddings, gallery, guide, landscape, losses, masks, previews, verdicts, workbench
from lossviz.charts import fit_frame, held_still
from lossviz.data import (
    ClassificationData,
    RegressionData,
    classification_data,
    regression_data,
    segmentation_data,
    with_enough_points,
)
from lossviz.mistakes import MISTAKES
from lossviz.sentences import Sentence
from lossviz.train import (
    IMBALANCE_SWEEP_VARIES,
    History,
    ImbalanceSweep,
    Objective,
    Sweep,
    fits_along,
    imbalance_sweep,
    objective,
    outlier_sweep,
    switch_epoch,
    switch_relative,
    switch_trio,
    train_classifier,
    train_linear,
)
from lossviz.ui.slots import training_slot


@st.cache_data(max_entries=512, show_spinner=False)
def curves(task: str, axis: str, name: str, params: tuple) -> list[gallery.Curve]:
    """gallery.loss_curves per (view, loss, parameters)."""
    return gallery.loss_curves(task, axis, name, dict(params))


@st.cache_data(max_entries=32, show_spinner=False)
def drag_curves(task: str, axis: str, name: str, params: tuple, key: str, stops: tuple) -> list[list[gallery.Curve]]:
    """gallery.curves_along: the curves a dragged slider's chart holds, per (view, loss, the other
    parameters, the dragged one, its stops)."""
    return gallery.curves_along(task, axis, name, dict(params), key, stops)


@st.cache_data(max_entries=32, show_spinner=False)
def surface_set(data: tuple) -> RegressionData:
    """The landscape's data: the regression lab's generator, its first feature scaled or not, subsampled."""
    values = dict(data)
    features = values.pop("features")
    return landscape.subsample(landscape.surface_data(regression_data(**values), features))


@st.cache_data(max_entries=64, show_spinner=False)
def loss_surface(data: tuple, name: str, params: tuple, box: tuple) -> landscape.Surface:
    return landscape.surface(losses.get(name, **dict(params)), surface_set(data), *box)


@st.cache_data(max_entries=64, show_spinner=False)
def optimizer_paths(data: tuple, name: str, params: tuple, paths: tuple) -> dict[str, History]:
    """Every optimizer's path on loss `name`, per (data, loss, parameters, path settings)."""
    values = dict(paths)
    start = (values.pop("start_slope"), values.pop("start_intercept"))
    return landscape.paths(losses.get(name, **dict(params)), surface_set(data), start, **values)


@st.cache_data(max_entries=32, show_spinner=False)
def nag_runs(data: tuple, configured: tuple, paths: tuple) -> list[History]:
    """Seed 003's experiment on the landscape's data: Nesterov on each (loss, parameters) from the start."""
    values = dict(paths)
    start = (values.pop("start_slope"), values.pop("start_intercept"))
    return landscape.nag_experiment([losses.get(name, **dict(params)) for name, params in configured],
                                    surface_set(data), start, **values)


@st.cache_data(max_entries=32, show_spinner=False)
def curve_set(curve: tuple) -> landscape.CurveData:
    values = dict(curve)
    return landscape.curve_data(train_points=values["train_points"], noise=values["curve_noise"], seed=values["seed"])


@st.cache_data(max_entries=64, show_spinner=False)
def polynomial_fit(curve: tuple, fit: tuple) -> History:
    values = dict(fit)
    return landscape.train_polynomial(curve_set(curve), degree=values["degree"], weight_decay=values["weight_decay"],
                                      optimizer=values["optimizer"], lr=values["monitor_lr"],
                                      momentum=values["momentum"], epochs=values["monitor_epochs"])


@st.cache_data(max_entries=64, show_spinner=False)
def divergence_fits(target: tuple, fit: tuple) -> dict[str, History]:
    """A Gaussian fitted to the target mixture by each divergence, per (target, fit settings)."""
    return distributions.fit_all(distributions.mixture(**dict(target)), **dict(fit))


@st.cache_data(max_entries=16, show_spinner=False)
def segmentation_set(data: tuple):
    """The lab's images, with no more training images than masks.PIXEL_CAP allows."""
    values = dict(data)
    values["images"] = masks.capped_images(values["size"], values["images"])
    return segmentation_data(**values)


@st.cache_data(max_entries=64, show_spinner=False)
def mask_run(data: tuple, method: str, params: tuple, training: tuple) -> masks.MaskRun:
    return masks.train_masks(segmentation_set(data), method, dict(params), **dict(training))


def foreground_sweep_of(data: tuple, configured: tuple, training: tuple, on_progress=None) -> dict:
    """The foreground sweep of the methods in `configured` ((method, params) pairs)."""
    return _remembered(("foreground", data, configured, training), lambda: masks.foreground_sweep(
        [(method, dict(params)) for method, params in configured], dict(data), **dict(training),
        on_progress=on_progress))


@st.cache_data(max_entries=32, show_spinner=False)
def embedding_set(data: tuple) -> embeddings.EmbeddingData:
    return embeddings.embedding_data(**dict(data))


@st.cache_data(max_entries=64, show_spinner=False)
def embedding_run(data: tuple, training: tuple) -> embeddings.EmbeddingRun:
    return embeddings.train_embedding(embedding_set(data), **dict(training))


def mining_comparison(data: tuple, training: tuple) -> embeddings.MiningComparison:
    """Every mining strategy over COMPARE_SEEDS training seeds, per (data, margin, lr, epochs)."""
    return _remembered(("mining", data, training),
                       lambda: embeddings.compare_minings(embedding_set(data), **dict(training)))


@st.cache_data(max_entries=64, show_spinner=False)
def distillation(confidence: float, temperature: float) -> distributions.Distillation:
    return distributions.distillation(confidence=confidence, temperature=temperature)


@st.cache_data(max_entries=64, show_spinner=False)
def regression_set(data: tuple) -> RegressionData:
    return regression_data(**dict(data))


@st.cache_data(max_entries=256, show_spinner=False)
def line_fit(data: tuple, name: str, params: tuple, training: tuple) -> History:
    """One loss's line, per (data, loss, parameters, training)."""
    return train_linear(losses.get(name, **dict(params)), regression_set(data), **dict(training))


@st.cache_data(max_entries=16, show_spinner=False)
def fit_frames(data: tuple, configured: tuple, training: tuple, key: str, stops: tuple, names: tuple,
               pull_of: str) -> list[dict]:
    """The regression lab's chart at each of `stops` of setting `key` (train.fits_along), as frames
    named `names` that its drag slider scrubs through; points sized by the pull of loss `pull_of`
    ("none": not sized). Per (data, (loss, params) pairs, training, setting, stops, sizing)."""
    fits = fits_along(dict(data), {name: dict(params) for name, params in configured}, dict(training), key, stops,
                      None if pull_of == "none" else pull_of)
    return held_still([fit_frame(name, points, histories, pulls)
                       for name, (points, histories, pulls) in zip(names, fits, strict=True)])


def switch_key(settings, first: str, then: str, switch_at: int) -> tuple:
    """The arguments of switch_runs and switch_histories for the regression lab's `settings`."""
    return ((first, settings.params_key(first)), (then, settings.params_key(then)), settings.group("data"),
            settings.group("training"), switch_at)


@st.cache_data(max_entries=64, show_spinner=False)
def switch_runs(first: tuple, then: tuple, data: tuple, training: tuple, switch_at: int) -> verdicts.SwitchRuns:
    """verdicts.switch_runs per ((loss, params) first, (loss, params) then, data, training, epoch)."""
    return verdicts.switch_runs((first[0], dict(first[1])), (then[0], dict(then[1])), dict(data), dict(training),
                                switch_at)


@st.cache_data(max_entries=64, show_spinner=False)
def switch_histories(first: tuple, then: tuple, data: tuple, training: tuple, switch_at: int) -> list[History]:
    """The switch experiment's three runs on the lab's own data: switched (its loss named "switched",
    its values relative by phase: train.switch_relative), the second loss alone and the first alone."""
    first_loss, then_loss = losses.get(first[0], **dict(first[1])), losses.get(then[0], **dict(then[1]))
    steps = dict(training)
    switched, then_alone, first_alone = switch_trio(first_loss, then_loss, regression_set(data), switch_at=switch_at,
                                                    **steps)
    relative = switch_relative(switched, first_alone.values[0], then_alone.values[0],
                               switch_epoch(switch_at, steps["epochs"]))
    return [replace(relative, loss="switched"), then_alone, first_alone]


@st.cache_data(max_entries=16, show_spinner=False)
def combined_weights(data: tuple, lr: float, epochs: int) -> Sentence:
    """guide.dice_bce_weights per (segmentation data, training)."""
    return guide.dice_bce_weights(dict(data), lr=lr, epochs=epochs)


@st.cache_resource(max_entries=32, show_spinner=False)
def preview(page: str, label: str) -> str:
    """previews.preview per (page, description): the home page's pictures, the same for every visitor."""
    return previews.preview(page, label)


class Recent:
    """The `size` most recently stored or read values by key; older ones are dropped."""

    def __init__(self, size: int):
        self.size = size
        self._values: OrderedDict = OrderedDict()

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, key) -> bool:
        return key in self._values

    def __iter__(self):
        """The keys, least recently used first."""
        return iter(self._values)

    def get(self, key, default=None):
        if key not in self._values:
            return default
        self._values.move_to_end(key)
        return self._values[key]

    def put(self, key, value) -> None:
        self._values[key] = value
        self._values.move_to_end(key)
        while len(self._values) > self.size:
            self._values.popitem(last=False)


SWEEPS_KEPT = 16
_sweeps, _sweeps_lock = Recent(SWEEPS_KEPT), threading.Lock()


def _remembered(key: tuple, compute):
    """`compute()`, kept by `key` for every session of the process (a sweep's progress bar belongs to
    the run that computes it, which st.cache_data would replay on a later run)."""
    with _sweeps_lock:
        found = _sweeps.get(key)
    if found is None:
        with training_slot(f"slot_stop.{key[0]}"):  # a sweep runs for seconds: it takes a training slot
            found = compute()
        with _sweeps_lock:
            _sweeps.put(key, found)
    return found


@st.cache_data(max_entries=8, show_spinner=False)
def mistake(name: str) -> Sentence:
    """One point of "where common sources go wrong", with its numbers."""
    return MISTAKES[name]()


def outlier_sweep_of(data: tuple, configured: tuple, training: tuple, on_progress=None) -> Sweep:
    """The outlier sweep of the losses in `configured` ((name, params) pairs)."""
    return _remembered(("outlier", data, configured, training), lambda: outlier_sweep(
        [losses.get(name, **dict(params)) for name, params in configured], dict(data), dict(training),
        on_progress=on_progress))


@st.cache_data(max_entries=32, show_spinner=False)
def classification_set(data: tuple, classes: int) -> ClassificationData:
    """The data set of these settings, with n raised as far as the imbalance needs (data.points_needed)."""
    return classification_data(classes=classes, **with_enough_points(dict(data), classes))


def method_goal(method: str, params: tuple, data: tuple, classes: int) -> Objective:
    """The Objective of `method`, its automatic weights taken from the (cached) training labels."""
    return objective(method, dict(params), classification_set(data, classes).y)


def method_params(settings, method: str) -> tuple:
    """The parameters of classification `method` as a cache key; weighted BCE in auto mode balances
    the classes (its weight comes from the training labels)."""
    if method == "weighted_bce" and settings.weighting == "auto":
        return (("pos_weight", None),)
    return settings.params_key(method)


def imbalance_sweep_key(settings) -> tuple:
    """The arguments of imbalance_sweep_of for the classification lab's `settings`: its chosen methods,
    the data settings the sweep does not set itself, its training."""
    return (tuple((method, method_params(settings, method)) for method in settings.methods),
            settings.group("data", without=IMBALANCE_SWEEP_VARIES), settings.group("training"))


@st.cache_data(max_entries=256, show_spinner=False)
def classifier(data: tuple, classes: int, method: str, params: tuple, training: tuple) -> History:
    """One method's linear classifier, per (data, method, parameters, training)."""
    return train_classifier(method_goal(method, params, data, classes), classification_set(data, classes),
                            **dict(training))


def imbalance_sweep_of(methods: tuple, data: tuple, training: tuple, on_progress=None) -> ImbalanceSweep:
    """The imbalance sweep of `methods` ((method, params) pairs)."""
    return _remembered(("imbalance", methods, data, training), lambda: imbalance_sweep(
        [(method, dict(params)) for method, params in methods], dict(data), dict(training), on_progress=on_progress))


def session_store(key: str, size: int) -> Recent:
    """A per-session Recent(size) under `key`: what a session keeps, such as trained networks, stays bounded."""
    store = st.session_state.get(key)
    if not isinstance(store, Recent):
        store = st.session_state[key] = Recent(size)
    return store


# --- the workbench: a typed loss and the visitor's file ----------------------------------------

@st.cache_resource(max_entries=128, show_spinner=False)
def typed_loss(text: str, task: str):
    """The typed loss compiled (lossviz.expression.Expression), or the ExpressionError that refused it:
    kept either way, so a refused text is not checked again on every rerun. A resource, shared by
    every session: a compiled expression holds functions, which cannot be pickled."""
    from lossviz import expression

    try:
        return expression.compile_vetted(text, task)
    except expression.ExpressionError as error:
        return error


def start_expression_worker() -> None:
    """Start the worker that times a new expression's symbolic steps, ahead of the first one."""
    from lossviz import expression

    expression.start_worker()


@st.cache_data(max_entries=256, show_spinner=False)
def typed_curve(text: str, task: str, params: tuple) -> gallery.Curve:
    return workbench.custom_curve(typed_loss(text, task), dict(params))


@st.cache_data(max_entries=64, show_spinner=False)
def typed_check(text: str, task: str, params: tuple) -> dict:
    """The typed loss against PyTorch on its axis (workbench.torch_check)."""
    return workbench.torch_check(typed_loss(text, task), dict(params))


@st.cache_data(max_entries=64, show_spinner=False)
def typed_line_fit(text: str, params: tuple, data: tuple, training: tuple) -> History:
    """The regression lab's line fitted with a typed loss."""
    return workbench.train_custom_line(typed_loss(text, "regression"), dict(params), regression_set(data),
                                       dict(training))


@st.cache_data(max_entries=64, show_spinner=False)
def typed_classifier(text: str, params: tuple, data: tuple, training: tuple) -> History:
    """The classification lab's linear classifier trained with a typed binary loss."""
    return train_classifier(workbench.custom_objective(typed_loss(text, "binary"), dict(params)),
                            classification_set(data, 2), **dict(training))


UPLOADS_KEPT = 6  # results a session keeps of its uploaded files


def per_upload(upload, key: tuple, compute):
    """`compute()` for the uploaded file `upload` and `key`, kept in the session only (the
    UPLOADS_KEPT most recent): a visitor's data never goes into a cache that other sessions share.
    An UploadError is kept too, and raised again."""
    store = session_store("workbench.uploads", UPLOADS_KEPT)
    full_key = (upload.file_id, *key)
    if full_key not in store:
        try:
            store.put(full_key, compute())
        except workbench.UploadError as error:
            store.put(full_key, error)
    found = store.get(full_key)
    if isinstance(found, workbench.UploadError):
        raise found
    return found
