"""The claims register (docs/CLAIMS.md) lists every finding the app states, with its rule and its
numbers at the defaults, as the pages compute them now: a change that moves a number or a verdict
makes this test fail until `make claims` writes the register again."""

from lossviz import claims


def test_the_claims_register_is_up_to_date():
    assert claims.REGISTER.read_text(encoding="utf-8") == claims.register(), "docs/CLAIMS.md is stale: run make claims"


def test_the_register_has_a_row_with_a_url_a_rule_and_numbers_for_every_kind_of_finding():
    text = claims.REGISTER.read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    for key in ("verdict.imbalance_measures", "verdict.imbalance_too_few", "verdict.calibration_",
                "regression.breakdown", "verdict.switch", "segmentation.verdict.", "embeddings.verdict.",
                "distributions.covers.", "landscape.nag_result", "landscape.monitor.verdict.",
                "guide.measured.dice_bce", "mistake.huber_delta"):
        found = [row for row in rows if row.startswith(f"| `{key}")]
        assert found, key
        _, _, url, rule, said = (cell.strip() for cell in found[0].strip("|").split(" | "))
        assert url.startswith("`/") and rule and any(character.isdigit() for character in said), found[0]


def test_the_register_gives_every_lesson_steps_measured_answer():
    from lossviz.lessons import lessons

    text = claims.REGISTER.read_text(encoding="utf-8")
    answers = text.split("## The lessons' answers", 1)[1]
    for lesson in lessons().values():
        for number in range(1, len(lesson.steps) + 1):
            assert f"| `{lesson.id}` {number} | `/{lesson.href(number, 'en')}` |" in answers
