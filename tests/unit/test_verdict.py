"""Verdicts come from the sweeps' numbers: the rule on hand-made cases, then on real sweeps."""

import numpy as np
import pytest

from lossviz import losses
from lossviz.labs.classification.train import ImbalanceSweep, imbalance_sweep
from lossviz.labs.classification.verdicts import (
    calibration_sentences,
    calibration_verdicts,
    imbalance_sentences,
    imbalance_verdicts,
)
from lossviz.labs.regression.train import Sweep, outlier_sweep
from lossviz.labs.regression.verdicts import breakdown_sentences, breakdowns
from lossviz.training import SeedTable
from lossviz.verdict import FAILS, HOLDS, UNDECIDED, compare


@pytest.mark.parametrize(("better", "worse", "outcome"), [
    ([0.8, 0.82, 0.79], [0.1, 0.2, 0.15], HOLDS),
    ([0.1, 0.2, 0.15], [0.8, 0.82, 0.79], FAILS),
    ([0.5, 0.9, 0.1], [0.5, 0.1, 0.8], UNDECIDED),  # a mean gap well inside the spread
    ([0.0, 0.0], [0.0, 0.0], UNDECIDED),  # nothing found by either: no evidence either way
])
def test_a_claim_holds_fails_or_is_undecided_by_the_mean_difference_against_its_spread(better, worse, outcome):
    verdict = compare("claim", 100, "a", "b", better, worse)
    assert verdict.outcome == outcome and verdict.seeds == len(better)
    assert verdict.mean_better == pytest.approx(np.mean(better))
    assert verdict.spread == pytest.approx(np.std(np.subtract(better, worse), ddof=1))


def test_the_imbalance_verdicts_test_the_guides_claims_on_the_sweeps_recall():
    methods = [("bce", {}), ("weighted_bce", {}), ("focal", {"alpha": 0.25, "gamma": 2.0})]
    sweep = imbalance_sweep(methods, {"separation": 2.0, "seed": 0}, {"optimizer": "adam", "lr": 0.05, "epochs": 60},
                            ratios=(10, 100), seeds=3)
    found, untested = imbalance_verdicts(sweep)
    assert untested == []
    assert [(verdict.claim, verdict.at) for verdict in found] == [("weighting_helps", 10),
                                                                  ("focal_beats_weighting", 100)]
    focal = found[1]
    assert focal.mean_better == pytest.approx(sweep.recall["focal"].mean[1])
    assert focal.mean_worse == pytest.approx(sweep.recall["weighted_bce"].mean[1])
    # with α = 0.25 focal weighs the minority less than weighted BCE: the guide's advice fails on this data
    assert focal.outcome == FAILS
    assert sweep.validation_minority[1] == 30 and sweep.points[1] == 10_000
    # on calibration error, lower is better: plain BCE's probabilities are the truest at both ratios
    found, untested = calibration_verdicts(sweep)
    assert untested == [] and [(verdict.claim, verdict.at, verdict.outcome) for verdict in found] == [
        ("calibration_weighting", 10, HOLDS), ("calibration_weighting", 100, HOLDS),
        ("calibration_focal", 10, HOLDS), ("calibration_focal", 100, HOLDS)]
    assert found[0].mean_better == pytest.approx(sweep.calibration["bce"].mean[0])
    assert found[0].mean_better < found[0].mean_worse


def test_a_claim_on_an_error_holds_when_the_better_one_errs_less():
    assert compare("claim", 10, "a", "b", [0.01, 0.02], [0.2, 0.21], lower_is_better=True).outcome == \
        HOLDS
    assert compare("claim", 10, "a", "b", [0.2, 0.21], [0.01, 0.02], lower_is_better=True).outcome == \
        FAILS


def test_a_claim_whose_methods_were_not_swept_is_reported_untested():
    sweep = imbalance_sweep([("bce", {})], {"separation": 2.0}, {"optimizer": "adam", "epochs": 20}, ratios=(10,),
                            seeds=2)
    found, untested = imbalance_verdicts(sweep)
    assert found == [] and [claim for claim, _, _ in untested] == ["weighting_helps", "focal_beats_weighting"]


def test_breakdowns_name_the_first_fraction_past_the_threshold():
    table = SeedTable(np.array([[0.1, 0.12], [0.3, 0.4], [0.7, 0.9], [0.2, 0.2]]))
    sweep = Sweep((0.0, 0.1, 0.2, 0.3), 2, {"total": {"mse": table}}, {"mse": np.zeros(4, dtype=int)})
    (found,) = breakdowns(sweep, "total")
    assert found.fraction == 0.2 and found.error == pytest.approx(0.8) and found.largest_before == pytest.approx(0.35)


def test_on_vertical_outliers_mse_breaks_down_first_and_mae_holds_longest():
    sweep = outlier_sweep([losses.get(name) for name in ("mse", "mae", "huber")], {"n": 200, "seed": 0},
                          {"optimizer": "nag", "lr": 0.01, "epochs": 200}, fractions=(0.0, 0.1, 0.2, 0.3, 0.4),
                          seeds=3)
    found = {item.loss: item for item in breakdowns(sweep, "total")}
    assert found["mse"].fraction is not None
    assert found["mae"].fraction is None or found["mae"].fraction > found["mse"].fraction


