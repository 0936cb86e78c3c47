"""The gallery's lesson (lossviz.lessons): where common sources go wrong, each point checked with the
numbers the gallery and the regression lab show beside the curves (lossviz.mistakes)."""

from __future__ import annotations

from lossviz.lessons import Answer, Lesson, Step
from lossviz.mistakes import mistake

OUTLIERS = (("losses", "mse,mae,huber"), ("outlier_fraction", "0.3"))


def said(name: str, compute):
    """The point `name` as the page computes it."""
    return compute(mistake, name, entries=8)


def bce_sign(settings, compute) -> Answer:
    sentence = said("bce_sign", compute)
    rewarded = float(sentence.values["mistyped"]) < 0
    return Answer(f"lesson.mistakes.bce_sign.{'negative' if rewarded else 'positive'}", (sentence,),
                  (sentence.values["correct"], sentence.values["mistyped"]))


def cce_gradient(settings, compute) -> Answer:
    sentence = said("cce_gradient", compute)
    agrees = sentence.values["ours"] == sentence.values["finite"] and float(sentence.values["ours"]) < 0
    return Answer(f"lesson.mistakes.cce_gradient.{'minus' if agrees else 'ratio'}", (sentence,),
                  (sentence.values["ours"], sentence.values["finite"]))


def focal_alpha(settings, compute) -> Answer:
    sentence = said("focal_alpha", compute)
    positive, negative = float(sentence.values["positive"]), float(sentence.values["negative"])
    heavier = "negative" if negative > positive else "positive" if positive > negative else "same"
    return Answer(f"lesson.mistakes.focal_alpha.{heavier}", (sentence,),
                  (sentence.values["positive"], sentence.values["negative"]))


def huber_delta(settings, compute) -> Answer:
    sentence = said("huber_delta", compute)
    outcome = sentence.then[0].key.rpartition(".")[2]
    choice = {"holds": "smaller", "fails": "larger"}.get(outcome, "undecided")
    return Answer(f"lesson.mistakes.huber_delta.{choice}", (sentence,),
                  (sentence.values["small_error"], sentence.values["large_error"]))


def mse_example(settings, compute) -> Answer:
    sentence = said("mse_example", compute)
    full = sentence.values["mse"] != sentence.values["printed"]
    return Answer(f"lesson.mistakes.mse_example.{'full' if full else 'half'}", (sentence,),
                  (sentence.values["mse"], sentence.values["half"]))


def rising_curves(settings, compute) -> Answer:
    sentence = said("rising_curves", compute)
    grew = float(sentence.values["end"]) > float(sentence.values["start"])
    return Answer(f"lesson.mistakes.rising_curves.{'training' if grew else 'underfitting'}", (sentence,),
                  (sentence.values["start"], sentence.values["end"]))


def choices(point: str, *kinds: str) -> tuple[str, ...]:
    return tuple(f"lesson.mistakes.{point}.{kind}" for kind in kinds)


BINARY, MULTICLASS, REGRESSION = ("task", "binary"), ("task", "multiclass"), ("task", "regression")

LESSONS = (
    Lesson("mistakes", (
        Step("gallery", (BINARY, ("losses", "bce")), "bce_sign", choices("bce_sign", "positive", "negative"),
             "lesson.mistakes.bce_sign.negative", "mistakes", bce_sign),
        Step("gallery", (MULTICLASS, ("losses", "cce")), "cce_gradient", choices("cce_gradient", "minus", "ratio"),
             "lesson.mistakes.cce_gradient.minus", "mistakes", cce_gradient),
        Step("gallery", (BINARY, ("losses", "bce,focal")), "focal_alpha",
             choices("focal_alpha", "positive", "negative", "same"), "lesson.mistakes.focal_alpha.negative",
             "mistakes", focal_alpha),
        Step("gallery", (REGRESSION, ("losses", "mse,huber")), "mse_example", choices("mse_example", "full", "half"),
             "lesson.mistakes.mse_example.full", "mistakes", mse_example),
        Step("regression", OUTLIERS, "huber_delta", choices("huber_delta", "smaller", "larger", "undecided"),
             "lesson.mistakes.huber_delta.smaller", "mistakes", huber_delta),
        Step("regression", OUTLIERS, "rising_curves", choices("rising_curves", "underfitting", "training"),
             "lesson.mistakes.rising_curves.training", "mistakes", rising_curves),
    ), minutes=15),
)
