"""The guide's measured answers: each computed from the labs' own runs when asked, never a fixed fact."""

from __future__ import annotations

import numpy as np

from lossviz.curves import loss_curves
from lossviz.datasets import nth_seed
from lossviz.i18n.sentence import Sentence
from lossviz.labs.segmentation.data import segmentation_data
from lossviz.labs.segmentation.train import capped_images, features, mask_report, probabilities, train_masks


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


def dice_bce_weights(data_settings: dict, *, lr: float, epochs: int, seeds: int = 3,
                     weights=COMBINED_WEIGHTS) -> Sentence:
    """FAQ Q5: Dice + BCE at each weight of Dice (0: BCE alone, 1: Dice alone) on `seeds` data sets
    of these settings: each weight's mean validation Dice score at threshold 0.5, and the best. The settings
    are a dict or (key, value) pairs."""
    data_settings = dict(data_settings)
    scores = np.zeros((len(weights), seeds))
    for seed in range(seeds):
        data = segmentation_data(**{**data_settings, "seed": nth_seed(data_settings.get("seed", 0), seed),
                                    "images": capped_images(data_settings["size"], data_settings["images"])})
        for index, weight in enumerate(weights):
            run = train_masks(data, "dice_bce", {"weight": weight, "smooth": 1.0}, lr=lr, epochs=epochs)
            proba = probabilities(run, features(data.val_images, run.scale))
            scores[index, seed] = mask_report(data.val_masks, proba)["dice"]
    means = scores.mean(axis=1)
    best = int(np.argmax(means))
    return Sentence("guide.measured.dice_bce", {
        "seeds": seeds, "scores": ", ".join(f"{weight:g}: {mean:.2f}" for weight, mean in zip(weights, means,
                                                                                              strict=True)),
        "best": f"{weights[best]:g}", "bce": f"{means[0]:.2f}", "dice": f"{means[-1]:.2f}"})
