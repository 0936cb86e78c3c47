"""AppTest of the app as a whole: the home page, every lab through the navigation in both languages,
the first load's imports, settings kept across pages."""

import subprocess
import sys
from pathlib import Path

import pytest

from lossviz.i18n import translate
from lossviz.labs import LABS, lab
from tests.app import conftest as apptest


def test_home_page_runs_and_links_every_other_page():
    app = apptest.run_app()
    assert not app.exception
    assert app.title[0].value == "LossViz"
    links = [(element.proto.page, element.proto.label) for element in app.get("page_link")]
    assert links[0] == ("guide", "Answer them in the guide")  # the guide's three questions come first
    assert sorted(links[1:]) == sorted([("gallery", "Loss gallery"), ("regression", "Regression lab"),
                                        ("classification", "Classification lab"), ("landscape", "Landscape & monitor"),
                                        ("distributions", "Distributions lab"), ("embeddings", "Embeddings lab"),
                                        ("segmentation", "Segmentation lab"), ("workbench", "Workbench")])


@pytest.mark.parametrize("entry", LABS, ids=lambda entry: entry.name)
def test_every_page_opens_through_the_navigation_in_both_languages(entry):
    for lang in ("en", "ko"):
        app = apptest.run_app({"lang": lang}, page=entry.name)
        assert not app.exception and not app.warning
        assert app.title[0].value == translate(lang, f"{entry.name}.title")


def test_no_pages_folder_beside_the_entry_point():
    # Streamlit would start in its old auto-discovery mode and bypass app.py (docs/ARCHITECTURE.md)
    assert not (Path(apptest.APP).parent / "pages").exists()


def test_an_unknown_language_in_the_url_shows_a_notice_and_english():
    app = apptest.run_app({"lang": "xx"})
    assert not app.exception
    assert "xx" in app.warning[0].value and app.selectbox(key="lang").value == "en"


def test_first_page_loads_import_neither_torch_nor_scikit_learn_nor_pyarrow_nor_the_emoji_catalog():
    # a fresh interpreter: other tests in this process may have imported either already. Emoji
    # icons would make Streamlit compile its emoji catalog, ~0.1 s of a cold start.
    code = (
        "import sys\n"
        "from streamlit.testing.v1 import AppTest\n"
        f"app = AppTest.from_file({apptest.APP!r}, default_timeout=60).run()\n"
        "app.switch_page('lossviz/labs/gallery/page.py').run()\n"
        "assert not app.exception\n"
        "app.switch_page('lossviz/labs/regression/page.py').run()\n"
        "assert not app.exception\n"
        "assert 'torch' not in sys.modules, 'torch was imported'\n"
        "assert 'sklearn' not in sys.modules, 'scikit-learn was imported (only real data needs it)'\n"
        "assert 'pyarrow' not in sys.modules, 'pyarrow was imported (a component sent data Streamlit inspects)'\n"
        "assert 'streamlit.emojis' not in sys.modules, 'an emoji icon loaded the emoji catalog'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_a_page_keeps_its_settings_while_the_visitor_is_on_another():
    app = apptest.run_app({"losses": "mse,huber", "huber.delta": "1.5", "lang": "en"}, page="gallery")
    apptest.drag_slider(app, "gallery.huber.delta").set_value(1.7).run()
    app.switch_page(lab("regression").script).run()
    app.query_params.clear()  # as the browser's navigation leaves them (the URL's settings are the old page's)
    app.switch_page(lab("gallery").script).run()
    assert not app.exception and not app.warning
    assert app.multiselect(key="gallery.losses").value == ["mse", "huber"]
    assert apptest.drag_slider(app, "gallery.huber.delta").value == 1.7
    assert apptest.url_params(app)["huber.delta"] == "1.7"
