"""The segmentation findings the claims register (lossviz.claims) lists: the experiments behind the
verdicts this lab states, measured at the settings their URL opens, with their rules."""

from __future__ import annotations

from lossviz.claims import Finding, t
from lossviz.labs.segmentation import train
from lossviz.labs.segmentation.schema import SEGMENTATION
from lossviz.labs.segmentation.verdicts import JUDGED_AT, sweep_sentences


def findings() -> list[Finding]:
    settings = SEGMENTATION.parse({})[0]
    recall = train.foreground_sweep_of(*train.foreground_sweep_key(settings))
    rule = t("segmentation.verdict_rule", seeds=train.SWEEP_SEEDS,
             fractions=JUDGED_AT)
    return [Finding(f"foreground sweep ({t('segmentation.sweep_run')})", "segmentation", (), rule,
                    sweep_sentences(train.SWEEP_FRACTIONS, recall, settings.size))]
