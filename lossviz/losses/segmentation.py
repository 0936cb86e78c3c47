"""Segmentation losses on masks of shape (H, W) or (N, H, W): one value per image, then the mean.

Dice, Jaccard and Tversky are all 1 - (a I + s) / (b I + c P + d G + s) with I = sum(p g),
P = sum(p), G = sum(g) per image: one class computes the value and gradient for all three.
"""

import numpy as np

from lossviz.losses.base import (
    Loss,
    ParamSpec,
    as_array,
    check_binary,
    check_finite,
    check_probabilities,
    check_same_shape,
)
from lossviz.losses.classification import BCE
from lossviz.numerics import sigmoid

SMOOTH = ParamSpec(default=1.0, min=0.0, max=10.0, step=0.1,
                   help="Added to numerator and denominator: keeps empty masks defined and softens small objects.")


def mask_inputs(y_true, y_pred, from_logits: bool):
    """Validated (masks, probabilities, logits or None), each flattened to (N, H*W)."""
    y_true = as_array("y_true", y_true)
    y_pred = as_array("y_pred", y_pred)
    check_same_shape(y_true, y_pred)
    if y_pred.ndim not in (2, 3):
        raise ValueError(f"segmentation inputs must have shape (H, W) or (N, H, W); got {y_pred.shape}")
    check_binary("y_true", y_true)
    n_images = 1 if y_pred.ndim == 2 else y_pred.shape[0]
    masks = y_true.reshape(n_images, -1)
    if from_logits:
        check_finite("y_pred", y_pred)
        logits = y_pred.reshape(n_images, -1)
        return masks, sigmoid(logits), logits
    check_probabilities("y_pred", y_pred)
    return masks, y_pred.reshape(n_images, -1), None


class OverlapLoss(Loss):
    """1 - overlap ratio, per image, averaged over images.

    Subclasses give `coefficients` = (a, b, c, d) of ratio = (a I + s) / (b I + c P + d G + s).
    Where the denominator is 0 (s = 0 and both masks empty) the ratio is taken as 1, a perfect
    match, with gradient 0.
    """

    task = "segmentation"
    flags = {"from_logits": False}
    param_specs = {"smooth": SMOOTH}
    coefficients: tuple[float, float, float, float]

    def _ratio(self, masks, proba):
        a, b, c, d = self.coefficients
        intersection = np.einsum("ij,ij->i", proba, masks)
        numerator = a * intersection + self.smooth
        denominator = b * intersection + c * proba.sum(axis=1) + d * masks.sum(axis=1) + self.smooth
        defined = denominator > 0
        safe_denominator = np.where(defined, denominator, 1.0)
        ratio = np.where(defined, numerator / safe_denominator, 1.0)
        return ratio, safe_denominator, defined

    def _outer(self, miss):
        """The per-image loss as a function of miss = 1 - ratio, and its derivative: miss itself here."""
        return miss, np.ones_like(miss)

    def elementwise(self, y_true, y_pred):
        masks, proba, _ = mask_inputs(y_true, y_pred, self.from_logits)
        ratio, *_ = self._ratio(masks, proba)
        return self._outer(np.maximum(1.0 - ratio, 0.0))[0]  # the ratio never exceeds 1 but by rounding

    def backward(self, y_true, y_pred):
        masks, proba, logits = mask_inputs(y_true, y_pred, self.from_logits)
        a, b, c, _d = self.coefficients
        ratio, denominator, defined = self._ratio(masks, proba)
        # d ratio / d p_k = [a g_k D - N (b g_k + c)] / D^2 = [a g_k - ratio (b g_k + c)] / D,
        # the second form safe when D underflows
        outer_slope = self._outer(np.maximum(1.0 - ratio, 0.0))[1] * defined
        grad = (ratio[:, None] * (b * masks + c) - a * masks) / (denominator[:, None] * masks.shape[0])
        grad *= outer_slope[:, None]
        if logits is not None:
            grad *= proba * (1.0 - proba)
        return grad.reshape(np.shape(y_pred))


