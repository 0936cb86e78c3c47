"""Switching the language keeps every control's selection, shown in the new language."""

from tests.e2e.helpers import assert_healthy, open_page, wait_until_idle


def switch_to_korean(page):
    page.get_by_role("combobox", name="Language").click()
    page.get_by_role("option", name="한국어").click()
    page.wait_for_function("() => document.documentElement.innerText.includes('언어')", timeout=20_000)
    wait_until_idle(page, quiet_ms=300)


def test_the_gallery_keeps_its_task_and_axis_through_a_language_switch(page, server):
    open_page(page, server, "gallery", "lang=en&task=binary&losses=bce,focal&axis=logit")
    switch_to_korean(page)
    assert page.get_by_role("combobox", name="과제").input_value() == "이진 분류"
    assert page.get_by_role("radio", name="로짓").is_checked()
    assert_healthy(page)


def test_the_classification_lab_keeps_its_view_through_a_language_switch(page, server):
    open_page(page, server, "classification", "lang=en&view=focal")
    switch_to_korean(page)
    assert page.get_by_role("radio", name="포컬 손실 이해하기").is_checked()
    assert_healthy(page)


def test_the_regression_lab_keeps_the_sweeps_measure_through_a_language_switch(page, server):
    open_page(page, server, "regression", "lang=en&measure=intercept&epochs=50")
    page.get_by_role("button", name="Run the sweep").click()
    page.get_by_role("radio", name="intercept error").wait_for(timeout=60_000)
    wait_until_idle(page, quiet_ms=300)
    assert page.get_by_role("radio", name="intercept error").is_checked()
    switch_to_korean(page)
    assert page.get_by_role("radio", name="절편 오차").is_checked()
    assert "measure=intercept" in page.url
    assert_healthy(page)


def test_the_page_declares_the_chosen_language(page, server):
    open_page(page, server, "gallery", "lang=ko")
    page.wait_for_function("() => document.documentElement.lang === 'ko'", timeout=20_000)
    page.get_by_role("combobox", name="언어").click()
    page.get_by_role("option", name="English").click()
    page.wait_for_function("() => document.documentElement.lang === 'en'", timeout=20_000)
    assert_healthy(page)
