"""Lessons a class plays step by step: a lesson is a list of steps, and a step is a URL,
`/<lab>?lesson=<id>&step=<n>`, that sets its lab, asks a question and reveals the answer measured
by the lab's own functions at the step's settings.

Each lab lists the lessons it leads in its `lessons.py` (LESSONS), with the functions that measure
their answers; a lesson may visit other labs. The guide lists them all (`lessons()`), each with a
handout (`handout_markdown`, `handout_html`).
"""

from __future__ import annotations

import html
import importlib
import importlib.util
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import urlencode

from lossviz.i18n import say, translate
from lossviz.i18n.sentence import Sentence
from lossviz.state import LANG_KEY, LESSON_KEY, PRESENT_KEY, STEP_KEY, Schema, Settings

# The order the guide lists the lessons in: the order a course would take them
ORDER = ("outliers", "huber_delta", "imbalance", "focal_gamma", "calibration", "small_objects", "kl_direction",
         "mining", "landscape", "monitor", "mistakes", "workbench")


class Computed:
    """How a step's measure computes outside a page: plain calls (a page passes its caches instead,
    ui.lesson.PageCompute, with the same two methods)."""

    def __call__(self, function: Callable, *args, entries: int = 0, **kwargs):
        return function(*args, **kwargs)

    def slow(self, function: Callable, *args):
        """Slow work, such as a sweep."""
        return function(*args)


computed = Computed()


class Remembered(Computed):
    """Plain calls, each kept by its arguments for as long as this object lives: measuring every step
    of every lesson runs each lab's sweep once (a page keeps them in its caches instead)."""

    def __init__(self):
        self._kept: dict = {}

    def __call__(self, function: Callable, *args, entries: int = 0, **kwargs):
        key = (function, args, tuple(sorted(kwargs.items())))
        if key not in self._kept:
            self._kept[key] = function(*args, **kwargs)
        return self._kept[key]

    def slow(self, function: Callable, *args):
        return self(function, *args)


remembered = Remembered()  # the claims register's and the tests' (the app's pages use their own caches)


@dataclass(frozen=True)
class Answer:
    """A step's answer as measured: the choice its numbers make right, what the reveal says (the
    lab's own sentences, or the lesson's with the numbers), and those numbers as the step's reading
    shows them on the page."""

    choice: str
    sentences: tuple[Sentence, ...]
    figures: tuple[str, ...]


@dataclass(frozen=True)
class Step:
    """A step: its `lab`, the settings it sets (`query`, the lab's URL keys; every other setting at
    the lab's default), its name among the lesson's strings (lesson.<id>.<name>.title and .question),
    its choices (i18n keys), the choice the lesson expects (a unit test checks that the measure agrees),
    the page element to read (Page.reading), the function that measures its answer from the lab's
    settings (`measure(settings, compute)`: compute is the page's cache, or a plain call), the
    sidebar tab its settings are in, the buttons of slow work it presses (a sweep), and the key of
    the tab control that tab belongs to."""

    lab: str
    query: tuple[tuple[str, str], ...]
    name: str
    choices: tuple[str, ...]
    expected: str
    reading: str
    measure: Callable[[Settings, Callable], Answer]
    tab: str = ""
    runs: tuple[str, ...] = ()
    tab_key: str = "settings_tab"  # the lab's tab control (ui.settings_tab), where it has several

    def settings(self) -> Settings:
        return schema_of(self.lab).parse(dict(self.query))[0]

    def answer(self, compute: Callable = computed) -> Answer:
        return self.measure(self.settings(), compute)


@dataclass(frozen=True)
class Lesson:
    """A lesson: its `id` (its URL value, the prefix of its strings lesson.<id>.*), its steps, and
    about how many minutes a class takes for it."""

    id: str
    steps: tuple[Step, ...]
    minutes: int
    labs: tuple[str, ...] = field(init=False)

    def __post_init__(self):
        object.__setattr__(self, "labs", tuple(dict.fromkeys(step.lab for step in self.steps)))

    def step(self, number: int) -> Step:
        """Step `number`, counted from 1."""
        return self.steps[number - 1]

    def query(self, number: int, lang: str) -> dict[str, str]:
        return {LESSON_KEY: self.id, STEP_KEY: str(number), LANG_KEY: lang}

    def href(self, number: int, lang: str, present: bool = False) -> str:
        """Step `number`'s link, relative to the app's root (every lab is at its name)."""
        query = {**self.query(number, lang), **({PRESENT_KEY: "1"} if present else {})}
        return f"{self.step(number).lab}?{urlencode(query)}"


