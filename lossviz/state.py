"""Settings <-> URL query parameters, validated and clamped.

A shared link must reopen the exact view, and a hostile or broken one must still open a working
page: every value is checked against its spec, out-of-range numbers are clamped, anything else
is dropped, and each repair becomes a Notice (an i18n key with its values) shown to the user.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from lossviz import losses
from lossviz.losses import ParamSpec

MAX_VALUE_LENGTH = 200
SWITCH_SUFFIX = ".on"  # the widget key of a switchable parameter's switch (ParamSpec.switch)
OFF = -1.0  # a switchable parameter's value when it is off
LANG_KEY = "lang"  # the page's language
LESSON_KEY, STEP_KEY, PRESENT_KEY = "lesson", "step", "present"  # a lesson's step, presenter mode (lossviz.lessons)
GLOBAL_KEYS = (LANG_KEY, LESSON_KEY, STEP_KEY, PRESENT_KEY)  # URL keys on every page that are no settings


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


def read_text(raw: str, key: str, longest: int, default: str, notices: list[Notice]) -> str:
    """Free text of at most `longest` characters, as it is (the page checks what it says)."""
    if len(raw) > longest:
        notices.append(Notice("notice.too_long", {"key": key}))
        return default
    return raw


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


def report_unknown_keys(query: Mapping[str, str], known, notices: list[Notice]) -> None:
    for key in query:
        if key not in known and key not in GLOBAL_KEYS:
            notices.append(Notice("notice.unknown_key", {"key": key[:40]}))


def frozen(settings: dict) -> tuple:
    """A settings dict as a hashable, ordered tuple (the argument form of the cached functions)."""
    return tuple(sorted(settings.items()))


@dataclass(frozen=True)
class Following:
    """The choices and default of a setting that follow another setting's value: the gallery's
    losses and axes follow its task. `options`: value of `key` -> (choices, default)."""

    key: str
    options: dict


@dataclass(frozen=True)
class Schema:
    """Every setting of a page under its URL key.

    `choices`: key -> (choices, default), one of them; `lists`: key -> (choices, default subset),
    e.g. the losses to train; either may be a Following instead. `numbers`: key -> ParamSpec.
    `param_specs`: (loss or method, param) -> ParamSpec, in the URL as `name.param` (written for
    the names chosen in some list). `texts`: key -> (longest length, default), free text the page
    itself checks (the workbench's expression), or a Following. `groups`: name -> keys, the settings
    one computation reads (Settings.group gives them as a cache key).
    """

    choices: dict = field(default_factory=dict)
    lists: dict = field(default_factory=dict)
    numbers: dict = field(default_factory=dict)
    param_specs: dict = field(default_factory=dict)
    texts: dict = field(default_factory=dict)
    groups: dict = field(default_factory=dict)

    def setting_keys(self) -> tuple[str, ...]:
        """Every setting's key but the parameters', followed settings after the ones they follow."""
        optional = (*self.choices, *self.lists, *self.texts)
        fixed = [key for key in optional if not isinstance(self._option(key), Following)]
        following = [key for key in optional if isinstance(self._option(key), Following)]
        return (*fixed, *self.numbers, *following)

    def param_keys(self) -> tuple[str, ...]:
        return tuple(f"{name}.{param}" for name, param in self.param_specs)

    def widget_keys(self) -> tuple[str, ...]:
        """The keys of every widget that holds a setting: the settings', the parameters', and the
        switches of parameters that can be off (`name.param.on`)."""
        switches = (f"{name}.{param}{SWITCH_SUFFIX}" for (name, param), spec in self.param_specs.items() if spec.switch)
        return (*self.setting_keys(), *self.param_keys(), *switches)

    def _option(self, key: str):
        for options in (self.choices, self.lists, self.texts):
            if key in options:
                return options[key]
        raise KeyError(key)

    def options(self, key: str, values: Mapping) -> tuple:
        """(choices, default) of a choice or list setting, given the settings it may follow."""
        option = self._option(key)
        if isinstance(option, Following):
            return option.options[values[option.key]]
        return option

    def defaults(self, values: Mapping | None = None) -> dict:
        """Every setting's default (followed ones after `values` where given, else after defaults)."""
        filled = dict(values or {})
        defaults = {}
        for key in self.setting_keys():
            if key in self.numbers:
                # through validate: float, or int for integer specs, as a value read from a URL is
                defaults[key] = self.numbers[key].validate(key, self.numbers[key].default)
            else:
                default = self.options(key, {**defaults, **filled})[1]
                defaults[key] = tuple(default) if key in self.lists else default
        return defaults

    def settings(self, values: dict, params: dict) -> Settings:
        """Settings from partial `values` and {name: {param: value}}, defaults filling the gaps."""
        filled = {}
        for (name, key), spec in self.param_specs.items():
            filled.setdefault(name, {})[key] = params.get(name, {}).get(key, spec.default)
        return Settings(self, {**self.defaults(values), **values}, filled)

    def parse(self, query: Mapping[str, str]) -> tuple[Settings, list[Notice]]:
        """Settings from URL query parameters, with a Notice for each value repaired or dropped."""
        notices: list[Notice] = []
        values: dict = {}
        for key in self.setting_keys():
            if key in self.numbers:
                if key in query:
                    values[key] = read_number(query[key], key, self.numbers[key], self.numbers[key].default, notices)
                continue
            choices, default = self.options(key, {**self.defaults(values), **values})
            if key in query and key in self.texts:
                values[key] = read_text(query[key], key, choices, default, notices)
            elif key in query and key in self.lists:
                values[key] = read_choices(query[key], key, choices, default, notices)
            elif key in query:
                values[key] = read_choice(query[key], key, choices, default, notices)
        params = read_params(query, self.param_specs, notices)
        report_unknown_keys(query, {*self.setting_keys(), *self.param_keys()}, notices)
        return self.settings(values, params), notices

    def query(self, settings: Settings) -> dict[str, str]:
        """The URL query parameters that reopen `settings` (parameters of the chosen names only)."""
        query = {}
        for key in self.setting_keys():
            value = settings.values[key]
            query[key] = (format_number(value) if key in self.numbers
                          else ",".join(value) if key in self.lists else value)
        chosen = {name for key in self.lists for name in settings.values[key]}
        chosen.update(settings.values[key] for key in self.choices)  # a loss picked by a choice (landscape)
        query.update({f"{name}.{key}": format_number(settings.params[name][key])
                      for name, key in self.param_specs if name in chosen})
        return query


@dataclass(frozen=True)
class Settings:
    """A page's settings, complete: `values` by URL key, read as attributes (settings.losses), and
    `params` by loss or method name."""

    schema: Schema
    values: dict
    params: dict

    def __getattr__(self, key: str):
        if key.startswith("_") or key in ("schema", "values", "params"):
            raise AttributeError(key)  # not yet set (copy, unpickling): no recursion through values
        try:
            return self.values[key]
        except KeyError:
            raise AttributeError(f"no setting {key!r}") from None

    def params_of(self, name: str) -> dict:
        return dict(self.params.get(name, {}))

    def params_key(self, name: str) -> tuple:
        """The parameters of `name` as a hashable cache key."""
        return frozen(self.params.get(name, {}))

    def group(self, name: str, without: tuple[str, ...] = ()) -> tuple:
        """The settings of the schema's group `name` (but `without`) as a hashable cache key."""
        return frozen({key: self.values[key] for key in self.schema.groups[name] if key not in without})
