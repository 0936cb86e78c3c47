"""Links shared today keep opening the same view: their URL keys are a public interface."""

from urllib.parse import parse_qsl

import pytest

from lossviz.labs.classification.schema import CLASSIFICATION
from lossviz.labs.gallery.schema import GALLERY
from lossviz.labs.regression.schema import REGRESSION
from tests.app.conftest import run_app, url_params

# (page script, schema, query): links of the form the pages wrote when these keys were published
LINKS = [
    ("gallery", GALLERY, "task=regression&losses=mse,mae,huber&axis=residual&huber.delta=1&lang=en"),
    ("gallery", GALLERY, "task=binary&losses=bce,focal&axis=logit&focal.alpha=0.25&focal.gamma=2"),
    ("gallery", GALLERY, "task=segmentation&losses=tversky,dice&axis=logit&tversky.alpha=0.5"
                                  "&tversky.beta=0.8&tversky.smooth=1&dice.smooth=1&lang=ko"),
    ("gallery", GALLERY, "task=regression&losses=barron,quantile&axis=residual&barron.alpha=-2"
                                  "&barron.scale=0.5&quantile.q=0.9"),
    ("regression", REGRESSION,
     "outlier_kind=vertical&optimizer=nag&influence=mse&measure=total&losses=mse,mae,huber&n=200&noise=0.5"
     "&outlier_fraction=0.1&outlier_magnitude=5&seed=0&lr=0.01&momentum=0.9&epochs=200&huber.delta=1&lang=en"),
    ("regression", REGRESSION,
     "outlier_kind=leverage&outlier_fraction=0.3&losses=mse,huber,barron&barron.alpha=-2&optimizer=adam&lr=0.05"
     "&influence=huber&huber.delta=0.5&lang=ko"),
    ("classification", CLASSIFICATION,
     "optimizer=adam&weighting=auto&view=binary&network_method=weighted_bce&methods=bce,weighted_bce,focal"
     "&multiclass=cce,weighted_cce,softmax_focal,poly1&n=2000&imbalance=10&separation=2&seed=0&lr=0.05"
     "&momentum=0.9&epochs=200&hidden=16&network_epochs=300&focal.alpha=0.25&focal.gamma=2"
     "&softmax_focal.gamma=2&poly1.epsilon=1&lang=en"),
    ("classification", CLASSIFICATION,
     "view=focal&methods=bce,weighted_bce,focal&weighting=manual&weighted_bce.pos_weight=20&focal.alpha=0.75"
     "&focal.gamma=3&imbalance=100"),
    ("classification", CLASSIFICATION, "view=multiclass&multiclass=cce,softmax_focal&softmax_focal.gamma=1"),
    ("classification", CLASSIFICATION,
     "view=network&network_method=focal&hidden=8&network_epochs=100&methods=hinge,smoothed_bce"
     "&smoothed_bce.label_smoothing=0.2&lang=ko"),
]
IDS = [f"{page}-{index}" for index, (page, _, _) in enumerate(LINKS)]


@pytest.mark.parametrize(("script", "schema", "query"), LINKS, ids=IDS)
def test_a_link_of_todays_form_parses_without_a_repair(script, schema, query):
    _, notices = schema.parse({key: value for key, value in parse_qsl(query) if key != "lang"})
    assert notices == []


@pytest.mark.parametrize(("script", "schema", "query"), LINKS, ids=IDS)
def test_a_link_of_todays_form_opens_its_view_without_a_notice(script, schema, query):
    link = dict(parse_qsl(query))
    app = run_app(link, page=script)
    assert not app.exception
    assert not app.warning, [warning.value for warning in app.warning]
    kept = url_params(app)
    assert {key: kept.get(key) for key in link} == link, "the page's URL keeps every key and value of the link"
