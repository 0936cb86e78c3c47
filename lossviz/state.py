"""Settings <-> URL query parameters, validated and clamped.

A shared link must reopen the exact view, and a hostile or broken one must still open a working
page: every value is checked against its spec, out-of-range numbers are clamped, anything else
is dropped, and each repair becomes a Notice (an i18n key with its values) shown to the user.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from lossviz import gallery, losses
from lossviz.losses import ParamSpec

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


@dataclass(frozen=True)
class GallerySettings:
    """Everything the gallery shows: the task, the drawn losses, the axis and each loss's parameters."""

    task: str = "regression"
    losses: tuple[str, ...] = gallery.DEFAULT_LOSSES["regression"]
    axis: str = "residual"
    params: dict = field(default_factory=dict)  # {loss: {param: value}}, defaults filled in

    def loss_params(self, name: str) -> dict:
        specs = losses.loss_class(name).param_specs
        return {key: self.params.get(name, {}).get(key, spec.default) for key, spec in specs.items()}


def gallery_param_specs():
    """Every slider of the gallery: {(loss, param): ParamSpec} over all its tasks."""
    return {(name, key): spec
            for names in gallery.TASK_LOSSES.values() for name in names
            for key, spec in losses.loss_class(name).param_specs.items()}


def parse_gallery(query: Mapping[str, str]) -> tuple[GallerySettings, list[Notice]]:
    """Gallery settings from URL query parameters, with a Notice for each value repaired or dropped."""
    notices: list[Notice] = []
    task = read_choice(query.get("task", "regression"), "task", gallery.TASK_LOSSES, "regression", notices)
    chosen = gallery.DEFAULT_LOSSES[task]
    if "losses" in query:
        chosen = read_choices(query["losses"], "losses", gallery.TASK_LOSSES[task], chosen, notices)
    axes = gallery.TASK_AXES[task]
    axis = read_choice(query.get("axis", axes[0]), "axis", axes, axes[0], notices)
    specs = gallery_param_specs()
    params: dict = {}
    for (name, key), spec in specs.items():
        url_key = f"{name}.{key}"
        if url_key in query:
            params.setdefault(name, {})[key] = read_number(query[url_key], url_key, spec, spec.default, notices)
    known = {"task", "losses", "axis", *GLOBAL_KEYS, *(f"{name}.{key}" for name, key in specs)}
    for key in query:
        if key not in known:
            notices.append(Notice("notice.unknown_key", {"key": key[:40]}))
    return GallerySettings(task, chosen, axis, params), notices


def gallery_query(settings: GallerySettings) -> dict[str, str]:
    """The URL query parameters that reopen `settings` (parameters of the drawn losses only)."""
    query = {"task": settings.task, "losses": ",".join(settings.losses), "axis": settings.axis}
    for name in settings.losses:
        for key, value in settings.loss_params(name).items():
            query[f"{name}.{key}"] = format_number(value)
    return query
