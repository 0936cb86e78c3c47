"""UI strings in English and Korean, one key per string.

    >>> from lossviz.i18n import translate
    >>> translate("ko", "nav.gallery")
    '손실 함수 갤러리'
"""

from lossviz.i18n import en, en_cards, en_guide, en_workbench, ko, ko_cards, ko_guide, ko_workbench

ENGLISH = {**en.STRINGS, **en_cards.STRINGS, **en_workbench.STRINGS, **en_guide.STRINGS}
KOREAN = {**ko.STRINGS, **ko_cards.STRINGS, **ko_workbench.STRINGS, **ko_guide.STRINGS}

LANGUAGES = {"en": "English", "ko": "한국어"}
DEFAULT_LANGUAGE = "en"
_TABLES = {"en": ENGLISH, "ko": KOREAN}


def translate(lang: str, key: str, /, default: str | None = None, **values) -> str:
    """The string `key` in `lang`, else in English, else `default`; with `values` filled in."""
    table = _TABLES.get(lang, ENGLISH)
    text = table.get(key, ENGLISH.get(key, default))
    if text is None:
        raise KeyError(f"no UI string {key!r}")
    return text.format(**values) if values else text
