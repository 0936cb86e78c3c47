"""The guide in a real browser: three answers lead to an experiment that opens exactly as linked, in
English and Korean, and every lesson is a link on the guide that opens its first step."""

from urllib.parse import parse_qsl, urlsplit

import pytest

from lossviz.i18n import translate
from lossviz.labs.guide.content import EXPERIMENTS, recommend
from lossviz.lessons import lessons
from tests.browser_support import CHART_SIGNATURE_JS
from tests.e2e.helpers import assert_healthy, wait_until_idle


def open_guide(page, server, lang):
    page.goto(f"{server.url}/guide?lang={lang}")
    page.wait_for_selector("h1", timeout=60_000)
    wait_until_idle(page, quiet_ms=300)


def settings_in_url(page) -> dict:
    return dict(parse_qsl(urlsplit(page.url).query))


def assert_opened_as_linked(page, experiment, lang):
    """The page of `experiment` drew its chart, shows no repair notice, and its URL holds the link's query."""
    page.wait_for_function(CHART_SIGNATURE_JS, timeout=60_000)
    wait_until_idle(page, quiet_ms=300)
    assert urlsplit(page.url).path.endswith(f"/{experiment.page}")
    assert experiment.link_query(lang).items() <= settings_in_url(page).items(), page.url
    assert page.get_by_text(translate(lang, "notice.title")).count() == 0
    assert_healthy(page)


@pytest.mark.parametrize(("lang", "answers"), [("en", ("class", "imbalance_100", "minority_recall")),
                                               ("ko", ("mask", "small", "overlap"))])
def test_three_answers_lead_to_the_experiment_that_shows_the_recommendation(page, server, lang, answers):
    open_guide(page, server, lang)
    task, data, priority = answers
    for question, answer in (("task", task), ("data", data), ("priority", priority)):
        options = page.get_by_role("radiogroup", name=translate(lang, f"common.q.{question}"))
        options.get_by_text(translate(lang, f"guide.{question}.{answer}"), exact=True).click()
        page.wait_for_function(f"() => location.search.includes('{question}={answer}')", timeout=15_000)
        wait_until_idle(page, quiet_ms=300)
    recommendation = recommend(task, data, priority)
    experiment = EXPERIMENTS[recommendation.experiment]
    label = translate(lang, "guide.open", what=translate(lang, f"guide.experiment.{recommendation.experiment}"))
    link = page.get_by_role("link", name=label)
    href = link.get_attribute("href")
    assert dict(parse_qsl(urlsplit(href).query)) == experiment.link_query(lang)  # a real link, to copy
    link.click()
    assert_opened_as_linked(page, experiment, lang)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_lesson_is_a_link_on_the_guide_to_its_first_step(page, server, lang):
    open_guide(page, server, lang)
    hrefs = {}
    for lesson in lessons().values():
        link = page.get_by_role("link", name=translate(lang, f"lesson.{lesson.id}.title"), exact=True)
        assert link.is_visible()  # on the page as it opens, not behind a tab or a choice
        hrefs[lesson.id] = link.get_attribute("href")
        assert hrefs[lesson.id].endswith(lesson.href(1, lang))
    lesson = list(lessons().values())[{"en": 0, "ko": -1}[lang]]  # one link followed per language
    page.goto(f"{server.url}/{hrefs[lesson.id].lstrip('/')}")  # a markdown link opens in a new tab
    step = translate(lang, "lesson.step_of", step=1, steps=len(lesson.steps))
    page.locator(".st-key-lesson_step").get_by_text(step).wait_for(timeout=60_000)
    assert urlsplit(page.url).path.endswith(f"/{lesson.step(1).lab}")
    assert page.get_by_text(translate(lang, "notice.title")).count() == 0
    assert_healthy(page)
