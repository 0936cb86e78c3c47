"""The entry page runs and follows its task filter."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

from lossviz import losses

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def test_registry_page_lists_every_loss_and_filters_by_task():
    app = AppTest.from_file(APP, default_timeout=30).run()
    assert not app.exception
    table = app.dataframe[0].value
    assert sorted(table["loss"]) == losses.names()
    assert len(app.expander) == len(losses.names())

    app.selectbox(key="registry.task").select("segmentation").run()
    assert not app.exception
    assert sorted(app.dataframe[0].value["loss"]) == losses.names(task="segmentation")
    assert len(app.latex) == 2 * len(losses.names(task="segmentation"))
