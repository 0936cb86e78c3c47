"""The guide findings the claims register (lossviz.claims) lists: the experiments behind the
verdicts this lab states, measured at the settings their URL opens, with their rules."""

from __future__ import annotations

from lossviz.claims import Finding, t
from lossviz.labs.guide.content import EXPERIMENTS
from lossviz.labs.guide.measured import dice_bce_weights, gaussian_nll_against_mse
from lossviz.labs.segmentation.schema import SEGMENTATION
from lossviz.mistakes import MISTAKES


def findings() -> list[Finding]:
    dice = SEGMENTATION.parse(dict(EXPERIMENTS["dice_bce_weight"].query))[0]
    return [Finding("FAQ: cross-entropy for regression", "guide", (), t("guide.measured_intro"),
                    [gaussian_nll_against_mse()]),
            Finding("FAQ: how to weight Dice + BCE", "guide", (), t("guide.measured_intro"),
                    [dice_bce_weights(dice.group("data"), lr=dice.lr, epochs=dice.epochs)]),
            Finding("where common sources go wrong", "guide", (), t("mistake.intro"),
                    [make() for make in MISTAKES.values()])]
