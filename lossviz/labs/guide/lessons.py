"""Lessons: a closed set of hints shown in a box on a lab's page when a link carries lesson=<key>."""

from __future__ import annotations

from dataclasses import dataclass

from lossviz.labs.guide.content import EXPERIMENTS, Experiment


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


def read_lesson(raw: str | None, page: str) -> str | None:
    """The lesson `raw` names if it is one of this page's; a ValueError names one that is not."""
    if raw is None:
        return None
    lesson = LESSONS.get(raw)
    if lesson is None or lesson.page != page:
        raise ValueError(f"no lesson {raw[:40]!r} on the {page} page")
    return raw
