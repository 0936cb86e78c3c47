"""The guide as data: every answer, row, question and lesson points at an experiment whose link
opens its page exactly as written; the measured answers come from the app's own numbers."""

import re

import numpy as np
import pytest

from lossviz import losses, snippets
from lossviz.datasets import regression_data
from lossviz.i18n import strings
from lossviz.labs import LABS
from lossviz.labs.classification.schema import CLASSIFICATION
from lossviz.labs.distributions.schema import DISTRIBUTIONS
from lossviz.labs.embeddings.schema import EMBEDDINGS
from lossviz.labs.gallery.schema import GALLERY
from lossviz.labs.guide.content import (
    DECISIONS,
    EXPERIMENTS,
    FAQ,
    HYBRIDS,
    RECOMMENDATIONS,
    TASKS,
    code_of,
    data_options,
    priority_options,
    recommend,
)
from lossviz.labs.guide.measured import COMBINED_WEIGHTS, dice_bce_weights, gaussian_nll_against_mse
from lossviz.labs.home.pictures import picture_svg
from lossviz.labs.landscape.schema import LANDSCAPE
from lossviz.labs.regression.schema import REGRESSION
from lossviz.labs.regression.train import switch_relative, switched_fit
from lossviz.labs.regression.verdicts import switch_runs, switch_sentences
from lossviz.labs.segmentation.schema import SEGMENTATION
from lossviz.models import train_linear
from lossviz.state import Schema

ENGLISH = strings("en")
KOREAN = strings("ko")

SCHEMAS = {"regression": REGRESSION, "classification": CLASSIFICATION, "segmentation": SEGMENTATION,
           "gallery": GALLERY, "landscape": LANDSCAPE, "distributions": DISTRIBUTIONS, "embeddings": EMBEDDINGS}
EVERY_EXPERIMENT = [*EXPERIMENTS.values(), *(view for _, _, view in HYBRIDS)]


def _schema(experiment) -> Schema:
    return SCHEMAS[experiment.page]


@pytest.mark.parametrize("experiment", EVERY_EXPERIMENT, ids=lambda experiment: experiment.href("en"))
def test_every_link_opens_its_page_with_exactly_its_settings(experiment):
    entry = next(entry for entry in LABS if entry.name == experiment.page)
    assert entry.url_path == experiment.page and entry.script == experiment.script
    settings, notices = _schema(experiment).parse(dict(experiment.query))
    assert notices == []
    written = _schema(experiment).query(settings)  # what the page writes back into its URL
    assert dict(experiment.query).items() <= written.items()
    assert experiment.href("ko").startswith(f"{experiment.page}?") and "lang=ko" in experiment.href("ko")


def test_the_wizard_answers_every_path_it_offers_and_refuses_the_others():
    for task in TASKS:
        for data in data_options(task):
            for priority in priority_options(task, data):
                recommendation = recommend(task, data, priority)
                assert recommendation.experiment in EXPERIMENTS
    assert set(TASKS) == {"number", "class", "classes", "mask", "distribution", "embedding"}
    with pytest.raises(ValueError, match="no answer"):
        recommend("number", "imbalance_100", "overlap")


@pytest.mark.parametrize("recommendation", RECOMMENDATIONS.values(), ids=lambda rec: rec.key)
def test_every_answer_has_reasons_caveats_names_and_code_in_both_languages(recommendation):
    for table in (ENGLISH, KOREAN):
        for part in ("why", "caveat"):
            assert table[f"guide.rec.{recommendation.key}.{part}"]
        assert table[f"guide.experiment.{recommendation.experiment}"]
        assert all(f"name.{name}" in table for name in recommendation.losses)
    for name, params in code_of(recommendation):
        assert params == losses.get(name, **params).params
        for framework in snippets.FRAMEWORKS:
            assert snippets.snippet(name, params, framework)


