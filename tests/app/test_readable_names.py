"""No code name on a page: every loss, method, parameter and column shows by its translated name."""

import re

import pytest

from lossviz import losses
from lossviz.curves import TASK_AXES, TASK_LOSSES
from lossviz.labs.guide.content import FAQ
from lossviz.models import METHOD_LOSSES
from tests.app.conftest import open_tab, run_app, visible_texts

IDENTIFIER = re.compile(r"\b[a-z]{2,}_[a-z0-9_]+\b|\b[a-z]+_[a-z0-9]{2,}\b")  # weighted_bce, pos_weight; not p_k
CODE_NAMES = re.compile(r"\b(" + "|".join(sorted({*losses.names(), *METHOD_LOSSES}, key=len, reverse=True)) + r")\b")


def code_names(texts, lang):
    found = set()
    for text in texts:
        text = re.sub(r"%\{[^}]*\}", "", text)  # plotly's placeholders (%{error_y.array}) are not shown
        text = re.sub(r"\]\([^)]*\)", "]", text)  # nor a markdown link's target (its page and query)
        found.update(IDENTIFIER.findall(text))
        found.update(marker for marker in ("p_t", " · ") if marker in text)
        if lang == "ko":  # English prose names losses in words ("focal loss"); Korean has its own names
            found.update(CODE_NAMES.findall(text))
    return found


def views():
    for task, axes in TASK_AXES.items():
        for axis in axes:
            yield "gallery", {"task": task, "axis": axis, "losses": ",".join(TASK_LOSSES[task])}, ()
    regression = {"losses": "mse,mae,huber,log_cosh,quantile,barron", "epochs": "20"}
    for tab in ("data", "losses", "training"):
        yield "regression", regression, (("regression.settings_tab", tab), "regression.sweep_run")
    for view in ("binary", "focal", "multiclass", "network"):
        query = {"view": view, "methods": "bce,weighted_bce,focal,hinge,smoothed_bce", "epochs": "20",
                 "weighting": "manual", "network_epochs": "20"}
        clicks = ("classification.sweep_run",) if view == "binary" else (
            ("classification.network_train",) if view == "network" else ())
        yield "classification", query, (("classification.settings_tab", "losses"), *clicks)
    yield "landscape", {"view": "surface", "lr": "2"}, (("landscape.settings_tab", "losses"),
                                                        "landscape.nag_run")
    for tab in ("data", "model", "training"):
        yield "landscape", {"view": "monitor", "optimizer": "nag"}, (("landscape.monitor_tab", tab),)
    for tab in ("target", "fit"):
        yield "distributions", {"view": "kl"}, (("distributions.settings_tab", tab),)
    yield "distributions", {"view": "distill"}, ()
    yield "embeddings", {}, (("embeddings.settings_tab", "training"), "embeddings.compare_run")
    segmentation = {"losses": ",".join(("bce", "weighted_bce", "focal", "dice", "jaccard", "tversky", "dice_bce")),
                    "objects": "3", "epochs": "20", "size": "32", "images": "3"}
    yield "segmentation", segmentation, (("segmentation.settings_tab", "losses"), "segmentation.sweep_run")
    yield "home", {}, ()
    yield "regression", {"switch": "on", "switch_from": "huber", "epochs": "60"}, ()
    measures = tuple(f"guide.measure_{key}" for key, _ in FAQ)
    yield "guide", {"task": "class", "data": "imbalance_100", "priority": "minority_recall"}, measures
    yield "guide", {"task": "mask", "framework": "keras"}, ()


VIEWS = list(views())


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize(("script", "query", "actions"), VIEWS,
                         ids=[f"{script[6:-3]}-{'-'.join(query.get(k, '') for k in ('task', 'axis', 'view'))}-{i}"
                              for i, (script, query, _) in enumerate(VIEWS)])
def test_a_page_shows_no_code_names(script, query, actions, lang):
    app = run_app({**query, "lang": lang}, page=script if script != "home" else None)
    for action in actions:
        if isinstance(action, tuple):
            open_tab(app, *action)
        else:
            app.button(key=action).click().run()
    assert not app.exception
    assert code_names(visible_texts(app), lang) == set()


def test_no_multiselect_offers_streamlits_untranslated_select_all():
    for script, key in (("gallery", "gallery.losses"), ("regression", "regression.losses")):
        app = run_app({"lang": "ko"}, page=script)
        if script == "regression":
            open_tab(app, "regression.settings_tab", "losses")
        assert app.multiselect(key=key).proto.select_all == 0
