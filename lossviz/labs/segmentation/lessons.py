"""The segmentation lab's lesson (lossviz.lessons): small objects, and what Dice, Tversky and Dice + BCE
do about them; each answer measured by the functions the page calls."""

from __future__ import annotations

from lossviz.i18n.sentence import Name, Sentence
from lossviz.labs.segmentation import train
from lossviz.labs.segmentation.verdicts import sweep_sentences
from lossviz.lessons import Answer, Lesson, Step, one_data_set
from lossviz.tables import cell_text

YES, NO = "lesson.choice.yes", "lesson.choice.no"
FOUR = (("losses", "bce,weighted_bce,dice,dice_bce"),)
NEAR = 0.1  # Dice scores this close count as "as good"


def rows_at_half(settings, compute) -> dict[str, dict]:
    """Each loss's row of the page's metric table at threshold 0.5, as the page computes it."""
    data, runs = train.mask_runs(settings, compute)
    return {row["loss"]: row for row in train.metric_rows(data, runs) if row["threshold"] == "0.5"}



def row_sentences(rows: dict, column: str) -> tuple[Sentence, ...]:
    return tuple(Sentence(f"lesson.segmentation.{column}", {"loss": Name(loss), "value": cell_text(row[column])})
                 for loss, row in rows.items())


def least_recall(settings, compute) -> Answer:
    rows = rows_at_half(settings, compute)
    lowest = min(rows, key=lambda loss: rows[loss]["mask_recall"])
    return Answer(f"name.{lowest}", (*row_sentences(rows, "mask_recall"), one_data_set(settings.seed)),
                  tuple(cell_text(row["mask_recall"]) for row in rows.values()))


def bce_as_good(settings, compute) -> Answer:
    rows = rows_at_half(settings, compute)
    gap = rows["dice"]["dice"] - rows["bce"]["dice"]
    return Answer(YES if gap < NEAR else NO, (Sentence("lesson.small_objects.large.answer", {"near": NEAR}),
                                              *row_sentences(rows, "dice"), one_data_set(settings.seed)),
                  (cell_text(rows["bce"]["dice"]), cell_text(rows["dice"]["dice"])))


def tversky_finds_more(settings, compute) -> Answer:
    rows = rows_at_half(settings, compute)
    more = rows["tversky"]["mask_recall"] > rows["dice"]["mask_recall"]
    return Answer(YES if more else NO, (*row_sentences(rows, "mask_recall"), one_data_set(settings.seed)),
                  (cell_text(rows["tversky"]["mask_recall"]), cell_text(rows["dice"]["mask_recall"])))


def sweep_verdict(settings, compute, better: str, worse: str, fraction: str) -> Answer:
    """Whether the sweep's verdict at `fraction` says `better` keeps more of the object than `worse`."""
    recall = compute.slow(train.foreground_sweep_of, *train.foreground_sweep_key(settings))
    said = [sentence for sentence in sweep_sentences(train.SWEEP_FRACTIONS, recall, settings.size)
            if sentence.values["fraction"] == fraction and {sentence.values["better"].key,
                                                            sentence.values["worse"].key} == {better, worse}]
    holds = said[0].key.endswith(".holds") and said[0].values["better"].key == better
    return Answer(YES if holds else NO, tuple(said), (said[0].values["better_mean"], said[0].values["worse_mean"]))


def dice_beats_bce(settings, compute) -> Answer:
    return sweep_verdict(settings, compute, "dice", "bce", "0.1%")


def combined_beats_dice(settings, compute) -> Answer:
    return sweep_verdict(settings, compute, "dice_bce", "dice", "1.0%")


LESSONS = (
    Lesson("small_objects", (
        Step("segmentation", (*FOUR, ("fraction", "0.01")), "one_percent",
             ("name.bce", "name.weighted_bce", "name.dice", "name.dice_bce"), "name.bce", "metrics", least_recall),
        Step("segmentation", (*FOUR, ("fraction", "0.2")), "large", (YES, NO), YES, "metrics", bce_as_good),
        Step("segmentation", (("losses", "bce,dice,tversky"), ("fraction", "0.01"), ("tversky.alpha", "0.3"),
                              ("tversky.beta", "0.7")), "tversky", (YES, NO), YES, "metrics", tversky_finds_more,
             tab="losses"),
        Step("segmentation", (*FOUR, ("fraction", "0.01")), "sweep", (YES, NO), YES, "sweep_verdicts", dice_beats_bce,
             runs=("sweep_run",)),
        Step("segmentation", (*FOUR, ("fraction", "0.01")), "combined", (YES, NO), NO, "sweep_verdicts",
             combined_beats_dice, runs=("sweep_run",)),
    ), minutes=18),
)
