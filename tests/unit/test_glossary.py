"""Korean that uses one term per concept, and every name and help text in both languages."""

import re

import pytest

from lossviz import losses
from lossviz.i18n import strings
from lossviz.i18n.glossary import GLOSSARY, LOSS_NAMES_KO
from lossviz.models import METHOD_LOSSES

ENGLISH = strings("en")
KOREAN = strings("ko")

TERMS = list(GLOSSARY)


@pytest.mark.parametrize("term", TERMS, ids=[term.korean for term in TERMS])
def test_no_korean_string_uses_a_variant_of_a_glossary_term(term):
    offending = {key: text for key, text in KOREAN.items() for variant in term.variants if variant in text}
    assert not offending, offending


@pytest.mark.parametrize("term", [term for term in TERMS if term.required],
                         ids=[term.korean for term in TERMS if term.required])
def test_korean_uses_the_glossary_term_where_english_names_the_concept(term):
    missing = [key for key, text in ENGLISH.items()
               if re.search(term.english, text, re.IGNORECASE) and term.korean not in KOREAN[key]]
    assert not missing, f"{term.korean} missing in: {missing}"


def test_every_loss_and_method_has_a_name_in_both_languages_and_korean_names_follow_the_glossary():
    for key in (*losses.names(), *METHOD_LOSSES):
        assert ENGLISH[f"name.{key}"] and KOREAN[f"name.{key}"], key
        assert "_" not in ENGLISH[f"name.{key}"] + KOREAN[f"name.{key}"]
    for loss, korean in LOSS_NAMES_KO.items():
        assert KOREAN[f"name.{loss}"].startswith(korean), loss


def test_every_parameter_has_a_symbol_and_a_help_text_in_both_languages():
    for name in losses.names():
        for key in losses.loss_class(name).param_specs:
            for table in (ENGLISH, KOREAN):
                assert table[f"param.{key}"] and table[f"help.{name}.{key}"], (name, key)
                assert "p_t" not in table[f"help.{name}.{key}"]


def test_no_string_writes_p_t_as_code():
    assert not [key for table in (ENGLISH, KOREAN) for key, text in table.items() if "p_t" in text]
