"""Bounding-box losses on (x1, y1, x2, y2) boxes: one value per box, then the mean.

GIoU and DIoU share the intersection, union and enclosing box; `_BoxGeometry` computes them and
their derivatives with respect to the predicted box's four coordinates once.
"""

import numpy as np

from lossviz.losses.base import Loss, as_array, check_finite, check_same_shape
from lossviz.numerics import BOX_EPS


def box_inputs(y_true, y_pred):
    """Validated boxes as (n, 4) arrays; a (4,) input is one box."""
    arrays = {"y_true": as_array("y_true", y_true), "y_pred": as_array("y_pred", y_pred)}
    check_same_shape(*arrays.values())
    shape = arrays["y_pred"].shape
    if len(shape) not in (1, 2) or shape[-1] != 4:
        raise ValueError(f"boxes must have shape (4,) or (n, 4) as (x1, y1, x2, y2); got {shape}")
    boxes = []
    for name, array in arrays.items():
        check_finite(name, array)
        array = array.reshape(-1, 4)
        for low, high, axis in ((0, 2, "x"), (1, 3, "y")):
            wrong = np.flatnonzero(array[:, high] < array[:, low])
            if wrong.size:
                row = int(wrong[0])
                raise ValueError(f"{name} box {row} has {axis}2 < {axis}1 "
                                 f"({array[row, high]:g} < {array[row, low]:g}); "
                                 f"boxes are (x1, y1, x2, y2) with x2 >= x1 and y2 >= y1")
        boxes.append(array)
    return boxes


def _larger(a, b):
    """d max(a, b) / d a: 1 where a wins, 1/2 at a tie (torch's choice), else 0."""
    return (a > b) + 0.5 * (a == b)


class _BoxGeometry:
    """Intersection I, union U, enclosing box C of predicted boxes p and true boxes g, with the
    derivatives of I, U and the enclosing width and height by p's coordinates (columns x1, y1,
    x2, y2)."""

    def __init__(self, true, pred):
        gx1, gy1, gx2, gy2 = true.T
        px1, py1, px2, py2 = pred.T
        inner_w = np.minimum(px2, gx2) - np.maximum(px1, gx1)
        inner_h = np.minimum(py2, gy2) - np.maximum(py1, gy1)
        overlap = (inner_w > 0) & (inner_h > 0)  # torchvision counts an intersection only then
        self.intersection = np.where(overlap, inner_w * inner_h, 0.0)
        pred_w, pred_h = px2 - px1, py2 - py1
        self.union = pred_w * pred_h + (gx2 - gx1) * (gy2 - gy1) - self.intersection
        self.outer_w = np.maximum(px2, gx2) - np.minimum(px1, gx1)
        self.outer_h = np.maximum(py2, gy2) - np.minimum(py1, gy1)
        self.centre_dx = (px1 + px2 - gx1 - gx2) / 2.0
        self.centre_dy = (py1 + py2 - gy1 - gy2) / 2.0

        # d inner_w / d (px1, px2), d inner_h / d (py1, py2)
        d_inner = np.stack([-_larger(px1, gx1), -_larger(py1, gy1), _larger(gx2, px2), _larger(gy2, py2)], axis=1)
        d_inner[:, [0, 2]] *= np.where(overlap, inner_h, 0.0)[:, None]
        d_inner[:, [1, 3]] *= np.where(overlap, inner_w, 0.0)[:, None]
        self.d_intersection = d_inner
        d_area = np.stack([-pred_h, -pred_w, pred_h, pred_w], axis=1)
        self.d_union = d_area - d_inner
        # d outer_w / d (px1, px2) in columns 0, 2; d outer_h / d (py1, py2) in columns 1, 3
        self.d_outer = np.stack([-_larger(gx1, px1), -_larger(gy1, py1), _larger(px2, gx2), _larger(py2, gy2)], axis=1)

    def iou(self):
        return self.intersection / (self.union + BOX_EPS)

    def d_iou(self):
        denominator = (self.union + BOX_EPS)[:, None]
        return self.d_intersection / denominator - self.intersection[:, None] * self.d_union / denominator**2


class BoxLoss(Loss):
    """One minus IoU plus a penalty: subclasses give `_penalty(geometry)` and its derivative."""

    task = "detection"

    def elementwise(self, y_true, y_pred):
        geometry = _BoxGeometry(*box_inputs(y_true, y_pred))
        return 1.0 - geometry.iou() + self._penalty(geometry)[0]

    def backward(self, y_true, y_pred):
        geometry = _BoxGeometry(*box_inputs(y_true, y_pred))
        grad = self._penalty(geometry)[1] - geometry.d_iou()
        grad /= grad.shape[0]
        return grad.reshape(np.shape(y_pred))

    def _penalty(self, geometry):
        raise NotImplementedError


