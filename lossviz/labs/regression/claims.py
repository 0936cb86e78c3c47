"""The regression findings the claims register (lossviz.claims) lists: the experiments behind the
verdicts this lab states, measured at the settings their URL opens, with their rules."""

from __future__ import annotations

from lossviz.claims import Finding, t
from lossviz.labs.guide.content import EXPERIMENTS
from lossviz.labs.regression import train, verdicts
from lossviz.labs.regression.schema import REGRESSION


def findings() -> list[Finding]:
    settings = REGRESSION.parse({})[0]
    sweep = train.outlier_sweep_of(*train.outlier_sweep_key(settings))
    found = [Finding(f"outlier sweep, {measure} ({t('common.sweep_run')})", "regression", (("measure", measure),),
                     t("regression.verdict_rule", measure=t(f"regression.measure.{measure}"),
                       threshold=verdicts.BREAKDOWN_ERROR, seeds=sweep.seeds),
                     verdicts.breakdown_sentences(sweep, measure))
             for measure in train.ERROR_MEASURES]
    switch = EXPERIMENTS["switch"]  # the guide's FAQ links to it
    lab = REGRESSION.parse(dict(switch.query))[0]
    runs = verdicts.switch_runs(*train.switch_key(lab, lab.switch_from, lab.switch_to, lab.switch_at))
    return [*found, Finding("switch of loss", "regression", switch.query,
                            t("regression.switch_rule", seeds=runs.switched.size), verdicts.switch_sentences(runs))]
