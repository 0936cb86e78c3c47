"""The landscape findings the claims register (lossviz.claims) lists: the experiments behind the
verdicts this lab states, measured at the settings their URL opens, with their rules."""

from __future__ import annotations

from lossviz.claims import LANG, Finding, t
from lossviz.labs.landscape import monitor, surface
from lossviz.labs.landscape.schema import LANDSCAPE


def findings() -> list[Finding]:
    settings = LANDSCAPE.parse({})[0]
    runs = surface.nag_runs(*surface.nag_key(settings))
    nag = surface.nag_sentences(runs, surface.surface_set(settings.group("data")), lr=settings.lr,
                                epochs=settings.epochs)
    found = [Finding(f"Nesterov on three losses ({t('landscape.nag_run')})", "landscape", (("view", "surface"),),
                     t("landscape.nag_help"), nag)]
    for kind in monitor.DIAGNOSES:  # the settings each diagnosis button sets, trained as the page trains them
        query = {"view": "monitor", **{key: str(value) for key, value in monitor.preset_settings(kind).items()}}
        lab = LANDSCAPE.parse(query)[0]
        run = monitor.polynomial_fit(lab.group("curve"), lab.group("fit"))
        said = monitor.monitor_sentences(monitor.diagnose(run, lab.curve_noise), monitor.stopping(run, lab.patience),
                                         lab.patience, run.epochs_run)
        found.append(Finding(f"training monitor, the {kind.replace('_', ' ')} button", "landscape",
                             (("view", "monitor"),), monitor.rule(LANG, lab.patience), said))
    return found
