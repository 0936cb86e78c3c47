"""Settings <-> URL query parameters, validated and clamped.

A shared link must reopen the exact view, and a hostile or broken one must still open a working
page: every value is checked against its spec, out-of-range numbers are clamped, anything else
is dropped, and each repair becomes a Notice (an i18n key with its values) shown to the user.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from lossviz import gallery, losses
from lossviz.data import CLASSIFICATION_SPECS, OUTLIER_KINDS, REGRESSION_SPECS
from lossviz.losses import ParamSpec
from lossviz.models import MLP_SPECS
from lossviz.optim import OPTIMIZER_SPECS, OPTIMIZERS
from lossviz.train import BINARY_METHODS, ERROR_MEASURES, METHOD_LOSSES, MULTICLASS_METHODS, TRAINING_SPECS

MAX_VALUE_LENGTH = 200
GLOBAL_KEYS = ("lang",)


@dataclass(frozen=True)
class Notice:
    """A repair made to a URL value: `key` names an i18n string, `values` fill it in."""

    key: str
    values: dict = field(default_factory=dict)


def format_number(value: float) -> str:
    """Compact and exact enough for a URL (12 significant digits)."""
    return f"{value:.12g}"


def read_number(raw: str, key: str, spec: ParamSpec, fallback: float, notices: list[Notice]) -> float:
    """`raw` as a number within the spec's range: clamped when outside, `fallback` when unreadable."""
    if len(raw) > MAX_VALUE_LENGTH:
        notices.append(Notice("notice.too_long", {"key": key}))
        return fallback
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if math.isnan(value):
        notices.append(Notice("notice.bad_number", {"key": key, "value": format_number(fallback)}))
        return fallback
    clamped = min(max(value, spec.min), spec.max)
    if clamped != value:
        notices.append(Notice("notice.clamped", {"key": key, "raw": raw[:40], "low": format_number(spec.min),
                                                 "high": format_number(spec.max), "value": format_number(clamped)}))
    if spec.integer:
        whole = round(clamped)
        if whole != clamped:
            notices.append(Notice("notice.rounded", {"key": key, "raw": raw[:40], "value": whole}))
        return whole
    return clamped


def read_choice(raw: str, key: str, choices, fallback: str, notices: list[Notice]) -> str:
    if raw in choices:
        return raw
    notices.append(Notice("notice.bad_choice", {"key": key, "raw": raw[:40], "value": fallback}))
    return fallback


def read_choices(raw: str, key: str, choices, fallback, notices: list[Notice]) -> tuple[str, ...]:
    """A comma-separated subset of `choices`, in the given order without repeats."""
    if len(raw) > MAX_VALUE_LENGTH:
        notices.append(Notice("notice.too_long", {"key": key}))
        return tuple(fallback)
    picked = []
    for item in filter(None, raw.split(",")):
        if item in choices:
            if item not in picked:
                picked.append(item)
        else:
            notices.append(Notice("notice.bad_item", {"key": key, "raw": item[:40]}))
    return tuple(picked)


def loss_param_specs(names) -> dict[tuple[str, str], ParamSpec]:
    """The sliders of losses `names`: {(loss, param): ParamSpec}, in the URL as `loss.param`."""
    return {(name, key): spec for name in names for key, spec in losses.loss_class(name).param_specs.items()}


def read_params(query: Mapping[str, str], specs: dict[tuple[str, str], ParamSpec], notices: list[Notice]) -> dict:
    """{name: {param: value}} for every `name.param` key of the query that `specs` knows."""
    params: dict = {}
    for (name, key), spec in specs.items():
        url_key = f"{name}.{key}"
        if url_key in query:
            params.setdefault(name, {})[key] = read_number(query[url_key], url_key, spec, spec.default, notices)
    return params


def with_defaults(params: dict, name: str) -> dict:
    """Loss `name`'s parameters from {loss: {param: value}}, its defaults filling the gaps."""
    specs = losses.loss_class(name).param_specs
    return {key: params.get(name, {}).get(key, spec.default) for key, spec in specs.items()}


