"""What the AppTests share: running the app on a page, and reading its charts and tables."""

import base64
import json
import re
from pathlib import Path
from urllib.parse import parse_qsl

import numpy as np
from streamlit.testing.v1 import AppTest

from lossviz.i18n import strings
from lossviz.labs import lab

ENGLISH = strings("en")

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def run_app(query=None, page=None):
    """The app run as a visitor's first load with `query` in the URL, then, for a `page` (a lab's name),
    switched to it with `query` in the URL again: the first run's home page writes its own."""
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params.update(query or {})
    app.run()
    if page:
        app.query_params.update(query or {})
        app.switch_page(page if "/" in page else lab(page).script).run()
    return app


def run_lab(name: str):
    """run_app on lab `name`: what each lab's AppTests open, with their query."""
    return lambda query=None: run_app(query, page=name)


def assert_repaired(app, shown: str) -> None:
    """The page ran with no exception, named the setting `shown` in its notice, and drew its charts."""
    assert not app.exception
    assert app.warning and shown in app.warning[0].value
    assert figures(app)


def first_figure(app) -> dict:
    """The page's first chart, once the page ran with no exception."""
    assert not app.exception
    return figures(app)[0]


def markdown_with(app, text: str) -> str:
    """The first markdown element on the page that contains `text`."""
    return next(element.value for element in app.markdown if text in element.value)


def open_tab(app, key: str, tab: str):
    """Open `tab` of the tabs `key` (ui.open_tab: only the open one is drawn) and rerun."""
    app.button_group(key=key).set_value(tab)
    return app.run()


def _cell(text: str):
    text = text.strip().replace("\\|", "|")
    try:
        return float(text)
    except ValueError:
        return text


def tables(app) -> list[list[dict]]:
    """Every markdown table on the page (ui.table) as rows of {column: value}, numbers as floats."""
    found = []
    for element in app.markdown:
        lines = element.value.splitlines()
        if len(lines) < 2 or not lines[0].startswith("| ") or not set(lines[1]) <= set("|-: "):
            continue
        split = [[_cell(cell) for cell in re.split(r"(?<!\\)\|", line.strip()[1:-1])] for line in lines]
        header = [str(name) for name in split[0]]
        found.append([dict(zip(header, row, strict=True)) for row in split[2:]])
    return found


def url_params(app) -> dict:
    """The URL's query after the last run: what the page wrote through st.query_params, or, on a
    page's opening run, through the component that replaces the history entry's query (ui.url)."""
    for element in app.get("bidi_component"):
        if element.proto.component_name == "lossviz.url":
            return dict(parse_qsl(element.proto.bytes.decode()))
    return dict(app.query_params)


def key_of(name: str) -> str:
    """The loss or method key behind a name shown in English ("Weighted BCE" -> "weighted_bce")."""
    return next(key[len("name."):] for key, text in ENGLISH.items() if key.startswith("name.") and text == name)


def column(table: list[dict], index: int) -> list:
    return [list(row.values())[index] for row in table]


def figures(app) -> list[dict]:
    """Every chart on the page (ui.chart) as its plotly figure with its frames, in page order."""
    sent = [json.loads(element.proto.bytes) for element in app.get("bidi_component")
            if element.proto.component_name == "lossviz.plot"]
    return [{**payload["figure"], "frames": payload["frames"] + (payload["extra"] or [])} for payload in sent]


def sent_extra(app, index=0) -> list[dict] | None:
    """The drag frames the run sent with its `index`-th chart: None when the mounted chart keeps its own."""
    sent = [json.loads(element.proto.bytes) for element in app.get("bidi_component")
            if element.proto.component_name == "lossviz.plot"]
    return sent[index]["extra"]


def animation_frames(figure: dict) -> list[dict]:
    """A figure's playback frames, without the frames a drag slider scrubs through (named "<key>=<value>")."""
    return [frame for frame in figure["frames"] if "=" not in frame["name"]]


def dragged_frames(figure: dict, widget_key: str) -> list[dict]:
    """The frames a figure holds for the drag slider `widget_key`."""
    return [frame for frame in figure["frames"] if frame["name"].startswith(widget_key + "=")]


class DragSlider:
    """A drag slider (ui.drag_slider) as the page drew it: its data, and a way to move it (its value
    lives in session state, as a release in the browser leaves it)."""

    def __init__(self, app, data: dict):
        self.app, self.data = app, data
        self.key, self.label, self.value = data["name"], data["label"], data["value"]
        self.min, self.max = data["min"], data["max"]

    def set_value(self, value):
        self.app.session_state[self.key] = value
        return self.app


def drag_sliders(app) -> list[DragSlider]:
    return [DragSlider(app, json.loads(element.proto.bytes)) for element in app.get("bidi_component")
            if element.proto.component_name == "lossviz.drag"]


def drag_slider(app, key: str) -> DragSlider:
    return next(slider for slider in drag_sliders(app) if slider.key == key)


def array_of(value):
    """A plotly array from the figure JSON: a list, or a base64 typed array (numpy data)."""
    if isinstance(value, dict):
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
    return np.asarray(value)


def figure_json(app, index=0) -> str:
    return json.dumps(figures(app)[index])


def visible_texts(app) -> list[str]:
    """Every text a visitor reads on the page: headings, prose, notices, widget labels and options,
    buttons, and each chart's legend, axis titles, hover texts and playback labels (formulas and
    code blocks left out: code names belong there)."""
    texts = [element.value for kind in ("title", "header", "subheader", "markdown", "caption", "warning", "info",
                                        "success", "error") for element in getattr(app, kind)]
    for kind in ("selectbox", "radio", "multiselect", "select_slider"):
        for widget in getattr(app, kind):
            texts += [widget.label, *map(str, widget.options)]
    texts += [widget.label for kind in ("slider", "button", "expander") for widget in getattr(app, kind)]
    texts += [slider.label for slider in drag_sliders(app)]
    texts += [str(option) for group in app.button_group for option in group.options]
    for figure in figures(app):
        texts += _figure_texts(figure)
    return texts


def _figure_texts(node) -> list[str]:
    """The strings a plotly figure shows: names, titles, texts, hover templates, labels, prefixes."""
    shown = ("name", "text", "hovertemplate", "label", "prefix")
    if isinstance(node, dict):  # a drag slider's frames are named for the code, never shown
        return [text for key, value in node.items() if key != "frames" for text in
                ([value] if key in shown and isinstance(value, str) else _figure_texts(value))]
    if isinstance(node, list):
        return [text for item in node for text in _figure_texts(item)]
    return []