def test_every_sentence_the_verdicts_and_mistakes_make_is_said_in_both_languages():
    from lossviz.i18n import translate
    from lossviz.i18n.sentence import Name
    from lossviz.mistakes import MISTAKES

    methods = [("bce", {}), ("weighted_bce", {})]  # focal not swept: its claim is reported untested
    imbalance = imbalance_sweep(methods, {"separation": 2.0}, {"optimizer": "adam", "epochs": 20}, ratios=(10, 1000),
                                seeds=2)
    outliers = outlier_sweep([losses.get("mse")], {"n": 50}, {"optimizer": "gd", "lr": 2.0, "epochs": 20},
                             fractions=(0.0, 0.2), seeds=2)
    sentences = [*imbalance_sentences(imbalance), *calibration_sentences(imbalance),
                 *breakdown_sentences(outliers, "total"),
                 *(make() for make in MISTAKES.values())]
    assert {sentence.key for sentence in sentences} >= {"verdict.imbalance_measures",
                                                        "verdict.focal_beats_weighting.untested",
                                                        "verdict.calibration_weighting.holds",
                                                        "verdict.calibration_focal.untested",
                                                        "regression.breakdown_at", "mistake.bce_sign"}

    def said(sentence, lang):
        values = {key: f"[{value.key}]" if isinstance(value, Name) else value for key, value in sentence.values.items()}
        return " ".join([translate(lang, sentence.key, **values), *(said(then, lang) for then in sentence.then)])

    for sentence in sentences:
        for lang in ("en", "ko"):
            assert "{" not in said(sentence, lang), (sentence.key, lang)


def sweep_of(recall: dict, pr_auc: dict, minority: int = 30, alpha: float = 0.25) -> ImbalanceSweep:
    """An imbalance sweep at 1:100 with these per-seed recalls and PR-AUCs ({method: values})."""
    def tables(values):
        return {method: SeedTable(np.array([seeds])) for method, seeds in values.items()}

    return ImbalanceSweep((100,), 5, tables(recall), tables(pr_auc), (10_000,), (minority,), {},
                          {"focal": {"alpha": alpha, "gamma": 2.0}})


def test_a_classification_verdict_weighs_recall_at_a_threshold_against_pr_auc_and_says_when_they_disagree():
    # the sweep's numbers at 1:100: focal finds far less at threshold 0.5, and ranks the classes as well
    sweep = sweep_of({"focal": [0.0, 0.02, 0.0, 0.03, 0.01], "weighted_bce": [0.8, 0.85, 0.78, 0.82, 0.8]},
                     {"focal": [0.22, 0.23, 0.21, 0.24, 0.22], "weighted_bce": [0.23, 0.22, 0.24, 0.22, 0.23]})
    (sentence, _) = imbalance_sentences(sweep)
    keys = [sentence.key, *(then.key for then in sentence.then)]
    assert keys[:5] == ["verdict.imbalance_measures", "verdict.measures_disagree", "verdict.on_recall.fails",
                        "verdict.on_pr_auc.undecided", "verdict.threshold_not_ranking"]
    assert "verdict.alpha" in keys and "verdict.focal_beats_weighting.fails" not in keys
    assert sentence.values["threshold"] == "0.5" and sentence.values["auc_better"] == "0.224"
    alpha = next(then for then in sentence.then if then.key == "verdict.alpha")
    assert alpha.values == {"alpha": "0.25", "rest": "0.75"}


def test_a_classification_verdict_where_both_measures_agree_states_one_conclusion():
    sweep = sweep_of({"focal": [0.0, 0.02, 0.0, 0.03, 0.01], "weighted_bce": [0.8, 0.85, 0.78, 0.82, 0.8]},
                     {"focal": [0.1, 0.12, 0.1, 0.11, 0.1], "weighted_bce": [0.23, 0.22, 0.24, 0.22, 0.23]})
    (sentence, _) = imbalance_sentences(sweep)
    assert [then.key for then in sentence.then][:2] == ["verdict.focal_beats_weighting.fails", "verdict.alpha"]


def test_a_classification_verdict_on_too_few_minority_samples_gives_both_measures_for_the_record_only():
    sweep = sweep_of({"focal": [0.0] * 5, "weighted_bce": [1.0, 0.5, 1.0, 1.0, 0.5]},
                     {"focal": [0.1] * 5, "weighted_bce": [0.2] * 5}, minority=3)
    (sentence, _) = imbalance_sentences(sweep)
    assert sentence.key == "verdict.imbalance_too_few" and sentence.values["minority"] == 3
    for lang, words in (("en", "too few samples to judge"), ("ko", "판단하기에 샘플이 너무 적습니다")):
        assert words in said(sentence, lang)


def said(sentence, lang):
    from lossviz.i18n import say

    return say(lang, sentence)
