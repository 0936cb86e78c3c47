"""The classification lab's lessons (lossviz.lessons): a rare class and its measures, focal loss's γ,
and probabilities you can trust; each answer measured by the functions the page calls."""

from __future__ import annotations

from lossviz.i18n.sentence import Name, Sentence
from lossviz.labs.classification import train, verdicts
from lossviz.lessons import Answer, Lesson, Step
from lossviz.models import report_rows
from lossviz.tables import cell_text
from lossviz.verdict import HOLDS

YES, NO = "lesson.choice.yes", "lesson.choice.no"
THREE = (("methods", "bce,weighted_bce,focal"),)
METHODS = ("name.bce", "name.weighted_bce", "name.focal")
CLEAR_GAP = 0.05  # a PR-AUC gap a class can see in the table's third decimal
CALIBRATED = 0.05  # a calibration error this small: probabilities that come true about as often as they say


def reports(settings, compute) -> dict[str, dict]:
    """Each method's row of the page's validation report, as the page computes it."""
    data = train.lab_set(settings, 2, compute)
    histories = train.classifiers(settings, settings.methods, 2, compute)
    return {row["method"]: row for row in report_rows(data, histories)}



def report_sentences(rows: dict, column: str) -> tuple[Sentence, ...]:
    return tuple(Sentence(f"lesson.classification.{column}", {"method": Name(method), "value": cell_text(row[column])})
                 for method, row in rows.items())


def minority_note(settings, compute) -> Sentence:
    data = train.lab_set(settings, 2, compute)
    return Sentence("lesson.classification.counts", {"minority": int(data.y_val.sum()), "points": data.y_val.size,
                                                     "seed": settings.seed})


def most_found(settings, compute) -> Answer:
    rows = reports(settings, compute)
    best = max(rows, key=lambda method: rows[method]["recall"])
    return Answer(f"name.{best}", (*report_sentences(rows, "recall"), minority_note(settings, compute)),
                  tuple(cell_text(row["recall"]) for row in rows.values()))


def bce_finds_half(settings, compute) -> Answer:
    rows = reports(settings, compute)
    recall = rows["bce"]["recall"]
    return Answer(YES if recall >= 0.5 else NO, (*report_sentences(rows, "recall"), minority_note(settings, compute)),
                  (cell_text(recall),))


def ranking_gap(settings, compute) -> Answer:
    rows = reports(settings, compute)
    gap = rows["weighted_bce"]["pr_auc"] - rows["bce"]["pr_auc"]
    return Answer(YES if gap > CLEAR_GAP else NO, (Sentence("lesson.imbalance.pr_auc.answer", {
        "gap": f"{gap:+.3f}", "clear": CLEAR_GAP}), *report_sentences(rows, "pr_auc"),
        minority_note(settings, compute)),
        (cell_text(rows["weighted_bce"]["pr_auc"]), cell_text(rows["bce"]["pr_auc"])))


def sweep_of(settings, compute):
    return compute.slow(train.imbalance_sweep_of, *train.imbalance_sweep_key(settings))


def measures_agree(settings, compute, ratio: int = 100) -> Answer:
    sweep = sweep_of(settings, compute)
    recall, _ = verdicts.imbalance_verdicts(sweep)
    ranking = verdicts.ranking_verdicts(sweep)
    index = next(index for index, verdict in enumerate(recall) if verdict.at == ratio)
    agree = recall[index].outcome == ranking[index].outcome
    said = [sentence for sentence in verdicts.imbalance_sentences(sweep)
            if sentence.values.get("ratio") == f"1:{ratio}"]
    return Answer(YES if agree else NO, tuple(said),
                  (f"{recall[index].mean_better:.0%}", f"{recall[index].mean_worse:.0%}",
                   f"{ranking[index].mean_better:.3f}", f"{ranking[index].mean_worse:.3f}"))


def shares_of(settings, compute) -> dict:
    focal = settings.params_of("focal")
    return compute(train.focal_shares, settings.group("data"), settings.group("training"), tuple(focal.items()))


def share_sentences(shares: dict) -> tuple[Sentence, ...]:
    return tuple(Sentence("lesson.focal_gamma.shares", {"method": Name(method), "easy": f"{values[-1]:.0%}",
                                                        "hard": f"{values[0]:.0%}"})
                 for method, values in shares.items())


def easy_share_drops(settings, compute) -> Answer:
    """Whether focal loss takes less of its total from the easiest points than BCE does."""
    shares = shares_of(settings, compute)
    drops = shares["focal"][-1] < shares["bce"][-1] - 0.005
    return Answer(YES if drops else NO, share_sentences(shares),
                  (f"{shares['bce'][-1]:.0%}", f"{shares['focal'][-1]:.0%}"))


