"""A lesson's hints stay true at the settings its link opens: each claim a hint makes is checked
against the lab's own numbers there."""

import numpy as np

from lossviz import losses
from lossviz.datasets import regression_data
from lossviz.i18n import translate
from lossviz.labs.guide.content import EXPERIMENTS
from lossviz.labs.regression.schema import REGRESSION
from lossviz.models import train_linear


def test_raising_huber_delta_to_its_top_is_not_said_to_turn_huber_into_mse_where_outliers_lie_beyond_it():
    settings = REGRESSION.parse({**dict(EXPERIMENTS["huber_delta"].query), "huber.delta": "10"})[0]
    data = regression_data(**dict(settings.group("data")))
    training = dict(settings.group("training"))
    mse = train_linear(losses.get("mse"), data, **training).params[-1]
    huber = train_linear(losses.get("huber", delta=10.0), data, **training).params[-1]
    same_line = np.allclose(mse, huber, atol=0.05)
    for lang, claim in (("en", "does Huber become"), ("ko", "같아지나요")):
        said = translate(lang, "lesson.huber_delta.hint2")
        assert same_line or claim not in said, (lang, mse, huber)


def test_the_imbalance_lesson_asks_to_raise_the_manual_weight_from_plain_bce():
    start = losses.loss_class("bce").param_specs["pos_weight"].default
    assert start == 1.0  # a manual weight starts as plain BCE: lowering it would favour the majority
    said = translate("en", "lesson.imbalance.hint2")
    assert "Raise it" in said and "lower it" not in said
