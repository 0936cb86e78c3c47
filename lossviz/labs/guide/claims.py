"""The claims register: every finding the app can state, measured by the functions its pages call,
at the settings a link opens, with the rule that judges it. `make claims` writes docs/CLAIMS.md;
tests/unit/test_claims.py fails when that file is out of date.

    python -m lossviz.labs.guide.claims [--check] [--output docs/CLAIMS.md]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from lossviz.i18n import say, translate
from lossviz.i18n.sentence import Sentence
from lossviz.labs.classification import train as classification
from lossviz.labs.classification.schema import CLASSIFICATION
from lossviz.labs.classification.verdicts import calibration_sentences, imbalance_sentences
from lossviz.labs.distributions import fit as distributions
from lossviz.labs.distributions.schema import DISTRIBUTIONS
from lossviz.labs.embeddings import train as embeddings
from lossviz.labs.embeddings.schema import EMBEDDINGS
from lossviz.labs.guide.content import EXPERIMENTS
from lossviz.labs.guide.measured import dice_bce_weights, gaussian_nll_against_mse
from lossviz.labs.landscape import monitor, surface
from lossviz.labs.landscape.schema import LANDSCAPE
from lossviz.labs.regression import train as regression
from lossviz.labs.regression import verdicts as regression_verdicts
from lossviz.labs.regression.schema import REGRESSION
from lossviz.labs.segmentation import train as segmentation
from lossviz.labs.segmentation.schema import SEGMENTATION
from lossviz.labs.segmentation.verdicts import SMALL_FRACTIONS, sweep_sentences
from lossviz.mistakes import MISTAKES
from lossviz.tables import markdown_table
from lossviz.training import SWEEP_SEEDS

REGISTER = Path(__file__).resolve().parents[3] / "docs" / "CLAIMS.md"
LANG = "en"


@dataclass(frozen=True)
class Experiment:
    """What a group of findings is measured on: its words, the page and query that show it (where a
    button starts it, its label), and the rule that judges it, in the page's own words."""

    what: str
    page: str
    query: tuple[tuple[str, str], ...]
    rule: str
    sentences: list[Sentence]

    @property
    def url(self) -> str:
        return f"/{self.page}?{urlencode(self.query)}" if self.query else f"/{self.page}"


def t(key: str, **values) -> str:
    return translate(LANG, key, **values)


def classification_findings() -> list[Experiment]:
    settings = CLASSIFICATION.parse({})[0]
    sweep = classification.imbalance_sweep_of(*classification.imbalance_sweep_key(settings))
    button = t("common.sweep_run")
    return [Experiment(f"imbalance sweep ({button})", "classification", (),
                       t("classification.verdict_rule", seeds=sweep.seeds), imbalance_sentences(sweep)),
            Experiment(f"imbalance sweep, calibration ({button})", "classification", (),
                       t("classification.calibration_rule", seeds=sweep.seeds), calibration_sentences(sweep))]


def regression_findings() -> list[Experiment]:
    settings = REGRESSION.parse({})[0]
    loss_params = tuple((name, settings.params_key(name)) for name in settings.losses)
    sweep = regression.outlier_sweep_of(settings.group("data", without=regression.OUTLIER_SWEEP_VARIES),
                                        loss_params, settings.group("training"))
    found = [Experiment(f"outlier sweep, {measure} ({t('common.sweep_run')})", "regression", (("measure", measure),),
                        t("regression.verdict_rule", measure=t(f"regression.measure.{measure}"),
                          threshold=regression_verdicts.BREAKDOWN_ERROR, seeds=sweep.seeds),
                        regression_verdicts.breakdown_sentences(sweep, measure))
             for measure in regression.ERROR_MEASURES]
    switch = EXPERIMENTS["switch"]
    lab = REGRESSION.parse(dict(switch.query))[0]
    runs = regression_verdicts.switch_runs(*regression.switch_key(lab, lab.switch_from, lab.switch_to, lab.switch_at))
    return [*found, Experiment("switch of loss", "regression", switch.query,
                               t("regression.switch_rule", seeds=runs.switched.size),
                               regression_verdicts.switch_sentences(runs))]


def segmentation_findings() -> list[Experiment]:
    settings = SEGMENTATION.parse({})[0]
    methods = tuple((method, settings.params_key(method)) for method in settings.losses)
    recall = segmentation.foreground_sweep_of(settings.group("data", without=("fraction",)), methods,
                                              settings.group("training"))
    rule = t("segmentation.verdict_rule", seeds=segmentation.SWEEP_SEEDS,
             fractions=", ".join(f"{fraction:.1%}" for fraction in SMALL_FRACTIONS))
    return [Experiment(f"foreground sweep ({t('segmentation.sweep_run')})", "segmentation", (), rule,
                       sweep_sentences(segmentation.SWEEP_FRACTIONS, recall, settings.size))]


