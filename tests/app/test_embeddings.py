"""AppTest of the embeddings lab: it trains and plays back, its settings change the run, the mining
comparison gives computed verdicts, and hostile URLs are repaired."""

import pytest

from tests.app.conftest import figures, open_tab, run_app, tables, url_params

PAGE = "views/embeddings.py"


def _page(query=None):
    return run_app(query, page=PAGE)


def _said(app):
    return next(element.value for element in app.markdown if "Recall@1 on the" in element.value)


def test_the_lab_draws_the_embedding_the_anchors_rings_and_the_training_curves():
    app = _page()
    assert not app.exception
    figure = figures(app)[0]
    names = [trace["name"] for trace in figure["data"]]
    assert names[:4] == ["class 1", "class 2", "class 3", "class 4"]
    assert "that distance plus the margin" in names and "share of the batch's triplets with a loss" in names
    assert len(figure["frames"]) > 5
    said = _said(app)
    assert "hard negatives" in said and "semi-hard" in said
    assert url_params(app)["mining"] == "semi_hard"


def test_switching_the_mining_retrains_and_the_url_follows():
    app = open_tab(_page(), "embeddings.settings_tab", "training")
    before = _said(app)
    app.radio(key="embeddings.mining").set_value("batch_hard").run()
    assert not app.exception
    assert _said(app) != before and url_params(app)["mining"] == "batch_hard"


def test_more_overlap_lowers_the_recall():
    recall = {}
    for spread in ("0.5", "1.8"):
        said = _said(_page({"spread": spread}))
        recall[spread] = float(said.split(" to ")[1].split(";")[0])
    assert recall["0.5"] > recall["1.8"]


def test_the_comparison_tabulates_every_strategy_and_gives_verdicts():
    app = _page()
    app.button(key="embeddings.compare_run").click().run()
    assert not app.exception
    table = tables(app)[-1]
    assert [row["triplets"] for row in table] == ["All triplets", "Batch-hard", "Semi-hard"]
    verdicts = next(element.value for element in app.markdown if element.value.startswith("**Verdict**"))
    assert verdicts.count("\n- ") == 2 and "over 3 runs" in verdicts


@pytest.mark.parametrize(("query", "shown"), [({"classes": "40"}, "classes"), ({"margin": "nan"}, "margin"),
                                              ({"mining": "hardest"}, "mining"), ({"epochs": "1e9"}, "epochs"),
                                              ({"anchor": "-4"}, "anchor")])
def test_hostile_urls_are_repaired_with_a_notice(query, shown):
    app = _page(query)
    assert not app.exception
    assert app.warning and shown in app.warning[0].value
    assert figures(app)


def test_the_gallerys_triplet_card_links_here():
    app = run_app({"task": "embedding", "losses": "triplet"}, page="views/gallery.py")
    assert [element.proto.page for element in app.get("page_link")] == ["embeddings"]
