"""UI strings in English and Korean, one key per string.

A key `<lab>.…` lives in that lab's `strings.py` (lossviz/labs/<lab>/); every other key is shared:
`common.*` and the generic parts' families (`column.*`, `name.*`, `param.*`, `notice.*`, …) in
`en.py` / `ko.py`, and each registered loss's texts in one entry of `losses_en.py` / `losses_ko.py`
(read as `name.<loss>`, `about.<loss>`, `use.<loss>`, …, `help.<loss>.<param>`).

    >>> from lossviz.i18n import translate
    >>> translate("ko", "gallery.nav")
    '손실 함수 갤러리'
"""

from __future__ import annotations

import importlib
from functools import cache

from lossviz.i18n import en, ko, lessons_en, lessons_ko, losses_en, losses_ko
from lossviz.i18n.particles import attach
from lossviz.i18n.sentence import Name

LANGUAGES = {"en": "English", "ko": "한국어"}
DEFAULT_LANGUAGE = "en"


def loss_strings(entries: dict[str, dict]) -> dict[str, str]:
    """Each loss's entry as keys: `<field>.<loss>` for its texts, `help.<loss>.<param>` for its parameters."""
    flat = {}
    for name, entry in entries.items():
        for field, text in entry.items():
            if field == "help":
                flat.update({f"help.{name}.{param}": help_text for param, help_text in text.items()})
            else:
                flat[f"{field}.{name}"] = text
    return flat


LOSS_TEXTS = {"en": losses_en.LOSSES, "ko": losses_ko.LOSSES}


@cache
def shared_strings(lang: str) -> dict[str, str]:
    """The strings no lab owns in `lang`: common.* and the generic families, and every loss's texts."""
    return {**{"en": en.STRINGS, "ko": ko.STRINGS}[lang], **{"en": lessons_en.STRINGS, "ko": lessons_ko.STRINGS}[lang],
            **loss_strings(LOSS_TEXTS[lang])}
TABLE_NAMES = {"en": "ENGLISH", "ko": "KOREAN"}


@cache
def lab_strings(module: str) -> dict[str, dict[str, str]]:
    """{language: strings} of the lab whose package is `module` (its strings.py; none if it has none)."""
    try:
        strings = importlib.import_module(f"{module}.strings")
    except ModuleNotFoundError:
        return {lang: {} for lang in LANGUAGES}
    return {lang: getattr(strings, name) for lang, name in TABLE_NAMES.items()}


def table_of(lang: str, key: str) -> dict[str, str]:
    """The table that holds `key` in `lang`: its lab's, or the shared one."""
    from lossviz.labs import LABS  # the labs' list names their packages; it imports nothing of theirs

    head = key.partition(".")[0]
    for lab in LABS:
        if lab.name == head:
            return lab_strings(lab.module)[lang]
    return shared_strings(lang)


def translate(lang: str, key: str, /, default: str | None = None, **values) -> str:
    """The string `key` in `lang`, else in English, else `default`; with `values` filled in."""
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    text = table_of(lang, key).get(key)
    if text is None:
        text = table_of(DEFAULT_LANGUAGE, key).get(key, default)
    if text is None:
        raise KeyError(f"no UI string {key!r}")
    text = text.format(**values) if values else text
    return attach(text) if lang == "ko" else text


def strings(lang: str) -> dict[str, str]:
    """Every string in `lang`: the shared ones and every lab's (for checks over all of them)."""
    from lossviz.labs import LABS

    table = dict(shared_strings(lang))
    for lab in LABS:
        table.update(lab_strings(lab.module)[lang])
    return table


def say(lang: str, sentence) -> str:
    """A Sentence of the core (lossviz.i18n.sentence) in `lang`, losses and methods by their names,
    followed by the sentences after it."""
    values = {key: translate(lang, f"name.{value.key}") if isinstance(value, Name) else value
              for key, value in sentence.values.items()}
    return " ".join([translate(lang, sentence.key, **values), *(say(lang, then) for then in sentence.then)])