def embeddings_findings() -> list[Experiment]:
    settings = EMBEDDINGS.parse({})[0]
    result = embeddings.mining_comparison(settings.group("data"), settings.group("training", without=("mining",)))
    return [Experiment(f"mining comparison ({t('embeddings.compare_run')})", "embeddings", (),
                       t("embeddings.verdict_rule"), embeddings.comparison_sentences(result))]


def distributions_findings() -> list[Experiment]:
    settings = DISTRIBUTIONS.parse({})[0]
    fits = distributions.divergence_fits(settings.group("target"), settings.group("fit"))
    centres = distributions.mode_centres(settings.modes, settings.separation)
    return [Experiment("one Gaussian fitted by three divergences", "distributions", (("view", "kl"),),
                       t("distributions.covers_intro", share=f"{distributions.COVERED:.0%}"),
                       distributions.coverage_sentences(fits, centres) + distributions.overlap_sentences(fits))]


def landscape_findings() -> list[Experiment]:
    settings = LANDSCAPE.parse({})[0]
    data_key = settings.group("data")
    loss_params = tuple((name, settings.params_key(name)) for name in surface.NAG_LOSSES)
    runs = surface.nag_runs(data_key, loss_params, settings.group("paths"))
    nag = surface.nag_sentences(runs, surface.surface_set(data_key), lr=settings.lr, epochs=settings.epochs)
    found = [Experiment(f"Nesterov on three losses ({t('landscape.nag_run')})", "landscape", (("view", "surface"),),
                        t("landscape.nag_help"), nag)]
    for kind in monitor.DIAGNOSES:
        lab = LANDSCAPE.parse({"view": "monitor"})[0]
        curve = {**dict(lab.group("curve")), "train_points": monitor.PRESETS[kind]["train_points"],
                 "curve_noise": monitor.PRESETS[kind]["noise"]}
        fit = {**dict(lab.group("fit")), **{key: monitor.PRESETS[kind][key] for key in
                                            ("degree", "weight_decay", "optimizer")},
               "monitor_lr": monitor.PRESETS[kind]["lr"], "monitor_epochs": monitor.PRESETS[kind]["epochs"]}
        run = monitor.polynomial_fit(tuple(curve.items()), tuple(fit.items()))
        stop = monitor.stopping(run, lab.patience)
        said = monitor.monitor_sentences(monitor.diagnose(run, curve["curve_noise"]), stop, lab.patience,
                                         run.epochs_run)
        found.append(Experiment(f"training monitor, the {kind.replace('_', ' ')} button", "landscape",
                                (("view", "monitor"),), monitor.rule(LANG, lab.patience), said))
    return found


def guide_findings() -> list[Experiment]:
    dice = SEGMENTATION.parse(dict(EXPERIMENTS["dice_bce_weight"].query))[0]
    return [Experiment("FAQ: cross-entropy for regression", "guide", (), t("guide.measured_intro"),
                       [gaussian_nll_against_mse()]),
            Experiment("FAQ: how to weight Dice + BCE", "guide", (), t("guide.measured_intro"),
                       [dice_bce_weights(dice.group("data"), lr=dice.lr, epochs=dice.epochs)]),
            Experiment("where common sources go wrong", "guide", (), t("mistake.intro"),
                       [make() for make in MISTAKES.values()])]


FINDINGS = (classification_findings, regression_findings, segmentation_findings, embeddings_findings,
            distributions_findings, landscape_findings, guide_findings)


def cell(text: str) -> str:
    """Text for one Markdown table cell, on one line (markdown_table escapes it)."""
    return " ".join(text.split())


def register() -> str:
    """docs/CLAIMS.md: one row per finding, measured now at the settings its URL opens."""
    rows = []
    for findings in FINDINGS:
        for experiment in findings():
            for sentence in experiment.sentences:
                rows.append({"finding": f"`{sentence.key}`", "experiment": cell(experiment.what),
                             "URL": f"`{experiment.url}`", "rule": cell(experiment.rule),
                             "at the defaults": cell(say(LANG, sentence))})
    return (
        "# Claims register\n\n"
        "Every finding LossViz can state, measured at the settings its URL opens (the lab's defaults unless the\n"
        "URL says otherwise) by the same functions the pages call, with the rule that judges it. Sweeps use\n"
        f"{SWEEP_SEEDS} seeds unless the rule says otherwise. Generated by `make claims`\n"
        "(`python -m lossviz.labs.guide.claims`); `tests/unit/test_claims.py` fails when it is out of date.\n\n"
        + markdown_table(rows, "{:.3f}") + "\n")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the register on disk is out of date")
    parser.add_argument("--output", type=Path, default=REGISTER)
    arguments = parser.parse_args(argv)
    text = register()
    if arguments.check:
        current = arguments.output.read_text(encoding="utf-8") if arguments.output.exists() else ""
        if current != text:
            print(f"{arguments.output} is out of date: run `make claims`", file=sys.stderr)
            return 1
        return 0
    arguments.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
