"""Verdicts on the guide's claims about imbalance (minority recall) and calibration (calibration
error), computed from the imbalance sweep's numbers over its seeds."""

from __future__ import annotations

from lossviz import losses
from lossviz.i18n.sentence import Name, Sentence
from lossviz.labs.classification.train import SWEEP_VALIDATION_MINORITY, ImbalanceSweep
from lossviz.verdict import MIN_SAMPLES, TOO_FEW, UNDECIDED, Verdict, compare, judged

# The guide's claims on imbalance (its FAQ's second question), as (claim, better, worse, ratios it speaks of)
IMBALANCE_CLAIMS = (("weighting_helps", "weighted_bce", "bce", (10,)),
                    ("focal_beats_weighting", "focal", "weighted_bce", (100, 300, 1000)))
# The guide's claims on calibrated probabilities (its wizard's answer for them): plain BCE's are
# nearer the truth than a weighted or focal loss's, on calibration error (lower is better)
CALIBRATION_CLAIMS = (("calibration_weighting", "bce", "weighted_bce", (10, 100)),
                      ("calibration_focal", "bce", "focal", (10, 100)))


def imbalance_verdicts(sweep: ImbalanceSweep) -> tuple[list[Verdict], list[tuple[str, str, str]]]:
    """Verdicts on the guide's imbalance claims, on minority recall, at the ratios the sweep has;
    and the claims it cannot test, as (claim, better, worse), because a method was not swept."""
    return claim_verdicts(sweep, IMBALANCE_CLAIMS, sweep.recall)


def calibration_verdicts(sweep: ImbalanceSweep) -> tuple[list[Verdict], list[tuple[str, str, str]]]:
    """Verdicts on the guide's calibration claims, on calibration error (lower is better), as
    imbalance_verdicts."""
    return claim_verdicts(sweep, CALIBRATION_CLAIMS, sweep.calibration, lower_is_better=True)


def claim_verdicts(sweep: ImbalanceSweep, claims, tables: dict, lower_is_better: bool = False
                   ) -> tuple[list[Verdict], list[tuple[str, str, str]]]:
    """Verdicts on `claims` ((claim, better, worse, ratios)) from the sweep's `tables` of one measure,
    at the ratios the sweep has (too few to judge below MIN_SAMPLES validation minority samples per
    seed); and the claims with a method the tables lack."""
    verdicts, untested = [], []
    for claim, better, worse, ratios in claims:
        if better not in tables or worse not in tables:
            untested.append((claim, better, worse))
            continue
        for ratio in ratios:
            if ratio in sweep.ratios:
                row = sweep.ratios.index(ratio)
                verdicts.append(judged(compare(claim, ratio, better, worse, tables[better].values[row],
                                               tables[worse].values[row], lower_is_better),
                                       sweep.validation_minority[row]))
    return verdicts, untested


def ranking_verdicts(sweep: ImbalanceSweep) -> list[Verdict]:
    """The imbalance claims judged on PR-AUC, which needs no threshold: in imbalance_verdicts' order."""
    return claim_verdicts(sweep, IMBALANCE_CLAIMS, sweep.pr_auc)[0]


THRESHOLD = 0.5  # the probability above which a sample counts as the minority class (metrics.binary_report's score 0)


