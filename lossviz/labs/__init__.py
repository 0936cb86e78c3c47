"""The labs, in the order the navigation lists them: each entry becomes a page.

A lab is one folder, `lossviz/labs/<name>/`: its `page.py` (the Streamlit page), `schema.py` (its
URL keys, bounds and defaults), `strings.py` (its English and Korean strings, keys `<name>.*`),
`preview.py` (the home page's picture of it, if it has one) and the modules only it needs. Adding a
lab is its folder and one line here (docs/ARCHITECTURE.md, "Add a lab").
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

HOME = "home"


@dataclass(frozen=True)
class Lab:
    """A lab: its `name` (its folder, its URL path, the prefix of its widget keys and of its strings),
    its navigation icon, and the package it lives in (lossviz.labs.<name> unless given)."""

    name: str
    icon: str
    package: str = ""

    @property
    def module(self) -> str:
        return self.package or f"{__name__}.{self.name}"

    @property
    def url_path(self) -> str:
        """Its path in the app's URL: "" for the home page, else its name."""
        return "" if self.name == HOME else self.name

    @property
    def script(self) -> str:
        """Its page's script, as st.Page and st.page_link take it: relative to the app's folder for the
        app's own labs."""
        if not self.package:
            return f"lossviz/labs/{self.name}/page.py"
        return str(Path(importlib.util.find_spec(self.package).origin).with_name("page.py"))


LABS = [
    Lab(HOME, ":material/home:"),
    Lab("guide", ":material/explore:"),
    Lab("gallery", ":material/ssid_chart:"),
    Lab("regression", ":material/scatter_plot:"),
    Lab("classification", ":material/balance:"),
    Lab("landscape", ":material/landscape:"),
    Lab("distributions", ":material/bar_chart:"),
    Lab("embeddings", ":material/hub:"),
    Lab("segmentation", ":material/blur_on:"),
    Lab("workbench", ":material/edit_note:"),
]


def lab(name: str) -> Lab:
    """The lab called `name`; a KeyError names one that is not in LABS."""
    for entry in LABS:
        if entry.name == name:
            return entry
    raise KeyError(f"no lab {name!r}")
