"""The guide's measured answers: each computed from the labs' own runs when asked, never a fixed fact."""

from __future__ import annotations

import numpy as np

from lossviz.curves import loss_curves
from lossviz.datasets import nth_seed
from lossviz.i18n.sentence import Sentence
from lossviz.labs.segmentation.data import segmentation_data
from lossviz.labs.segmentation.train import capped_images, features, mask_report, probabilities, train_masks
from lossviz.verdict import compare


def gaussian_nll_against_mse() -> Sentence:
    """FAQ Q1: on the gallery's residual axis, Gaussian NLL with variance 1 against half of MSE, the
    largest difference over the axis (a regression loss *is* a cross-entropy, of a Gaussian model)."""
    (nll,) = loss_curves("regression", "residual", "gaussian_nll", {})
    (mse,) = loss_curves("regression", "residual", "mse", {})
    gap = float(np.max(np.abs(nll.value - 0.5 * mse.value)))
    slope_gap = float(np.max(np.abs(nll.slope - 0.5 * mse.slope)))
    return Sentence("guide.measured.gaussian_nll", {"points": int(nll.x.size), "gap": f"{gap:.1e}",
                                                    "slope_gap": f"{slope_gap:.1e}"})


COMBINED_WEIGHTS = (0.0, 0.25, 0.5, 0.75, 1.0)
GUIDE_WEIGHT = 0.5  # the Dice share of the guide's Dice + BCE code


def dice_bce_weights(data_settings: dict, *, lr: float, epochs: int, seeds: int = 3,
                     weights=COMBINED_WEIGHTS) -> Sentence:
    """FAQ Q5: Dice + BCE at each share of Dice (0: BCE alone, 1: Dice alone) on `seeds` data sets of
    these settings: each share's validation Dice score at threshold 0.5 (mean ± spread over the seeds),
    and the best share judged against the guide's GUIDE_WEIGHT by the labs' rule (verdict.compare).
    The settings are a dict or (key, value) pairs."""
    data_settings = dict(data_settings)
    scores = np.zeros((len(weights), seeds))
    for seed in range(seeds):
        data = segmentation_data(**{**data_settings, "seed": nth_seed(data_settings.get("seed", 0), seed),
                                    "images": capped_images(data_settings["size"], data_settings["images"])})
        for index, weight in enumerate(weights):
            run = train_masks(data, "dice_bce", {"weight": weight, "smooth": 1.0}, lr=lr, epochs=epochs)
            proba = probabilities(run, features(data.val_images, run.scale))
            scores[index, seed] = mask_report(data.val_masks, proba)["dice"]
    means, spreads = scores.mean(axis=1), scores.std(axis=1, ddof=1)
    best, guide = int(np.argmax(means)), list(weights).index(GUIDE_WEIGHT)
    versus = compare("dice_bce_weight", data_settings["fraction"], f"{weights[best]:g}", f"{GUIDE_WEIGHT:g}",
                     scores[best], scores[guide])
    then = Sentence("guide.measured.dice_bce_best" if best == guide else f"guide.measured.dice_bce.{versus.outcome}",
                    {"best": f"{weights[best]:g}", "guide": f"{GUIDE_WEIGHT:g}", "best_mean": f"{means[best]:.2f}",
                     "guide_mean": f"{means[guide]:.2f}", "spread": f"{versus.spread:.2f}", "seeds": seeds})
    return Sentence("guide.measured.dice_bce", {
        "seeds": seeds, "fraction": f"{data_settings['fraction']:.1%}", "size": data_settings["size"],
        "scores": ", ".join(f"{weight:g}: {mean:.2f} ± {spread:.2f}"
                            for weight, mean, spread in zip(weights, means, spreads, strict=True))}, (then,))
