"""The landscape findings the claims register (lossviz.claims) lists: the experiments behind the
verdicts this lab states, measured at the settings their URL opens, with their rules."""

from __future__ import annotations

from lossviz.claims import LANG, Finding, t
from lossviz.labs.landscape import monitor, surface
from lossviz.labs.landscape.schema import LANDSCAPE


def findings() -> list[Finding]:
    settings = LANDSCAPE.parse({})[0]
    data_key = settings.group("data")
    loss_params = tuple((name, settings.params_key(name)) for name in surface.NAG_LOSSES)
    runs = surface.nag_runs(data_key, loss_params, settings.group("paths"))
    nag = surface.nag_sentences(runs, surface.surface_set(data_key), lr=settings.lr, epochs=settings.epochs)
    found = [Finding(f"Nesterov on three losses ({t('landscape.nag_run')})", "landscape", (("view", "surface"),),
                     t("landscape.nag_help"), nag)]
    lab = LANDSCAPE.parse({"view": "monitor"})[0]
    for kind in monitor.DIAGNOSES:  # each diagnosis button's settings (monitor.PRESETS), as the page trains them
        preset = monitor.PRESETS[kind]
        curve = {**dict(lab.group("curve")), "train_points": preset["train_points"], "curve_noise": preset["noise"]}
        fit = {**dict(lab.group("fit")), **{key: preset[key] for key in ("degree", "weight_decay", "optimizer")},
               "monitor_lr": preset["lr"], "monitor_epochs": preset["epochs"]}
        run = monitor.polynomial_fit(tuple(curve.items()), tuple(fit.items()))
        said = monitor.monitor_sentences(monitor.diagnose(run, preset["noise"]), monitor.stopping(run, lab.patience),
                                         lab.patience, run.epochs_run)
        found.append(Finding(f"training monitor, the {kind.replace('_', ' ')} button", "landscape",
                             (("view", "monitor"),), monitor.rule(LANG, lab.patience), said))
    return found