class GIoU(BoxLoss):
    """Generalized IoU loss: 1 - IoU plus the share of the enclosing box the two boxes leave empty.

    Domain: y_true, y_pred boxes (x1, y1, x2, y2), shape (4,) or (n, 4), with x2 >= x1, y2 >= y1.
    Notes: 1 - IoU + (area(C) - area(U)) / area(C), C the smallest box enclosing both, with
        eps = 1e-7 added to the union and to area(C), as torchvision.ops.generalized_box_iou_loss.
        Plain 1 - IoU is flat (gradient 0) once the boxes stop overlapping; the enclosing-box
        term still pulls a distant box closer. Between 0 (equal boxes) and 2.
    References: H. Rezatofighi et al., Generalized Intersection over Union: A Metric and a Loss
        for Bounding Box Regression, CVPR 2019.
    """

    name = "giou"
    latex = (r"L = \frac{1}{n}\sum_i \Big[1 - \frac{|B_i\cap G_i|}{|B_i\cup G_i|}"
             r" + \frac{|C_i| - |B_i\cup G_i|}{|C_i|}\Big]")
    grad_latex = (r"\begin{gathered}\frac{\partial L}{\partial b_{ik}} = "
                  r"\frac{1}{n}\Big[-\frac{\partial\,\mathrm{IoU}_i}{\partial b_{ik}}"
                  r" + \frac{1}{|C_i|}\Big(\frac{\partial |C_i|}{\partial b_{ik}}"
                  r" - \frac{\partial |B_i\cup G_i|}{\partial b_{ik}}\Big)"
                  r" - \frac{|C_i| - |B_i\cup G_i|}{|C_i|^2}\,\frac{\partial |C_i|}{\partial b_{ik}}\Big]"
                  r" \\ b_{ik}\in\{x_1, y_1, x_2, y_2\}\text{ of predicted box } B_i\end{gathered}")

    def _penalty(self, geometry):
        area = geometry.outer_w * geometry.outer_h
        denominator = area + BOX_EPS
        empty = area - geometry.union
        d_area = geometry.d_outer * np.stack([geometry.outer_h, geometry.outer_w] * 2, axis=1)
        d_empty = (d_area - geometry.d_union) / denominator[:, None] - (empty / denominator**2)[:, None] * d_area
        return empty / denominator, d_empty


class DIoU(BoxLoss):
    """Distance IoU loss: 1 - IoU plus the squared distance of the centres over the enclosing box's diagonal.

    Domain: as giou.
    Notes: 1 - IoU + rho^2 / c^2, rho the distance between the box centres and c the diagonal
        of the smallest enclosing box, with eps = 1e-7 added to the union and to c^2, as
        torchvision.ops.distance_box_iou_loss. The centre term pulls the centres together
        directly, so it converges faster than GIoU, which first grows the box to cover the
        target. Between 0 and 2.
    References: Z. Zheng et al., Distance-IoU Loss: Faster and Better Learning for Bounding Box
        Regression, AAAI 2020.
    """

    name = "diou"
    latex = r"L = \frac{1}{n}\sum_i \Big[1 - \mathrm{IoU}_i + \frac{\rho_i^2}{c_i^2}\Big]"
    grad_latex = (r"\begin{gathered}\frac{\partial L}{\partial b_{ik}} = "
                  r"\frac{1}{n}\Big[-\frac{\partial\,\mathrm{IoU}_i}{\partial b_{ik}}"
                  r" + \frac{1}{c_i^2}\frac{\partial \rho_i^2}{\partial b_{ik}}"
                  r" - \frac{\rho_i^2}{c_i^4}\frac{\partial c_i^2}{\partial b_{ik}}\Big]"
                  r" \\ b_{ik}\in\{x_1, y_1, x_2, y_2\}\text{ of predicted box } B_i\end{gathered}")

    def _penalty(self, geometry):
        centre = geometry.centre_dx**2 + geometry.centre_dy**2
        diagonal = geometry.outer_w**2 + geometry.outer_h**2 + BOX_EPS
        # d rho^2 / d (x1, x2) = centre_dx, d rho^2 / d (y1, y2) = centre_dy
        d_centre = np.stack([geometry.centre_dx, geometry.centre_dy] * 2, axis=1)
        d_diagonal = 2.0 * geometry.d_outer * np.stack([geometry.outer_w, geometry.outer_h] * 2, axis=1)
        d_penalty = d_centre / diagonal[:, None] - (centre / diagonal**2)[:, None] * d_diagonal
        return centre / diagonal, d_penalty
