"""The regression lab's lessons (lossviz.lessons): outliers against MSE, MAE and Huber, and
Huber's δ the right way round; each answer measured by the functions the page calls."""

from __future__ import annotations

import math
from dataclasses import replace

from lossviz import models
from lossviz.i18n.sentence import Name, Sentence
from lossviz.labs.regression import train, verdicts
from lossviz.lessons import Answer, Lesson, Step, one_data_set
from lossviz.mistakes import mistake
from lossviz.tables import cell_text

YES, NO = "lesson.choice.yes", "lesson.choice.no"
THREE = (("losses", "mse,mae,huber"),)
CLOSE = 0.1  # "ends on the true line": its slope within this of the true slope


def errors(settings, compute) -> dict[str, dict]:
    """Each chosen loss's row of the page's error table, as the page computes it."""
    data, histories = train.line_fits(settings, compute)
    return {row["loss"]: row for row in models.error_rows(data, histories)}


def total(row: dict) -> float:
    return math.hypot(row["slope"], row["intercept"])



def row_sentences(rows: dict, names) -> tuple[Sentence, ...]:
    return tuple(Sentence("lesson.regression.row", {"loss": Name(name), "slope": cell_text(rows[name]["slope"]),
                                                    "intercept": cell_text(rows[name]["intercept"])}) for name in names)


def all_close(settings, compute) -> Answer:
    rows = errors(settings, compute)
    close = all(row["slope"] < CLOSE for row in rows.values())
    lead = Sentence("lesson.outliers.clean.answer", {"close": CLOSE, "seed": settings.seed})
    return Answer(YES if close else NO, (lead, *row_sentences(rows, rows)),
                  tuple(cell_text(row["slope"]) for row in rows.values()))


def farthest(settings, compute) -> Answer:
    rows = errors(settings, compute)
    worst = max(rows, key=lambda name: total(rows[name]))
    return Answer(f"name.{worst}", (Sentence("lesson.outliers.vertical.answer", {"loss": Name(worst),
                                                                                 "seed": settings.seed}),
                                    *row_sentences(rows, rows)),
                  (cell_text(rows[worst]["slope"]), cell_text(rows[worst]["intercept"])))


def mae_holds(settings, compute) -> Answer:
    rows = errors(settings, compute)
    holds = rows["mae"]["slope"] < verdicts.BREAKDOWN_ERROR
    return Answer(YES if holds else NO, (Sentence("lesson.outliers.leverage.answer", {
        "slope": cell_text(rows["mae"]["slope"]), "threshold": verdicts.BREAKDOWN_ERROR}), *row_sentences(rows, rows)),
        (cell_text(rows["mae"]["slope"]),))


def first_breakdown(settings, compute) -> Answer:
    sweep = compute.slow(train.outlier_sweep_of, *train.outlier_sweep_key(settings))
    found = [found for found in verdicts.breakdowns(sweep, settings.measure) if found.fraction is not None]
    first = min(found, key=lambda found: found.fraction).loss
    rule = Sentence("lesson.outliers.sweep.answer", {"threshold": verdicts.BREAKDOWN_ERROR, "seeds": sweep.seeds})
    said = verdicts.breakdown_sentences(sweep, settings.measure)
    return Answer(f"name.{first}", (rule, *said), tuple(f"{found.fraction:.0%}" for found in found))


def closer_to(settings, compute) -> Answer:
    """Whose error Huber's is nearer: MAE's or MSE's."""
    rows = errors(settings, compute)
    huber = total(rows["huber"])
    nearer = min(("mae", "mse"), key=lambda name: abs(total(rows[name]) - huber))
    return Answer(f"name.{nearer}", (Sentence("lesson.huber_delta.near.answer", {
        "loss": Name(nearer), "delta": settings.params_of("huber")["delta"]}), *row_sentences(rows, rows),
        one_data_set(settings.seed)),
        (cell_text(rows["huber"]["slope"]), cell_text(rows[nearer]["slope"])))


def smaller_delta_closer(settings, compute, before: float = 2.0) -> Answer:
    rows = errors(settings, compute)
    at_before = errors(replace(settings, params={**settings.params, "huber": {**settings.params_of("huber"),
                                                                              "delta": before}}), compute)
    now, then = total(rows["huber"]), total(at_before["huber"])
    return Answer(YES if now < then else NO, (Sentence("lesson.huber_delta.small.answer", {
        "delta": f"{settings.params_of('huber')['delta']:g}", "before": f"{before:g}", "now": cell_text(now),
        "then": cell_text(then), "seed": settings.seed}), *row_sentences(rows, ("huber",))),
        (cell_text(rows["huber"]["slope"]), cell_text(rows["huber"]["intercept"])))


def over_data_sets(settings, compute) -> Answer:
    said = compute(mistake, "huber_delta", entries=8)
    holds = said.then[0].key.endswith(".holds")
    return Answer(YES if holds else NO, (said,), (said.values["small_error"], said.values["large_error"]))


LESSONS = (
    Lesson("outliers", (
        Step("regression", (*THREE, ("outlier_fraction", "0")), "clean", (YES, NO), YES, "errors", all_close),
        Step("regression", (*THREE, ("outlier_fraction", "0.2")), "vertical", ("name.mse", "name.mae", "name.huber"),
             "name.mse", "errors", farthest),
        Step("regression", (*THREE, ("outlier_fraction", "0.2"), ("outlier_kind", "leverage")), "leverage",
             (YES, NO), NO, "errors", mae_holds),
        Step("regression", (*THREE, ("outlier_fraction", "0.2")), "sweep", ("name.mse", "name.mae", "name.huber"),
             "name.mse", "sweep", first_breakdown, runs=("sweep_run",)),
    ), minutes=15),
    Lesson("huber_delta", (
        Step("regression", (*THREE, ("outlier_fraction", "0.3"), ("huber.delta", "2")), "large",
             ("name.mae", "name.mse"), "name.mae", "errors", closer_to, tab="losses"),
        Step("regression", (*THREE, ("outlier_fraction", "0.3"), ("huber.delta", "0.5")), "small", (YES, NO), YES,
             "errors", smaller_delta_closer, tab="losses"),
        Step("regression", (*THREE, ("outlier_fraction", "0.3"), ("huber.delta", "10")), "top",
             ("name.mae", "name.mse"), "name.mse", "errors", closer_to, tab="losses"),
        Step("regression", (*THREE, ("outlier_fraction", "0.3"), ("huber.delta", "0.5")), "seeds", (YES, NO), YES,
             "mistakes", over_data_sets, tab="losses"),
    ), minutes=12),
)