def same_shares(settings, compute) -> Answer:
    """Whether focal loss and BCE take the same share of their totals from every bin."""
    shares = shares_of(settings, compute)
    same = bool(abs(shares["focal"] - shares["bce"]).max() < 0.005)
    return Answer(YES if same else NO, share_sentences(shares),
                  (f"{shares['bce'][-1]:.0%}", f"{shares['focal'][-1]:.0%}"))


def largest_bin(settings, compute) -> Answer:
    shares = shares_of(settings, compute)
    index = int(shares["focal"].argmax())
    groups = ", ".join(f"{name}: {share:.0%}" for name, share in zip(train.CONFIDENCE_BINS, shares["focal"],
                                                                     strict=True))
    return Answer(f"lesson.focal_gamma.bin.{index}", (Sentence("lesson.focal_gamma.groups", {
        "method": Name("focal"), "groups": groups}),),
                  tuple(f"{share:.0%}" for share in shares["focal"]))


def best_calibrated(settings, compute, lowest: bool = True) -> Answer:
    rows = reports(settings, compute)
    pick = (min if lowest else max)(rows, key=lambda method: rows[method]["calibration_error"])
    return Answer(f"name.{pick}", (*report_sentences(rows, "calibration_error"), minority_note(settings, compute)),
                  tuple(cell_text(row["calibration_error"]) for row in rows.values()))


def worst_calibrated(settings, compute) -> Answer:
    return best_calibrated(settings, compute, lowest=False)


def bce_calibrated(settings, compute) -> Answer:
    rows = reports(settings, compute)
    error = rows["bce"]["calibration_error"]
    return Answer(YES if error < CALIBRATED else NO, (Sentence("lesson.calibration.balanced.answer", {
        "error": cell_text(error), "calibrated": CALIBRATED}), *report_sentences(rows, "calibration_error"),
        minority_note(settings, compute)),
        (cell_text(error),))


def calibration_holds(settings, compute) -> Answer:
    sweep = sweep_of(settings, compute)
    found, _ = verdicts.calibration_verdicts(sweep)
    weighting = [verdict for verdict in found if verdict.claim == "calibration_weighting"]
    holds = all(verdict.outcome == HOLDS for verdict in weighting)
    return Answer(YES if holds else NO, tuple(verdicts.calibration_sentences(sweep)),
                  tuple(f"{verdict.mean_better:.3f}" for verdict in weighting))


LESSONS = (
    Lesson("imbalance", (
        Step("classification", (*THREE, ("imbalance", "10")), "ratio_10", METHODS, "name.weighted_bce", "report",
             most_found),
        Step("classification", (*THREE, ("imbalance", "100")), "bce_100", (YES, NO), NO, "report", bce_finds_half),
        Step("classification", (*THREE, ("imbalance", "100")), "pr_auc", (YES, NO), NO, "report", ranking_gap),
        Step("classification", (*THREE, ("imbalance", "100")), "sweep", (YES, NO), NO, "sweep_verdicts",
             measures_agree, runs=("sweep_run",)),
    ), minutes=15),
    Lesson("focal_gamma", (
        Step("classification", (("view", "focal"), ("focal.gamma", "0"), ("focal.alpha", "0.5")), "gamma_0",
             (YES, NO), YES, "shares", same_shares, tab="losses"),
        Step("classification", (("view", "focal"), ("focal.gamma", "2")), "gamma_2", (YES, NO), YES, "shares",
             easy_share_drops, tab="losses"),
        Step("classification", (("view", "focal"), ("focal.gamma", "5")), "gamma_5",
             tuple(f"lesson.focal_gamma.bin.{index}" for index in range(4)), "lesson.focal_gamma.bin.0", "shares",
             largest_bin, tab="losses"),
        Step("classification", (("view", "focal"), ("focal.gamma", "2"), ("imbalance", "1")), "balanced",
             (YES, NO), YES, "shares", easy_share_drops),
    ), minutes=10),
    Lesson("calibration", (
        Step("classification", (*THREE, ("imbalance", "1")), "balanced", (YES, NO), YES, "report", bce_calibrated),
        Step("classification", (*THREE, ("imbalance", "10")), "ratio_10", METHODS, "name.bce", "report",
             best_calibrated),
        Step("classification", (*THREE, ("imbalance", "100")), "ratio_100", METHODS, "name.weighted_bce", "report",
             worst_calibrated),
        Step("classification", (*THREE, ("imbalance", "10")), "sweep", (YES, NO), YES, "calibration_verdicts",
             calibration_holds, runs=("sweep_run",)),
    ), minutes=12),
)