def test_the_table_faq_and_hybrids_are_complete_in_both_languages():
    keys = [f"guide.table.{row.key}.{part}" for row in DECISIONS for part in ("situation", "advice", "shows")]
    keys += [f"guide.verdict.{row.verdict}" for row in DECISIONS]
    keys += [f"guide.faq.{key}.{part}" for key, _ in FAQ for part in ("question", "answer")]
    keys += [f"guide.experiment.{experiment}" for _, experiment in FAQ]
    keys += [f"guide.hybrid.{key}" for key, _, _ in HYBRIDS]
    for table in (ENGLISH, KOREAN):
        assert [key for key in keys if key not in table] == []
    assert {row.verdict for row in DECISIONS} <= {"agrees", "disagrees", "measured"}
    assert all(row.experiment in EXPERIMENTS for row in DECISIONS)
    assert len(FAQ) == 5 and all(experiment in EXPERIMENTS for _, experiment in FAQ)


def test_the_guide_says_where_the_seed_goes_wrong_and_never_repeats_it():
    assert next(row for row in DECISIONS if row.key == "huber_delta").verdict == "disagrees"
    assert "smaller δ" in ENGLISH["guide.table.huber_delta.shows"]
    assert "lower δ" in ENGLISH["guide.faq.huber_delta.answer"]
    # a common source's advice appears only where the mistakes are corrected (the "common sources" boxes)
    # (the decision table's "common advice" column names it, on the row that corrects it)
    said = [text for key, text in ENGLISH.items() if key.startswith(("guide.", "lesson."))]
    assert not [text for text in said if re.search(r"larger δ is more robust|more outliers.{0,20}larger δ", text)]


def test_mse_is_half_a_gaussian_nll_on_the_gallery_axis():
    said = gaussian_nll_against_mse()
    assert said.key == "guide.measured.gaussian_nll" and float(said.values["gap"]) < 1e-12
    assert float(said.values["slope_gap"]) < 1e-12 and said.values["points"] > 100


def test_the_combined_weights_are_measured_on_every_weight_from_bce_to_dice():
    data = {"fraction": 0.05, "objects": 1, "noise": 0.5, "size": 32, "images": 2, "seed": 0}
    said = dice_bce_weights(data, lr=0.1, epochs=20, seeds=2)
    scores = dict(item.split(": ") for item in said.values["scores"].split(", "))
    assert list(scores) == [f"{weight:g}" for weight in COMBINED_WEIGHTS]
    means = {weight: float(value.split(" ± ")[0]) for weight, value in scores.items()}
    assert all(0.0 <= mean <= 1.0 for mean in means.values()) and all(" ± " in value for value in scores.values())
    # the answer names where it was measured, and judges its best share against the guide's by the labs' rule
    assert (said.values["fraction"], said.values["size"], said.values["seeds"]) == ("5.0%", 32, 2)
    (verdict,) = said.then
    assert verdict.key in ("guide.measured.dice_bce_best", "guide.measured.dice_bce.holds",
                           "guide.measured.dice_bce.undecided")
    assert float(verdict.values["best_mean"]) == max(means.values()) and verdict.values["guide"] == "0.5"


DATA = {"n": 200, "noise": 0.5, "outlier_fraction": 0.2, "outlier_magnitude": 5.0, "seed": 0,
        "outlier_kind": "vertical"}
TRAINING = {"optimizer": "nag", "lr": 0.01, "momentum": 0.9, "epochs": 100}


def test_a_switched_run_is_the_first_loss_then_the_second_from_where_it_stood():
    data = regression_data(**DATA)
    mse, mae = losses.get("mse"), losses.get("mae")
    switched = switched_fit(mse, mae, data, switch_at=30, **TRAINING)
    head = train_linear(mse, data, **{**TRAINING, "epochs": 30})
    tail = train_linear(mae, data, **{**TRAINING, "epochs": 70}, start=head.params[-1])
    assert switched.loss == "mae" and switched.epochs_run == 100 and switched.diverged_at is None
    np.testing.assert_array_equal(switched.params[:30], head.params[:30])
    np.testing.assert_array_equal(switched.params[30:], tail.params)
    np.testing.assert_array_equal(switched.values[30:], tail.values)  # the curve measures MAE from the switch
    assert switched_fit(mse, mae, data, switch_at=1990, **TRAINING).epochs_run == 100  # at most ten before the end
    with pytest.raises(ValueError, match="at least 20 epochs"):
        switched_fit(mse, mae, data, switch_at=10, **{**TRAINING, "epochs": 10})


