"""The home page's picture of each lab: its preview.py's picture, as SVG."""

from __future__ import annotations

import importlib

from lossviz.labs import lab


def picture_svg(name: str, label: str) -> str | None:
    """The SVG picture of lab `name`, titled `label` (shown as an image with `label` as its alt text);
    None for a lab without a preview.py."""
    try:
        preview = importlib.import_module(f"{lab(name).module}.preview")
    except ModuleNotFoundError:
        return None
    return preview.picture().svg(label)