class Dice(OverlapLoss):
    """Soft Dice loss: one minus the Dice coefficient (F1 score) of the masks.

    Domain: y_true masks in {0, 1}; y_pred probabilities, or logits; (H, W) or (N, H, W).
    Notes: per image 1 - (2 sum(p g) + s) / (sum(p) + sum(g) + s), the denominator of Sudre et
        al.; Milletari et al. square the terms (sum(p^2) + sum(g^2)). It scores overlap relative
        to the size of the object and of the prediction, so the background majority cannot
        dominate; with several objects in one image the sums favour the large ones. Its gradient
        is large and unstable when the masks are tiny; s and mixing with BCE (dice_bce) calm it.
    References: C. H. Sudre, W. Li, T. Vercauteren, S. Ourselin, M. J. Cardoso, Generalised Dice
        Overlap as a Deep Learning Loss Function for Highly Unbalanced Segmentations, 2017;
        F. Milletari, N. Navab, S.-A. Ahmadi, V-Net, 3DV 2016 (the squared form).
    """

    name = "dice"
    latex = r"L = 1 - \frac{2\sum_k p_k g_k + s}{\sum_k p_k + \sum_k g_k + s}"
    grad_latex = (r"\frac{\partial L}{\partial p_k} = -\frac{2 g_k\,(\sum p + \sum g + s) - (2\sum p g + s)}"
                  r"{(\sum p + \sum g + s)^2}")

    coefficients = (2.0, 0.0, 1.0, 1.0)


class Jaccard(OverlapLoss):
    """Soft Jaccard (IoU) loss: one minus intersection over union.

    Domain: as Dice.
    Notes: per image 1 - (sum(p g) + s) / (sum(p) + sum(g) - sum(p g) + s). IoU is stricter than
        Dice (IoU = Dice / (2 - Dice)), so the same miss costs more.
    References: M. A. Rahman, Y. Wang, Optimizing Intersection-over-Union in Deep Neural
        Networks for Image Segmentation, 2016.
    """

    name = "jaccard"
    latex = r"L = 1 - \frac{\sum_k p_k g_k + s}{\sum_k p_k + \sum_k g_k - \sum_k p_k g_k + s}"
    grad_latex = (r"\frac{\partial L}{\partial p_k} = -\frac{g_k\,U - (1-g_k)(\sum p g + s)}{U^2},\quad "
                  r"U = \sum p + \sum g - \sum p g + s")

    coefficients = (1.0, -1.0, 1.0, 1.0)


class Tversky(OverlapLoss):
    """Tversky loss: Dice with separate prices for false positives and false negatives.

    Domain: as Dice; alpha, beta in [0, 1].
    Notes: per image 1 - (TP + s) / (TP + alpha FP + beta FN + s) with TP = sum(p g),
        FP = sum(p (1 - g)), FN = sum((1 - p) g). beta > alpha favours recall (small lesions);
        alpha = beta = 0.5 is Dice (with twice the smoothing term).
    References: S. S. M. Salehi, D. Erdogmus, A. Gholipour, Tversky Loss Function for Image
        Segmentation Using 3D Fully Convolutional Deep Networks, 2017.
    """

    name = "tversky"
    param_specs = {
        "alpha": ParamSpec(default=0.5, min=0.0, max=1.0, step=0.05, help="Price of false positives."),
        "beta": ParamSpec(default=0.5, min=0.0, max=1.0, step=0.05, help="Price of false negatives."),
        "smooth": SMOOTH,
    }
    latex = r"L = 1 - \frac{TP + s}{TP + \alpha\,FP + \beta\,FN + s}"
    grad_latex = (r"\frac{\partial L}{\partial p_k} = "
                  r"-\frac{g_k D - (TP + s)\,\big(g_k + \alpha(1-g_k) - \beta g_k\big)}{D^2}"
                  r",\quad D = TP + \alpha FP + \beta FN + s")

    @property
    def coefficients(self):
        # TP + alpha (P - TP) + beta (G - TP) + s
        return 1.0, 1.0 - self.alpha - self.beta, self.alpha, self.beta


