"""The distributions lab's lesson (lossviz.lessons): KL's two directions, then distillation's temperature;
each answer measured by the functions the page calls."""

from __future__ import annotations

from lossviz.labs.distributions import fit as divergences
from lossviz.labs.distributions.distill import distillation
from lossviz.lessons import Answer, Lesson, Step

YES, NO = "lesson.choice.yes", "lesson.choice.no"
FORWARD, REVERSE, BOTH = "distributions.divergence.forward", "distributions.divergence.reverse", \
    "lesson.kl_direction.both"
MANY_TIMES = 100  # a gradient that shrinks this many times or more is "hundreds of times" smaller


def coverage(settings, compute) -> list:
    """The page's sentences on the modes each fit covers, at `settings`."""
    fits = compute(divergences.divergence_fits, settings.group("target"), settings.group("fit"))
    return divergences.coverage_sentences(fits, divergences.mode_centres(settings.modes, settings.separation))


def covers_all(settings, compute) -> Answer:
    said = {sentence.key.rpartition(".")[2]: sentence for sentence in coverage(settings, compute)}
    full = [kind for kind in ("forward", "reverse") if said[kind].values["count"] == said[kind].values["total"]]
    choice = BOTH if len(full) == 2 else FORWARD if full == ["forward"] else REVERSE if full else NO
    return Answer(choice, tuple(said.values()), tuple(said[kind].values["shares"] for kind in ("forward", "reverse")))


def reverse_covers(settings, compute) -> Answer:
    said = {sentence.key.rpartition(".")[2]: sentence for sentence in coverage(settings, compute)}
    reverse = said["reverse"].values
    return Answer(YES if reverse["count"] == reverse["total"] else NO, tuple(said.values()), (reverse["shares"],))


def shown_distillation(settings, compute):
    return compute(distillation, confidence=settings.confidence, temperature=settings.temperature)


def softer(settings, compute) -> Answer:
    entropy = shown_distillation(settings, compute).sentences[0]
    higher = float(entropy.values["soft"]) > float(entropy.values["sharp"])
    return Answer(YES if higher else NO, (entropy,), (entropy.values["sharp"], entropy.values["soft"]))


def shrinks(settings, compute) -> Answer:
    scale = shown_distillation(settings, compute).sentences[1]
    ratio = float(scale.values["raw"])
    choice = "hundreds" if ratio >= MANY_TIMES else "tens" if ratio >= 10 else "none"
    return Answer(f"lesson.kl_direction.t_squared.{choice}", (scale,), (scale.values["raw"], scale.values["scaled"]))


LESSONS = (
    Lesson("kl_direction", (
        Step("distributions", (("view", "kl"),), "apart", (FORWARD, REVERSE, BOTH), FORWARD, "coverage", covers_all),
        Step("distributions", (("view", "kl"), ("separation", "1.5")), "close", (YES, NO), YES, "coverage",
             reverse_covers),
        Step("distributions", (("view", "distill"), ("temperature", "4")), "soft", (YES, NO), YES, "distill_notes",
             softer),
        Step("distributions", (("view", "distill"), ("temperature", "4")), "t_squared",
             tuple(f"lesson.kl_direction.t_squared.{choice}" for choice in ("none", "tens", "hundreds")),
             "lesson.kl_direction.t_squared.hundreds", "distill_notes", shrinks),
    ), minutes=12),
)
