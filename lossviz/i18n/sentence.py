"""Sentences the core computes from its own numbers, for the pages to say in the visitor's language."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Name:
    """A loss or method in a sentence, said by its translated name."""

    key: str


@dataclass(frozen=True)
class Sentence:
    """An i18n key and the values that fill it (numbers already formatted, losses as Names), and
    the sentences that follow it in the same paragraph."""

    key: str
    values: dict
    then: tuple[Sentence, ...] = ()