@cache
def lessons() -> dict[str, Lesson]:
    """Every lab's lessons by id, in ORDER."""
    from lossviz.labs import LABS  # the labs' list names their packages; it imports nothing of theirs

    found = {lesson.id: lesson for lab in LABS if importlib.util.find_spec(f"{lab.module}.lessons")
             for lesson in importlib.import_module(f"{lab.module}.lessons").LESSONS}
    return {key: found[key] for key in ORDER if key in found} | found


def schema_of(lab: str) -> Schema:
    """The settings schema of lab `lab` (its schema.py's <LAB>)."""
    from lossviz.labs import lab as lab_of

    return getattr(importlib.import_module(f"{lab_of(lab).module}.schema"), lab.upper())


STEP_NUMBER = re.compile(r"[1-9][0-9]{0,2}")  # what a URL's step= may be: 1 to 999, ASCII digits only


def read_step(raw_lesson: str | None, raw_step: str | None) -> tuple[Lesson, int] | None:
    """The lesson and step number a URL names (step 1 when it names none, as the lessons' old links
    do); None for no lesson; a ValueError names a lesson or step that does not exist."""
    if raw_lesson is None:
        return None
    lesson = lessons().get(raw_lesson)
    if lesson is None:
        raise ValueError(f"no lesson {raw_lesson[:40]!r}")
    if raw_step is None:
        return lesson, 1
    if not STEP_NUMBER.fullmatch(raw_step) or int(raw_step) > len(lesson.steps):
        raise ValueError(f"lesson {lesson.id!r} has no step {raw_step[:40]!r}")
    return lesson, int(raw_step)


# --- what a step changed, in words ---------------------------------------------------------------

def setting_label(lang: str, lab: str, key: str) -> str:
    """A setting's name as the lab's control shows it, in lower case inside a sentence; a parameter as
    "<loss> <parameter>"."""
    name, _, param = key.rpartition(".")
    if name:
        return f"{translate(lang, f'name.{name}')} {translate(lang, f'param.{param}', default=param)}"
    for candidate in (f"{lab}.setting.{key}", f"{lab}.{key}", f"common.{key}"):
        text = translate(lang, candidate, default="")
        if text:  # a control's label, said inside a sentence ("This step set task: …"); MSE stays MSE
            return text[0].lower() + text[1:] if text[1:2].islower() else text
    raise KeyError(f"no label for the {lab} setting {key!r}")


def value_label(lang: str, lab: str, key: str, value) -> str:
    """A setting's value in words: a number as the lab's spec shows it, a choice by its name."""
    schema = schema_of(lab)
    name, _, param = key.rpartition(".")
    if name:
        return schema.param_specs[name, param].shown(value)
    if key in schema.numbers:
        spec = schema.numbers[key]
        return f"{value:.0%}" if key.endswith("fraction") else spec.shown(value)
    if key in schema.lists:
        return ", ".join(translate(lang, f"name.{item}") for item in value)
    if key in schema.texts:  # a formula, as it is typed
        return f"“{value}”"
    for candidate in (f"{lab}.{key}.{value}", f"{lab}.view_{value}", f"{lab}.{key}_{value}", f"common.{key}.{value}",
                      f"common.kind.{value}", f"name.{value}", f"name.{key}.{value}", f"optimizer.{value}"):
        text = translate(lang, candidate, default="")
        if text:
            return text
    raise KeyError(f"no name for the {lab} setting {key}={value!r}")


def changes(lesson: Lesson, number: int, lang: str) -> list[str]:
    """What step `number` sets, in words ("outlier fraction: 5% → 20%"): against the step before on
    the same lab, else against the lab's defaults; only what changed."""
    step = lesson.step(number)
    before = lesson.step(number - 1) if number > 1 else None
    base = before.settings() if before and before.lab == step.lab else schema_of(step.lab).parse({})[0]
    now = step.settings()
    return [f"{setting_label(lang, step.lab, key)}: {value_label(lang, step.lab, key, setting_of(base, key))} → "
            f"{value_label(lang, step.lab, key, setting_of(now, key))}"
            for key, _ in step.query if setting_of(base, key) != setting_of(now, key)]


