"""Korean particles follow the word before them: no page shows a pair such as 이(가) or 와(과)."""

import re
import string

import pytest

from lossviz.i18n import strings, translate
from lossviz.i18n.particles import PAIRS, attach

PAIR_SHOWN = re.compile("|".join(re.escape(pair) for pair in PAIRS))


@pytest.mark.parametrize(("text", "expected"), [
    ("후버 손실이(가) 이깁니다", "후버 손실이 이깁니다"),
    ("MSE이(가) 이깁니다", "MSE가 이깁니다"),
    ("0.82와(과) 0.71", "0.82와 0.71"),
    ("10와(과) 3", "10과 3"),
    ("recall@1은(는)", "recall@1은"),
    ("다이스 손실을(를)", "다이스 손실을"),
    ("포컬을(를)", "포컬을"),
    ("'회귀'(으)로 바꾸면", "'회귀'로 바꾸면"),
    ("'분류'(으)로 바꾸면", "'분류'로 바꾸면"),
    ("'분할'(으)로", "'분할'로"),
    ("'임베딩'(으)로", "'임베딩'으로"),
    ("MAE와(과) MSE", "MAE와 MSE"),
    ("L1와(과)", "L1과"),
    ("5 %와(과)", "5 %와"),
    ("다이스 손실(Dice)은(는)", "다이스 손실(Dice)은"),
    ("이진 교차 엔트로피(BCE)이(가)", "이진 교차 엔트로피(BCE)가"),
    ("0.82와(과) 0.71", "0.82와 0.71"),
])
def test_a_pair_becomes_the_particle_the_word_takes(text, expected):
    assert attach(text) == expected


def test_every_korean_string_filled_with_any_value_shows_no_pair():
    fills = ("후버 손실", "MSE", "0.82", "10", "x^2", "분류", "r")
    for key, template in strings("ko").items():
        fields = {name: spec for _, name, spec, _ in string.Formatter().parse(template) if name}
        for fill in fills:
            values = {name: 0.82 if spec else fill for name, spec in fields.items()}
            text = translate("ko", key, **values) if values else translate("ko", key)
            assert not PAIR_SHOWN.search(text), (key, text)


def test_the_guide_says_measured_not_assumed_in_korean_without_a_typo():
    assert "잼" not in translate("ko", "guide.verdict.measured")
