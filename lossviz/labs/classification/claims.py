"""The classification findings the claims register (lossviz.claims) lists: the experiments behind the
verdicts this lab states, measured at the settings their URL opens, with their rules."""

from __future__ import annotations

from lossviz.claims import Finding, t
from lossviz.labs.classification import train
from lossviz.labs.classification.schema import CLASSIFICATION
from lossviz.labs.classification.verdicts import calibration_sentences, imbalance_sentences


def findings() -> list[Finding]:
    settings = CLASSIFICATION.parse({})[0]
    sweep = train.imbalance_sweep_of(*train.imbalance_sweep_key(settings))
    button = t("common.sweep_run")
    return [Finding(f"imbalance sweep ({button})", "classification", (),
                    t("classification.verdict_rule", seeds=sweep.seeds), imbalance_sentences(sweep)),
            Finding(f"imbalance sweep, calibration ({button})", "classification", (),
                    t("classification.calibration_rule", seeds=sweep.seeds), calibration_sentences(sweep))]