def test_the_switch_verdict_counts_its_data_sets_and_names_no_fixed_winner():
    runs = switch_runs(("mse", {}), ("mae", {}), DATA, TRAINING, switch_at=30, seeds=3)
    assert runs.switched.shape == runs.then_alone.shape == runs.first_alone.shape == (3,)
    (said,) = switch_sentences(runs)
    assert said.values["seeds"] == 3 and said.values["compared"] == 3
    assert 0 <= said.values["closer"] <= 3
    assert float(said.values["first_alone"]) > float(said.values["then_alone"])  # MSE alone is pulled away


@pytest.mark.parametrize("page", [entry.name for entry in LABS if entry.name not in ("home", "guide")])
def test_every_lab_has_a_picture_drawn_from_its_numbers(page):
    picture = picture_svg(page, "a <label>")
    assert picture.startswith("<svg") and "<title>a &lt;label&gt;</title>" in picture
    assert "nan" not in picture and "inf" not in picture
    assert len(re.findall(r"<(polyline|circle|rect) ", picture)) >= 2


def test_no_text_points_inside_the_project_or_at_its_sources():
    """Code shown to users runs with PyTorch or Keras alone; a corrected mistake is "a common source"'s."""
    inside = ("from lossviz", "import lossviz", "torch bridge", "the guide prints", "seed 003", "draws on",
              "as one snippet does", "Common guides", "가이드에 찍힌", "가이드의 코드처럼")
    for lang in ("en", "ko"):
        for key, text in strings(lang).items():
            assert not any(words in text for words in inside), (lang, key, text)



def test_a_switched_runs_curve_is_relative_to_the_loss_it_measures_in_each_phase():
    data = regression_data(**DATA)
    mse, mae = losses.get("mse"), losses.get("mae")
    switched = switched_fit(mse, mae, data, switch_at=30, **TRAINING)
    mse_alone, mae_alone = train_linear(mse, data, **TRAINING), train_linear(mae, data, **TRAINING)
    shown = switch_relative(switched, mse_alone.values[0], mae_alone.values[0], 30)
    np.testing.assert_allclose(shown.relative_values()[:30], mse_alone.relative_values()[:30])
    np.testing.assert_allclose(shown.values[30:], switched.values[30:] / mae_alone.values[0])
    assert np.array_equal(shown.params, switched.params)


# what a lab trains whatever its URL says (its losses are not a setting)
FIXED_LOSSES = {"distributions": {"kl"}, "embeddings": {"triplet"}}


@pytest.mark.parametrize("recommendation", list(RECOMMENDATIONS.values()), ids=lambda rec: rec.key)
def test_every_recommendation_opens_a_lab_where_exactly_its_losses_train(recommendation):
    from lossviz.labs.guide.content import experiment_of

    for data in ("", "imbalance_10", "imbalance_100"):
        experiment = EXPERIMENTS[experiment_of(recommendation, data)]
        if experiment.page in FIXED_LOSSES:
            trained = FIXED_LOSSES[experiment.page]
        else:
            settings = SCHEMAS[experiment.page].parse(dict(experiment.query))[0]
            trained = {name for key in SCHEMAS[experiment.page].lists for name in getattr(settings, key)}
        assert set(recommendation.losses) <= trained, (recommendation.key, experiment.href("en"))


def test_a_loss_no_lab_trains_is_offered_only_to_draw():
    for key, experiment, view in HYBRIDS:
        assert view.page == "gallery"
        if experiment is None:  # no train link: the text says so
            assert "No lab here trains it" in ENGLISH["guide.hybrid_untrained"]
        else:
            settings = SEGMENTATION.parse(dict(EXPERIMENTS[experiment].query))[0]
            assert key in settings.losses