def loss_params_query(params: dict, names) -> dict[str, str]:
    return {f"{name}.{key}": format_number(value)
            for name in names for key, value in with_defaults(params, name).items()}


def report_unknown_keys(query: Mapping[str, str], known, notices: list[Notice]) -> None:
    for key in query:
        if key not in known and key not in GLOBAL_KEYS:
            notices.append(Notice("notice.unknown_key", {"key": key[:40]}))


@dataclass(frozen=True)
class GallerySettings:
    """Everything the gallery shows: the task, the drawn losses, the axis and each loss's parameters."""

    task: str = "regression"
    losses: tuple[str, ...] = gallery.DEFAULT_LOSSES["regression"]
    axis: str = "residual"
    params: dict = field(default_factory=dict)  # {loss: {param: value}}, defaults filled in

    def loss_params(self, name: str) -> dict:
        return with_defaults(self.params, name)


GALLERY_LOSSES = tuple(name for names in gallery.TASK_LOSSES.values() for name in names)


def parse_gallery(query: Mapping[str, str]) -> tuple[GallerySettings, list[Notice]]:
    """Gallery settings from URL query parameters, with a Notice for each value repaired or dropped."""
    notices: list[Notice] = []
    task = read_choice(query.get("task", "regression"), "task", gallery.TASK_LOSSES, "regression", notices)
    chosen = gallery.DEFAULT_LOSSES[task]
    if "losses" in query:
        chosen = read_choices(query["losses"], "losses", gallery.TASK_LOSSES[task], chosen, notices)
    axes = gallery.TASK_AXES[task]
    axis = read_choice(query.get("axis", axes[0]), "axis", axes, axes[0], notices)
    params = read_params(query, loss_param_specs(GALLERY_LOSSES), notices)
    known = {"task", "losses", "axis", *(f"{name}.{key}" for name, key in loss_param_specs(GALLERY_LOSSES))}
    report_unknown_keys(query, known, notices)
    return GallerySettings(task, chosen, axis, params), notices


def gallery_query(settings: GallerySettings) -> dict[str, str]:
    """The URL query parameters that reopen `settings` (parameters of the drawn losses only)."""
    query = {"task": settings.task, "losses": ",".join(settings.losses), "axis": settings.axis}
    return {**query, **loss_params_query(settings.params, settings.losses)}


@dataclass(frozen=True)
class LabSchema:
    """Every setting of a lab page under its URL key.

    `lists`: key -> (choices, default subset), e.g. the losses to train; `numbers`: key ->
    ParamSpec; `choices`: key -> (choices, default); `param_specs`: (loss or method, param) ->
    ParamSpec, in the URL as `name.param` (only for the names chosen in some list).
    """

    lists: dict
    numbers: dict
    choices: dict
    param_specs: dict

    def defaults(self) -> dict:
        return {**{key: tuple(default) for key, (_, default) in self.lists.items()},
                # through validate: float, or int for integer specs, as a value read from a URL is
                **{key: spec.validate(key, spec.default) for key, spec in self.numbers.items()},
                **{key: default for key, (_, default) in self.choices.items()}}

    def settings(self, values: dict, params: dict) -> LabSettings:
        """LabSettings from partial `values` and {name: {param: value}}, defaults filling the gaps."""
        filled = {}
        for (name, key), spec in self.param_specs.items():
            filled.setdefault(name, {})[key] = params.get(name, {}).get(key, spec.default)
        return LabSettings(self, {**self.defaults(), **values}, filled)


@dataclass(frozen=True)
class LabSettings:
    """A lab's settings, complete: `values` by URL key and `params` by loss or method name."""

    schema: LabSchema
    values: dict
    params: dict

    def __getitem__(self, key: str):
        return self.values[key]

    def params_of(self, name: str) -> dict:
        return dict(self.params.get(name, {}))

    def subset(self, keys) -> dict:
        return {key: self.values[key] for key in keys}


