"""A visitor who sends what no page expects (docs/SECURITY.md): every URL key of every page hostile at
once, formulas that overflow, seeds at the edge, markdown in a key, a page whose code raises. Each
page answers with a notice and a working page, never an exception, and a reload does the same."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lossviz.labs import LABS
from lossviz.labs.segmentation import train as segmentation
from lossviz.labs.segmentation.schema import SEGMENTATION
from lossviz.state import GLOBAL_KEYS, Schema
from tests.app import conftest as apptest

# what a hostile link puts in a value
HOSTILE = ["nan", "-inf", "inf", "1e308", "-1", "99999999999999999999999", "**bold** [x](http://e.example)",
           "a\n# heading", "\u202e\u0000é漢字", "9" * 3000, "", "0x10", "1_000", "[1,2]", "on\noff"]


def _schema(lab):
    return __import__(f"{lab.module}.schema", fromlist=["*"])


def _keys(lab) -> list[str]:
    """Every URL key the lab's schema reads."""
    module = _schema(lab)
    schemas = [value for value in vars(module).values() if isinstance(value, Schema)]
    return sorted({key for schema in schemas for key in (*schema.setting_keys(), *schema.param_keys())})


@pytest.mark.parametrize("lab", [lab for lab in LABS if lab.name not in ("home",)], ids=lambda lab: lab.name)
def test_every_key_of_a_page_hostile_at_once_gives_a_notice_and_a_page(lab):
    keys = _keys(lab)
    query = {key: HOSTILE[index % len(HOSTILE)] for index, key in enumerate(keys)} | {"lesson": "x\ny", "lang": "🙂"}
    app = apptest.run_app(query, page=lab.name)
    assert not app.exception
    assert app.warning and "could not be used" in app.warning[0].value  # the repairs, named
    assert not app.error or lab.name == "workbench"  # the workbench refuses a hostile formula with an error notice
    app.run()  # a reload of what the page kept
    assert not app.exception


@pytest.mark.parametrize(("query", "said"), [
    ({"expr": "(10*r)**309"}, "too large for float64"),
    ({"expr": "(9999*r)**77"}, "too large for float64"),
    ({"expr": "(1.5*r)**2000"}, "too large for float64"),
    ({"task": "binary", "expr": "(10*p)**309"}, "too large for float64"),
    ({"expr": "1e308*r*10 - 1e308*r*10"}, "too large for float64"),
    ({"expr": "r/0"}, "divides a number by zero"),
    ({"expr": "log(r-r)"}, "no finite value anywhere"),
])
def test_a_formula_that_overflows_is_refused_and_a_reload_does_not_crash(query, said):
    """Findings 3, 9 and 10: an OverflowError the page did not catch, kept by the URL for every reload;
    a refusal that blamed the time limit; a formula drawn as 0 that float64 makes NaN."""
    app = apptest.run_app(query, page="workbench")
    assert not app.exception and said in app.error[0].value
    assert app.latex  # the last good formula (the task's example) stays drawn
    app.run()
    assert not app.exception and said in app.error[0].value


@pytest.mark.parametrize("seed", [9995, 9996, 9999])
def test_the_switch_experiment_runs_from_the_last_seeds(seed):
    """Finding 7: the switch runs added to the seed without wrapping past 9999."""
    app = apptest.run_app({"seed": str(seed), "switch": "on"}, page="regression")
    assert not app.exception


def test_the_segmentation_sweep_runs_from_the_last_seed():
    """Finding 7: the foreground sweep at seed 9999 asked for seed 10000."""
    data = SEGMENTATION.settings({"seed": 9999, "size": 32, "images": 2}, {}).group("data", without=("fraction",))
    recall = segmentation.foreground_sweep([("bce", {})], dict(data), lr=0.5, epochs=10, fractions=(0.2,), seeds=2)
    assert recall["bce"].values.shape == (1, 2)


def test_markdown_in_a_url_key_is_shown_as_text():
    """Finding 8: a key holding a line break and markdown rendered as a heading with a link."""
    app = apptest.run_app({"x\n# Heading [link](http://evil.example)": "1"}, page="gallery")
    notice = app.warning[0].value
    assert not app.exception and "\n#" not in notice.split("`")[1]
    assert "`x\ufffd# Heading [link](http://evil.example)`" in notice  # one code span: shown, never rendered


def test_a_page_that_raises_opens_again_from_its_defaults_with_a_notice(monkeypatch):
    """A page never stays broken: a failure the URL reached drops the URL's settings, once."""
    from lossviz.charts import curves

    real = curves.curves_figure

    def fragile(*args, **kwargs):
        from streamlit import query_params

        if query_params.get("task") == "binary":
            raise RuntimeError("a bug this link reaches")
        return real(*args, **kwargs)

    monkeypatch.setattr(curves, "curves_figure", fragile)  # the page imports it afresh on every run
    app = apptest.run_app({"task": "binary"}, page="gallery")
    assert not app.exception
    assert "opened again with its defaults" in app.warning[0].value and "task" in app.warning[0].value
    assert apptest.url_params(app).get("task") != "binary"
    assert app.selectbox(key="gallery.task").value == "regression"  # every setting at its default again
    app.run()
    assert not app.exception


def test_a_page_reset_restores_every_widget_the_formula_box_included(monkeypatch):
    """After a reset the formula box held "" (its widget's own default), not the example formula."""
    from lossviz.labs.workbench import syntax, typed

    real = typed.custom_curve

    def fragile(expression, *args, **kwargs):
        if expression.text == "abs(r)**1.75":
            raise RuntimeError("a bug this formula reaches")
        return real(expression, *args, **kwargs)

    monkeypatch.setattr(typed, "custom_curve", fragile)
    app = apptest.run_app({"expr": "abs(r)**1.75"}, page="workbench")
    assert not app.exception and "opened again with its defaults" in app.warning[0].value
    assert app.text_input(key="workbench.expr").value == syntax.DEFAULT_TEXT["regression"]
    assert not app.error  # the example formula compiles: nothing refused


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(sorted({key for lab in LABS if lab.name != "home" for key in _keys(lab)}
                                              | set(GLOBAL_KEYS))),
                       st.one_of(st.sampled_from(HOSTILE), st.text(max_size=60)), max_size=6))
def test_every_parser_reads_any_value_or_names_it_in_a_notice(query):
    for lab in LABS:
        if lab.name == "home":
            continue
        for schema in [value for value in vars(_schema(lab)).values() if isinstance(value, Schema)]:
            parsed, notices = schema.parse(query)
            assert all(notice.key.startswith("notice.") for notice in notices)
            schema.query(parsed)  # what it read writes back into a URL
