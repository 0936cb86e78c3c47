"""The embeddings lab's lesson (lossviz.lessons): which triplets train a metric, and the margin; each
answer measured by the functions the page calls."""

from __future__ import annotations

from dataclasses import replace

from lossviz.labs.embeddings import train
from lossviz.lessons import Answer, Lesson, Step, one_data_set

YES, NO = "lesson.choice.yes", "lesson.choice.no"
UNDECIDED = "lesson.mining.undecided"


def run_notes(settings, compute) -> list:
    """The page's sentences under its chart: the anchor's negatives by region, and the run's progress."""
    data, run = train.lab_run(settings, compute)
    return train.run_sentences(run, data, settings.anchor % data.y.size, settings.margin)


def share(sentence, key: str) -> float:
    return float(sentence.values[key].rstrip("%"))


def active_falls(settings, compute) -> Answer:
    progress = run_notes(settings, compute)[1]
    falls = share(progress, "active_end") < share(progress, "active_start")
    return Answer(YES if falls else NO, (progress, one_data_set(settings.seed)),
                  (progress.values["active_start"], progress.values["active_end"]))


def most_stay_active(settings, compute) -> Answer:
    progress = run_notes(settings, compute)[1]
    return Answer(YES if share(progress, "active_end") > 50 else NO, (progress, one_data_set(settings.seed)),
                  (progress.values["active_end"],))


def wider_margin_counts_more(settings, compute, before: float = 1.0) -> Answer:
    now = run_notes(settings, compute)[1]
    then = run_notes(replace(settings, values={**settings.values, "margin": before}), compute)[1]
    more = share(now, "active_start") > share(then, "active_start")
    return Answer(YES if more else NO, (now, one_data_set(settings.seed)), (now.values["active_start"],))


def semi_hard_wins(settings, compute) -> Answer:
    comparison = compute.slow(train.mining_comparison, *train.mining_comparison_key(settings))
    said = train.comparison_sentences(comparison)
    against_all = [sentence for sentence in said if sentence.values["worse"].key == "mining.all"
                   and sentence.values["better"].key == "mining.semi_hard"]
    outcome = against_all[0].key.rpartition(".")[2] if against_all else "fails"
    choice = {"holds": YES, "undecided": UNDECIDED}.get(outcome, NO)
    figures = (against_all[0].values["better_mean"], against_all[0].values["worse_mean"]) if against_all else ()
    return Answer(choice, tuple(said), figures)


LESSONS = (
    Lesson("mining", (
        Step("embeddings", (("mining", "all"),), "all", (YES, NO), YES, "run_notes", active_falls, tab="training"),
        Step("embeddings", (("mining", "batch_hard"),), "batch_hard", (YES, NO), YES, "run_notes", most_stay_active,
             tab="training"),
        Step("embeddings", (("mining", "semi_hard"), ("margin", "3")), "margin", (YES, NO), YES, "run_notes",
             wider_margin_counts_more, tab="training"),
        Step("embeddings", (("mining", "semi_hard"),), "compare", (YES, NO, UNDECIDED), UNDECIDED, "comparison",
             semi_hard_wins, runs=("compare_run",)),
    ), minutes=12),
)
