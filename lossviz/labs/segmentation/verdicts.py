"""The segmentation lab's verdicts on the claims about small objects, computed from its foreground
sweep over seeds."""

from __future__ import annotations

import numpy as np

from lossviz.i18n.sentence import Name, Sentence
from lossviz.labs.segmentation.train import sweep_size
from lossviz.training import SeedTable
from lossviz.verdict import compare

SWEEP_CLAIMS = (("dice", "bce"), ("weighted_bce", "bce"), ("dice", "weighted_bce"), ("dice_bce", "bce"),
                ("dice_bce", "dice"))
SMALL_FRACTIONS = (0.01, 0.003, 0.001)  # where the guide's claim is about
JUDGED_AT = ", ".join(f"{fraction:.1%}" for fraction in SMALL_FRACTIONS)  # the fractions, as the rule names them


def sweep_sentences(fractions, recall: dict[str, SeedTable], size: int) -> list[Sentence]:
    """The guide's claims at the small fractions, each a verdict on the sweep's per-seed recalls, naming
    the fraction and the image size it was measured at (sweep_size of the lab's `size`)."""
    said = []
    for better, worse in SWEEP_CLAIMS:
        if better not in recall or worse not in recall:
            continue
        for fraction in SMALL_FRACTIONS:
            if fraction not in fractions:
                continue
            row = list(fractions).index(fraction)
            finished = ~(np.isnan(recall[better].values[row]) | np.isnan(recall[worse].values[row]))
            if not finished.any():
                continue
            verdict = compare("recall", fraction, better, worse, recall[better].values[row][finished],
                              recall[worse].values[row][finished])
            said.append(Sentence(f"segmentation.verdict.{verdict.outcome}", {
                "better": Name(better), "worse": Name(worse), "fraction": f"{fraction:.1%}",
                "size": sweep_size(fraction, size),
                "better_mean": f"{verdict.mean_better:.2f}", "worse_mean": f"{verdict.mean_worse:.2f}",
                "spread": f"{verdict.spread:.2f}", "seeds": verdict.seeds}))
    return said