def imbalance_sentences(sweep: ImbalanceSweep) -> list[Sentence]:
    """The imbalance verdicts in words, each weighing recall at THRESHOLD against PR-AUC: both
    measures' means and spreads, the focal α used, one conclusion where they agree, and where they
    disagree what each says; with how many validation minority samples it rests on. Then the claims
    the sweep could not test."""
    recall_verdicts, untested = imbalance_verdicts(sweep)
    sentences = []
    for on_recall, on_ranking in zip(recall_verdicts, ranking_verdicts(sweep), strict=True):
        minority = sweep.validation_minority[sweep.ratios.index(on_recall.at)]
        values = measure_values(on_recall, on_ranking, minority)
        weights = alpha_sentences(sweep, on_recall)
        if on_recall.outcome == TOO_FEW:
            sentences.append(Sentence("verdict.imbalance_too_few", values, weights))
            continue
        if on_recall.outcome == on_ranking.outcome:
            found = (Sentence(f"verdict.{on_recall.claim}.{on_recall.outcome}", values),)
        else:
            found = (Sentence("verdict.measures_disagree", values),
                     Sentence(f"verdict.on_recall.{on_recall.outcome}", values),
                     Sentence(f"verdict.on_pr_auc.{on_ranking.outcome}", values))
            if on_ranking.outcome == UNDECIDED:
                found += (Sentence("verdict.threshold_not_ranking", values),)
        note = Sentence("verdict.few_minority" if minority < SWEEP_VALIDATION_MINORITY else "verdict.minority",
                        {"minority": minority, "wanted": SWEEP_VALIDATION_MINORITY})
        sentences.append(Sentence("verdict.imbalance_measures", values, (*found, *weights, note)))
    return sentences + untested_sentences(untested)


def measure_values(on_recall: Verdict, on_ranking: Verdict, minority: int) -> dict:
    """What an imbalance verdict's sentences fill in: the ratio, the methods, each measure's means and
    spread, the threshold, the seeds and the minority samples."""
    return {"ratio": f"1:{on_recall.at:g}", "better": Name(on_recall.better), "worse": Name(on_recall.worse),
            "recall_better": f"{on_recall.mean_better:.0%}", "recall_worse": f"{on_recall.mean_worse:.0%}",
            "recall_spread": f"{on_recall.spread:.0%}", "auc_better": f"{on_ranking.mean_better:.3f}",
            "auc_worse": f"{on_ranking.mean_worse:.3f}", "auc_spread": f"{on_ranking.spread:.3f}",
            "threshold": f"{THRESHOLD:g}", "seeds": on_recall.seeds, "minority": minority, "wanted": MIN_SAMPLES}


def alpha_sentences(sweep: ImbalanceSweep, verdict: Verdict) -> tuple[Sentence, ...]:
    """The focal α a verdict's focal loss ran with (α weighs the classes, so it moves recall at a threshold)."""
    if "focal" not in (verdict.better, verdict.worse):
        return ()
    alpha = float(sweep.params.get("focal", {}).get("alpha", losses.loss_class("focal").param_specs["alpha"].default))
    if alpha < 0:
        return (Sentence("verdict.alpha_off", {}),)
    return (Sentence("verdict.alpha", {"alpha": f"{alpha:g}", "rest": f"{1 - alpha:g}"}),)


def calibration_sentences(sweep: ImbalanceSweep) -> list[Sentence]:
    """The calibration verdicts in words, each with the mean calibration errors and their spread;
    then the claims the sweep could not test."""
    verdicts, untested = calibration_verdicts(sweep)
    return [claim_sentence(verdict, "{:.3f}", sweep.validation_minority[sweep.ratios.index(verdict.at)])
            for verdict in verdicts] + untested_sentences(untested)


def claim_sentence(verdict: Verdict, number_format: str, minority: int, *then: Sentence) -> Sentence:
    """A verdict in words (verdict.<claim>.<outcome>, or verdict.too_few with the `minority` samples it
    had): the ratio, the methods, their means and the spread in `number_format`, the seeds; then the
    sentences `then`."""
    number = number_format.format
    key = "verdict.too_few" if verdict.outcome == TOO_FEW else f"verdict.{verdict.claim}.{verdict.outcome}"
    return Sentence(key, {
        "ratio": f"1:{verdict.at:g}", "better": Name(verdict.better), "worse": Name(verdict.worse),
        "mean_better": number(verdict.mean_better), "mean_worse": number(verdict.mean_worse),
        "spread": number(verdict.spread), "seeds": verdict.seeds, "minority": minority,
        "wanted": MIN_SAMPLES}, then)


def untested_sentences(untested: list[tuple[str, str, str]]) -> list[Sentence]:
    """The claims a sweep could not test, each asking for the methods it needs."""
    return [Sentence(f"verdict.{claim}.untested", {"better": Name(better), "worse": Name(worse)})
            for claim, better, worse in untested]
