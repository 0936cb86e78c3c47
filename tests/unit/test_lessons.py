"""The lessons as data: every step a valid link to its lab, every string in both languages, every
question's expected choice the one its lab's own numbers make right, and handouts that carry each step."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from lossviz import lessons
from lossviz.i18n import LANGUAGES, translate
from lossviz.labs import lab
from lossviz.lessons import ORDER, changes, handout_html, handout_markdown, qr_svg, read_step, reveal_text, schema_of

ALL = lessons.lessons()
STEPS = [(lesson, number) for lesson in ALL.values() for number in range(1, len(lesson.steps) + 1)]
STEP_IDS = [f"{lesson.id}-{number}" for lesson, number in STEPS]
FAMILIES = ("outliers", "huber_delta", "imbalance", "focal_gamma", "calibration", "small_objects", "kl_direction",
            "mining", "landscape", "monitor", "mistakes", "workbench")


def test_the_lessons_cover_every_family_of_the_seeds_in_four_to_eight_steps():
    assert tuple(ALL) == ORDER and set(FAMILIES) <= set(ALL)
    assert all(4 <= len(lesson.steps) <= 8 and lesson.minutes > 0 for lesson in ALL.values())
    assert {step.lab for lesson in ALL.values() for step in lesson.steps} >= {
        "gallery", "regression", "classification", "segmentation", "distributions", "embeddings", "landscape",
        "workbench"}


@pytest.mark.parametrize(("lesson", "number"), STEPS, ids=STEP_IDS)
def test_each_step_opens_its_lab_with_settings_it_can_take_as_they_are(lesson, number):
    step = lesson.step(number)
    lab(step.lab)  # a lab of the app
    settings, notices = schema_of(step.lab).parse(dict(step.query))
    assert notices == []  # nothing the lab would clamp or drop
    written = schema_of(step.lab).query(settings)
    assert {key: written[key] for key, _ in step.query} == {key: written[key] for key in dict(step.query)}
    assert step.expected in step.choices and len(set(step.choices)) == len(step.choices) >= 2
    assert lesson.href(number, "ko").startswith(f"{step.lab}?lesson={lesson.id}&step={number}&lang=ko")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(("lesson", "number"), STEPS, ids=STEP_IDS)
def test_each_step_is_said_in_both_languages_with_what_it_changed_in_words(lesson, number, lang):
    step = lesson.step(number)
    for key in (f"lesson.{lesson.id}.title", f"lesson.{lesson.id}.{step.name}.title",
                f"lesson.{lesson.id}.{step.name}.question", *step.choices):
        text = translate(lang, key)
        assert text and "{" not in text
    said = changes(lesson, number, lang)
    assert all(" → " in line for line in said)
    # no code name: a setting's URL key never shows, nor a value's code (a formula is the visitor's text)
    for line in said:
        label = line.split(":")[0]
        assert not re.search(r"[a-z]+_[a-z]+", label), line


@pytest.mark.parametrize(("lesson", "number"), STEPS, ids=STEP_IDS)
def test_each_questions_expected_choice_is_the_one_the_labs_numbers_make_right(lesson, number):
    """A change to a loss, a data set or a rule that made a lesson false fails here."""
    step = lesson.step(number)
    answer = step.measure(step.settings(), lessons.remembered)  # each lab's sweep once
    assert answer.choice == step.expected, (lesson.id, number, answer)
    assert answer.sentences
    for lang in LANGUAGES:
        said = reveal_text(lang, answer)
        assert "{" not in said
        assert all(figure in said for figure in answer.figures), (said, answer.figures)


def test_a_step_from_a_url_old_links_open_step_one_and_anything_else_is_refused():
    assert read_step(None, None) is None
    assert read_step("outliers", None) == (ALL["outliers"], 1)  # the links of the lessons' first form
    assert read_step("imbalance", "3") == (ALL["imbalance"], 3)
    for raw_lesson, raw_step in (("nonsense", "1"), ("outliers", "0"), ("outliers", "5"), ("outliers", "x"),
                                 ("outliers", "-1"), ("outliers", "0001"), ("<b>", None), ("outliers", "²")):
        with pytest.raises(ValueError, match=r"no (lesson|step)"):
            read_step(raw_lesson, raw_step)


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self.links = [], []

    def handle_data(self, data):
        self.parts.append(data)

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append(dict(attrs)["href"])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_handout_carries_every_step_question_room_to_answer_and_link(lang):
    lesson = ALL["huber_delta"]
    origin = "http://class.example:8501/"
    markdown, page = handout_markdown(lesson, lang, origin), handout_html(lesson, lang, origin)
    parsed = _Text()
    parsed.feed(page)
    text = " ".join(parsed.parts)
    assert f"<html lang='{lang}'>" in page and "size: A4" in page and "break-inside: avoid" in page
    for number, step in enumerate(lesson.steps, 1):
        question = translate(lang, f"lesson.{lesson.id}.{step.name}.question")
        link = origin + lesson.href(number, lang)
        assert question in markdown and question in text
        assert link in markdown and link in parsed.links
    assert markdown.count(translate(lang, "lesson.handout_answer")) == len(lesson.steps)


def test_a_handout_escapes_what_it_writes_into_html():
    page = handout_html(ALL["workbench"], "en", "http://x/<script>")
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_the_qr_code_is_an_svg_drawn_here():
    svg = qr_svg("http://127.0.0.1:8501/regression?lesson=outliers&step=2&lang=en")
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>") and "http" not in svg.split(">", 1)[1]
