"""The distributions findings the claims register (lossviz.claims) lists: the experiments behind the
verdicts this lab states, measured at the settings their URL opens, with their rules."""

from __future__ import annotations

from lossviz.claims import Finding, t
from lossviz.labs.distributions import fit
from lossviz.labs.distributions.schema import DISTRIBUTIONS


def findings() -> list[Finding]:
    settings = DISTRIBUTIONS.parse({})[0]
    fits = fit.divergence_fits(settings.group("target"), settings.group("fit"))
    centres = fit.mode_centres(settings.modes, settings.separation)
    return [Finding("one Gaussian fitted by three divergences", "distributions", (("view", "kl"),),
                    t("distributions.covers_intro", share=f"{fit.COVERED:.0%}"),
                    fit.coverage_sentences(fits, centres) + fit.overlap_sentences(fits))]