def parse_lab(schema: LabSchema, query: Mapping[str, str]) -> tuple[LabSettings, list[Notice]]:
    """A lab's settings from URL query parameters, with a Notice for each value repaired or dropped."""
    notices: list[Notice] = []
    values: dict = {}
    for key, (choices, default) in schema.lists.items():
        if key in query:
            values[key] = read_choices(query[key], key, choices, default, notices)
    for key, spec in schema.numbers.items():
        if key in query:
            values[key] = read_number(query[key], key, spec, spec.default, notices)
    for key, (choices, default) in schema.choices.items():
        if key in query:
            values[key] = read_choice(query[key], key, choices, default, notices)
    params = read_params(query, schema.param_specs, notices)
    known = {*schema.lists, *schema.numbers, *schema.choices, *(f"{name}.{key}" for name, key in schema.param_specs)}
    report_unknown_keys(query, known, notices)
    return schema.settings(values, params), notices


def lab_query(settings: LabSettings) -> dict[str, str]:
    """The URL query parameters that reopen `settings` (parameters of the chosen names only)."""
    schema = settings.schema
    query = {key: ",".join(settings[key]) for key in schema.lists}
    query.update({key: format_number(settings[key]) for key in schema.numbers})
    query.update({key: settings[key] for key in schema.choices})
    chosen = {name for key in schema.lists for name in settings[key]}
    query.update({f"{name}.{key}": format_number(settings.params[name][key])
                  for name, key in schema.param_specs if name in chosen})
    return query


REGRESSION_LOSSES = tuple(losses.names("regression"))
REGRESSION = LabSchema(
    lists={"losses": (REGRESSION_LOSSES, ("mse", "mae", "huber"))},
    numbers={**{key: spec for key, spec in REGRESSION_SPECS.items() if key != "features"},  # the charts show one
             # the lines settle within about a hundred epochs; fewer epochs keep sliders quick
             **OPTIMIZER_SPECS, "epochs": replace(TRAINING_SPECS["epochs"], default=200)},
    choices={"outlier_kind": (OUTLIER_KINDS, "vertical"), "optimizer": (OPTIMIZERS, "nag"),
             "influence": (("none", *REGRESSION_LOSSES), "mse"),  # whose pull sets the size of the points
             "measure": (ERROR_MEASURES, "total")},  # the error the sweep plots
    param_specs=loss_param_specs(REGRESSION_LOSSES),
)
REGRESSION_DATA_KEYS = ("n", "noise", "outlier_fraction", "outlier_magnitude", "seed", "outlier_kind")
TRAINING_KEYS = ("optimizer", "lr", "momentum", "epochs")


def method_param_specs(methods) -> dict[tuple[str, str], ParamSpec]:
    """The sliders of classification methods: the exposed parameters of their registry losses."""
    specs = {}
    for method in methods:
        name, exposed = METHOD_LOSSES[method]
        for key in exposed:
            specs[method, key] = losses.loss_class(name).param_specs[key]
    return specs


CLASSIFICATION_VIEWS = ("binary", "focal", "multiclass", "network")
CLASSIFICATION = LabSchema(
    lists={"methods": (BINARY_METHODS, ("bce", "weighted_bce", "focal")),
           "multiclass": (MULTICLASS_METHODS, MULTICLASS_METHODS)},
    numbers={**CLASSIFICATION_SPECS, "lr": replace(OPTIMIZER_SPECS["lr"], default=0.05),
             "momentum": OPTIMIZER_SPECS["momentum"],
             # Adam settles a logistic model in well under 200 steps; fewer epochs keep sliders quick
             "epochs": replace(TRAINING_SPECS["epochs"], default=200),
             "hidden": MLP_SPECS["hidden"], "network_epochs": MLP_SPECS["epochs"]},
    choices={"optimizer": (OPTIMIZERS, "adam"), "weighting": (("auto", "manual"), "auto"),
             "view": (CLASSIFICATION_VIEWS, "binary"), "network_method": (BINARY_METHODS, "weighted_bce")},
    param_specs={**method_param_specs(BINARY_METHODS + MULTICLASS_METHODS),
                 ("smoothed_bce", "label_smoothing"): replace(losses.loss_class("cce").param_specs["label_smoothing"],
                                                              default=0.1)},
)
CLASSIFICATION_DATA_KEYS = ("n", "imbalance", "separation", "seed")