def setting_of(settings: Settings, key: str):
    """A setting's value by its URL key (`loss.param` for a parameter)."""
    name, _, param = key.rpartition(".")
    return settings.params[name][param] if name else settings.values[key]


# --- handouts ---------------------------------------------------------------------------------------

def handout_markdown(lesson: Lesson, lang: str, origin: str) -> str:
    """The lesson's handout as Markdown: each step's question, its choices, room to answer and its link
    (`origin`: the app's address, such as http://host:8501/)."""
    t = _translator(lang)
    lines = [f"# {t(f'lesson.{lesson.id}.title')}", "",
             t("lesson.handout_intro", steps=len(lesson.steps), minutes=lesson.minutes), ""]
    for number, step in enumerate(lesson.steps, 1):
        lines += [f"## {t('lesson.step_of', step=number, steps=len(lesson.steps))}: "
                  f"{t(f'lesson.{lesson.id}.{step.name}.title')}", "",
                  t(f"lesson.{lesson.id}.{step.name}.question"), "",
                  *(f"- [ ] {t(choice)}" for choice in step.choices), "",
                  f"{t('lesson.handout_answer')}: ________________________________________", "",
                  f"{t('lesson.handout_link')}: <{origin}{lesson.href(number, lang)}>", ""]
    return "\n".join(lines)


def handout_html(lesson: Lesson, lang: str, origin: str) -> str:
    """The same handout as an HTML page that prints on A4, one step to a block that a page break
    does not split."""
    t = _translator(lang)

    def text(value: str) -> str:
        return html.escape(value, quote=True)

    steps = []
    for number, step in enumerate(lesson.steps, 1):
        link = f"{origin}{lesson.href(number, lang)}"
        choices = "".join(f"<li>☐ {text(t(choice))}</li>" for choice in step.choices)
        steps.append(
            f"<section><h2>{text(t('lesson.step_of', step=number, steps=len(lesson.steps)))}: "
            f"{text(t(f'lesson.{lesson.id}.{step.name}.title'))}</h2>"
            f"<p>{text(t(f'lesson.{lesson.id}.{step.name}.question'))}</p><ul>{choices}</ul>"
            f"<p class='answer'>{text(t('lesson.handout_answer'))}:</p>"
            f"<p class='link'>{text(t('lesson.handout_link'))}: <a href='{text(link)}'>{text(link)}</a></p></section>")
    title = text(t(f"lesson.{lesson.id}.title"))
    return (f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>{title}</title><style>"
            "@page { size: A4; margin: 18mm; } body { font-family: 'Noto Sans', 'Noto Sans CJK KR', sans-serif;"
            " font-size: 11pt; line-height: 1.45; color: #111; max-width: 174mm; margin: auto; word-break: keep-all; }"
            "h1 { font-size: 18pt; } h2 { font-size: 13pt; margin: 0 0 4pt; } ul { list-style: none; padding: 0; }"
            "section { break-inside: avoid; border-top: 1px solid #999; padding: 8pt 0; }"
            ".answer { min-height: 28mm; border-bottom: 1px dashed #999; }"
            ".link { font-size: 9pt; word-break: break-all; }"
            f"</style></head><body><h1>{title}</h1>"
            f"<p>{text(t('lesson.handout_intro', steps=len(lesson.steps), minutes=lesson.minutes))}</p>"
            + "".join(steps) + "</body></html>")


def _translator(lang: str) -> Callable[..., str]:
    return lambda key, **values: translate(lang, key, **values)


def one_data_set(seed: int) -> Sentence:
    """What an answer measured on the page's one data set rests on: that set (another seed may differ)."""
    return Sentence("lesson.one_data_set", {"seed": seed})


def reveal_text(lang: str, answer: Answer) -> str:
    """The reveal's sentences in `lang`, as one paragraph."""
    return " ".join(say(lang, sentence) for sentence in answer.sentences)


def qr_svg(address: str) -> str:
    """A QR code of `address` as an SVG image, drawn here (nothing is sent anywhere to draw it)."""
    import segno  # only presenter mode draws one

    return segno.make(address, error="m").svg_inline(scale=4, dark="#000", light="#fff", border=2)
