"""The segmentation lab's synthetic images: noisy discs (one or several objects) whose foreground
covers a chosen share of the pixels, with their masks."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from lossviz.datasets import REGRESSION_SPECS, checked_settings
from lossviz.losses import ParamSpec

SEGMENTATION_SPECS = {
    "fraction": ParamSpec(default=0.02, min=0.001, max=0.3, step=0.001, log=True,
                          help="Share of the pixels that belong to the objects."),
    "objects": ParamSpec(default=1, min=1, max=5, step=1, integer=True,
                         help="Objects per image: one large one, and the others small."),
    "noise": ParamSpec(default=0.8, min=0.0, max=2.0, step=0.05, help="Standard deviation of the pixel noise."),
    "size": ParamSpec(default=48, min=32, max=128, step=8, integer=True, help="Image width and height in pixels."),
    "images": ParamSpec(default=6, min=2, max=16, step=1, integer=True, help="Training images."),
    "seed": REGRESSION_SPECS["seed"],
}
VALIDATION_IMAGES = 4
LARGE_SHARE = 0.7  # of the foreground, in the large object when there are several
MIN_RADIUS = 1.5  # pixels: the smallest object is still a few pixels across


@dataclass(frozen=True)
class SegmentationData:
    """Noisy grey images with bright disc-shaped objects: `images` (N, H, W), the true `masks` and
    `object_ids` (0 for background, k for the k-th object, the first the largest); training and
    validation sets."""

    images: np.ndarray
    masks: np.ndarray
    object_ids: np.ndarray
    val_images: np.ndarray
    val_masks: np.ndarray
    val_object_ids: np.ndarray


def object_radii(size: int, fraction: float, objects: int) -> np.ndarray:
    """Radii of the discs whose areas share fraction * size^2: all of it for one object; otherwise
    LARGE_SHARE in the first, the rest split evenly among the others."""
    area = fraction * size * size
    areas = np.array([area]) if objects == 1 else np.array(
        [LARGE_SHARE * area, *([(1.0 - LARGE_SHARE) * area / (objects - 1)] * (objects - 1))])
    return np.maximum(np.sqrt(areas / np.pi), MIN_RADIUS)


def _draw_images(rng, count: int, size: int, radii: np.ndarray, noise: float):
    rows, columns = np.mgrid[0:size, 0:size]
    ids = np.zeros((count, size, size), dtype=np.int8)
    for index in range(count):
        for number, radius in enumerate(radii, start=1):
            centre = rng.uniform(radius, size - radius, 2)
            inside = (rows - centre[0]) ** 2 + (columns - centre[1]) ** 2 <= radius**2
            ids[index][inside & (ids[index] == 0)] = number
    masks = (ids > 0).astype(np.float64)
    return masks + noise * rng.normal(size=masks.shape), masks, ids


def segmentation_data(**settings) -> SegmentationData:
    """Seeded training images (`images` of them) and VALIDATION_IMAGES validation images.

    Settings (see SEGMENTATION_SPECS): fraction, objects, noise, size, images, seed. Objects are
    bright discs (intensity 1) on a dark background (0), placed at random, plus Gaussian noise.
    """
    s = checked_settings(SEGMENTATION_SPECS, settings)
    rng = np.random.default_rng(s["seed"])
    radii = object_radii(s["size"], s["fraction"], s["objects"])
    train = _draw_images(rng, s["images"], s["size"], radii, s["noise"])
    validation = _draw_images(rng, VALIDATION_IMAGES, s["size"], radii, s["noise"])
    return SegmentationData(*train, *validation)
