"""One Korean term per concept: the words every Korean string uses, and the variants it must not.

tests/unit/test_glossary.py holds the Korean table to it: no string uses a variant, and where
the English string names a concept marked `required`, the Korean one uses its term.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    english: str  # a regular expression, matched case-insensitively in the English string
    korean: str
    variants: tuple[str, ...] = ()  # Korean words that must not stand for this concept
    required: bool = False  # an English string with the concept needs the Korean term


GLOSSARY = (
    Term(r"\bgradients?\b(?! descent)", "그래디언트", ("경사도",), required=True),
    Term(r"\bslope of the (fitted )?line\b|\bslope error\b|Δ slope", "기울기", required=True),
    Term(r"\bsamples?\b|\bexamples?\b", "샘플", ("예제", "예시 데이터"), required=True),
    Term(r"\bmargin\b", "마진", ("여유",), required=True),
    Term(r"\bweighted (BCE|CE|cross-entropy)\b|class-weighted", "가중 교차 엔트로피",
         ("가중 BCE", "클래스 가중 CE", "가중치 교차 엔트로피", "가중치 Cross-Entropy"), required=True),
    Term(r"\bmulti-class\b", "다중 클래스", ("다중 분류", "다클래스"), required=True),
    Term(r"\bcross-entropy\b", "교차 엔트로피", ("크로스 엔트로피",), required=True),
    Term(r"\boutliers?\b", "이상치", ("아웃라이어", "이상값"), required=True),
    Term(r"\blearning rate\b", "학습률", ("러닝 레이트",), required=True),
    Term(r"\bepochs?\b", "에포크", ("에폭", "에퐄"), required=True),
    Term(r"\bimbalance\b", "불균형", ("비균형",), required=True),
    Term(r"\bsegmentation\b", "분할", ("세분화",)),
    Term(r"\bground truth\b|\btrue line\b", "참값", ("참 직선",)),
    Term(r"\bsemi-hard\b", "세미하드", ("준-어려운",), required=True),
    Term(r"\bhand-derived\b", "직접 유도한", ("손으로 유도한",), required=True),
    Term(r"\btorch bridge\b", "PyTorch 연결 모듈", ("토치 브리지",)),
    Term(r"\bcalibrat(ed|ion)\b", "보정", ("캘리브레이션", "교정"), required=True),
    Term(r"\bthresholds?\b", "임계값", ("임곗값", "문턱값")),
)

# Korean spellings of the losses' names, the same on every page (the `name.*` strings)
LOSS_NAMES_KO = {
    "huber": "후버 손실", "focal": "포컬 손실", "hinge": "힌지 손실", "dice": "다이스 손실",
    "jaccard": "자카드 손실", "tversky": "트버스키 손실", "triplet": "트리플렛 손실", "barron": "배런 손실",
}
