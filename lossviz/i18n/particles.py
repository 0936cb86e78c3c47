"""Korean particles chosen by the word they follow.

A Korean template writes a particle after a value it cannot know, as a pair: `{name}이(가)`,
`{x}은(는)`, `{x}을(를)`, `{x}와(과)`, `{x}(으)로`. Once the value is filled in, `attach` keeps the one
the word takes: after a final consonant (받침) 이, 은, 을, 과, 으로; after a vowel 가, 는, 를, 와, 로
(and 로 after ㄹ). Digits and Latin letters count as read aloud: 0.82와, 10과, MSE와, recall@1과.

    >>> attach("후버 손실이(가) 0.82와(과) 같습니다")
    '후버 손실이 0.82와 같습니다'
"""

from __future__ import annotations

import re

# (with a final consonant, without one) for each pair a template may write
PAIRS = {"이(가)": ("이", "가"), "가(이)": ("이", "가"), "은(는)": ("은", "는"), "는(은)": ("은", "는"),
         "을(를)": ("을", "를"), "를(을)": ("을", "를"), "와(과)": ("과", "와"), "과(와)": ("과", "와"),
         "(으)로": ("으로", "로"), "(이)라": ("이라", "라"), "(이)나": ("이나", "나")}
_PAIR = re.compile("|".join(re.escape(pair) for pair in sorted(PAIRS, key=len, reverse=True)))

# how a digit or a Latin letter ends when read in Korean: its final consonant, "" for none
DIGIT_ENDINGS = dict(zip("0123456789", ("ㅇ", "ㄹ", "", "ㅁ", "", "", "ㄱ", "ㄹ", "ㄹ", ""), strict=True))
LETTER_ENDINGS = {"l": "ㄹ", "m": "ㅁ", "n": "ㄴ", "r": "ㄹ"}  # 엘, 엠, 엔, 알; the others end in a vowel
FINALS = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"  # 받침 by its index in a syllable
SKIPPED = " '\"’”]}*_`"  # quotes, brackets and markup between a word and its particle


def final_consonant(text: str) -> str | None:
    """The final consonant of the last word of `text` as read in Korean ("" for a vowel), or None
    when its last character is neither Hangul, a digit, a Latin letter nor %. A parenthesis after a
    word glosses it and is not read before the particle: 다이스 손실(Dice)은, 엔트로피(BCE)가."""
    word = text.rstrip(SKIPPED)
    while word.endswith(")") and "(" in word and word[:word.rindex("(")].strip():
        word = word[:word.rindex("(")].rstrip(SKIPPED)
    if not word:
        return None
    last = word[-1]
    if "가" <= last <= "힣":
        return FINALS[(ord(last) - 0xAC00) % 28].strip()
    if last in DIGIT_ENDINGS:
        return DIGIT_ENDINGS[last]
    if last == "%":
        return ""  # 퍼센트
    if last.isascii() and last.isalpha():
        return LETTER_ENDINGS.get(last.lower(), "")
    return None


def attach(text: str) -> str:
    """`text` with each particle pair replaced by the particle its preceding word takes (the pair's
    first form where the word cannot be read)."""
    def chosen(match: re.Match) -> str:
        with_final, without = PAIRS[match.group()]
        ending = final_consonant(text[:match.start()])
        if ending is None:
            return with_final
        if match.group() == "(으)로" and ending == "ㄹ":
            return without
        return with_final if ending else without

    return _PAIR.sub(chosen, text)
