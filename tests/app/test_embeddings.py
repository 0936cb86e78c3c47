"""AppTest of the embeddings lab: it trains and plays back, its settings change the run, the mining
comparison gives computed verdicts, and hostile URLs are repaired."""

import pytest

from tests.app import conftest as apptest

_page = apptest.run_lab("embeddings")


def _said(app):
    return apptest.markdown_with(app, "Recall@1 on the")


def test_the_lab_draws_the_embedding_the_anchors_rings_and_the_training_curves():
    app = _page()
    figure = apptest.first_figure(app)
    names = [trace["name"] for trace in figure["data"]]
    assert names[:4] == ["class 1", "class 2", "class 3", "class 4"]
    assert "that distance plus the margin" in names and "share of the batch's triplets with a loss" in names
    assert len(figure["frames"]) > 5
    said = _said(app)
    assert "hard negatives" in said and "semi-hard" in said
    assert apptest.url_params(app)["mining"] == "semi_hard"


def test_switching_the_mining_retrains_and_the_url_follows():
    app = apptest.open_tab(_page(), "embeddings.settings_tab", "training")
    before = _said(app)
    app.radio(key="embeddings.mining").set_value("batch_hard").run()
    assert not app.exception
    assert _said(app) != before and apptest.url_params(app)["mining"] == "batch_hard"


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
    table = apptest.tables(app)[-1]
    assert [row["triplets"] for row in table] == ["All triplets", "Batch-hard", "Semi-hard"]
    verdicts = next(element.value for element in app.markdown if element.value.startswith("**Verdict**"))
    assert verdicts.count("\n- ") == 2 and "over 3 runs" in verdicts


@pytest.mark.parametrize(("query", "shown"), [({"classes": "40"}, "classes"), ({"margin": "nan"}, "margin"),
                                              ({"mining": "hardest"}, "mining"), ({"epochs": "1e9"}, "epochs"),
                                              ({"anchor": "-4"}, "anchor")])
def test_hostile_urls_are_repaired_with_a_notice(query, shown):
    apptest.assert_repaired(_page(query), shown)


def test_the_gallerys_triplet_card_links_here():
    app = apptest.run_app({"task": "embedding", "losses": "triplet"}, page="gallery")
    assert [element.proto.page for element in app.get("page_link")] == ["embeddings"]


def test_the_chart_opens_with_a_preview_of_the_data_through_the_map_as_trained():
    app = apptest.run_app({}, page="embeddings")
    spec = apptest.figures(app)[0]
    frames = apptest.dragged_frames(spec, "embeddings.spread")
    assert len(frames) == 21 and {frame["note"] for frame in frames} == {apptest.ENGLISH["common.preview.embedding"]}
    assert not apptest.dragged_frames(spec, "embeddings.dims")  # the trained map takes no other dimension
    assert apptest.dragged_frames(spec, "embeddings.points") and apptest.dragged_frames(spec, "embeddings.seed")
