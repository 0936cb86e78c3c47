"""The embeddings findings the claims register (lossviz.claims) lists: the experiments behind the
verdicts this lab states, measured at the settings their URL opens, with their rules."""

from __future__ import annotations

from lossviz.claims import Finding, t
from lossviz.labs.embeddings import train
from lossviz.labs.embeddings.schema import EMBEDDINGS


def findings() -> list[Finding]:
    settings = EMBEDDINGS.parse({})[0]
    result = train.mining_comparison(*train.mining_comparison_key(settings))
    return [Finding(f"mining comparison ({t('embeddings.compare_run')})", "embeddings", (),
                    t("embeddings.verdict_rule"), train.comparison_sentences(result))]