class FocalTversky(Tversky):
    """Focal Tversky loss: the Tversky loss raised to a power gamma, per image.

    Domain: as tversky; gamma in [0.5, 3].
    Notes: per image (1 - TI)^gamma with TI = (TP + s) / (TP + alpha FP + beta FN + s), the mean
        over images. Abraham and Khan write the exponent as 1/gamma and recommend 1/gamma = 0.75
        (gamma = 0.75 here): an exponent below 1 raises the loss and its gradient on images that
        are already mostly right, so training keeps working on the small, hard objects.
        gamma = 1 is tversky. Below 1 the gradient grows without bound as TI nears 1; at TI = 1
        exactly it is taken as 0.
    References: N. Abraham, N. M. Khan, A Novel Focal Tversky Loss Function with Improved
        Attention U-Net for Lesion Segmentation, ISBI 2019.
    """

    name = "focal_tversky"
    param_specs = {
        "alpha": Tversky.param_specs["alpha"],
        "beta": Tversky.param_specs["beta"],
        "gamma": ParamSpec(default=1.0, min=0.5, max=3.0, step=0.05,
                           help="Exponent on 1 - TI: below 1 it keeps pressing on images that are almost right."),
        "smooth": SMOOTH,
    }
    latex = (r"L = \frac{1}{N}\sum_{\text{images}} \big(1 - TI\big)^{\gamma},\quad "
             r"TI = \frac{TP + s}{TP + \alpha\,FP + \beta\,FN + s}")
    grad_latex = (r"\frac{\partial L}{\partial p_k} = -\frac{\gamma}{N}\,(1 - TI)^{\gamma-1}\,"
                  r"\frac{\partial TI}{\partial p_k}")

    def _outer(self, miss):
        if self.gamma >= 1.0:
            return np.power(miss, self.gamma), self.gamma * np.power(miss, self.gamma - 1.0)
        # (1 - TI)^(gamma - 1) is singular at TI = 1 for gamma < 1, where the slope is taken as 0
        slope = self.gamma * np.power(miss, self.gamma - 1.0, out=np.zeros_like(miss), where=miss > 0)
        return np.power(miss, self.gamma), slope


class DiceBCE(Loss):
    """Weighted sum of Dice and pixel-wise binary cross-entropy.

    Domain: as Dice; weight in [0, 1].
    Notes: weight * dice + (1 - weight) * bce, the BCE averaged over all pixels. BCE gives every
        pixel a smooth, well-scaled gradient early in training; Dice keeps the small foreground
        from being drowned by the background.
    References: F. Isensee et al., nnU-Net, Nature Methods 2021.
    """

    name = "dice_bce"
    task = "segmentation"
    param_specs = {
        "weight": ParamSpec(default=0.5, min=0.0, max=1.0, step=0.05, help="Share of Dice; BCE gets the rest."),
        "smooth": SMOOTH,
    }
    flags = {"from_logits": False}
    latex = r"L = w\,L_{\mathrm{Dice}} + (1-w)\,L_{\mathrm{BCE}}"
    grad_latex = (r"\frac{\partial L}{\partial p_k} = w\,\frac{\partial L_{\mathrm{Dice}}}{\partial p_k}"
                  r" + (1-w)\,\frac{\partial L_{\mathrm{BCE}}}{\partial p_k}")

    def __init__(self, **params):
        super().__init__(**params)
        self._dice = Dice(smooth=self.smooth, from_logits=self.from_logits)
        self._bce = BCE(from_logits=self.from_logits)

    def elementwise(self, y_true, y_pred):
        dice = self._dice.elementwise(y_true, y_pred)
        bce_per_image = self._bce.elementwise(y_true, y_pred).reshape(dice.size, -1).mean(axis=1)
        return self.weight * dice + (1.0 - self.weight) * bce_per_image

    def backward(self, y_true, y_pred):
        return (self.weight * self._dice.backward(y_true, y_pred)
                + (1.0 - self.weight) * self._bce.backward(y_true, y_pred))
