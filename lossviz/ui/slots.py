"""The visitor's side of the training slots: a notice with the place in the queue and a Stop button."""

from __future__ import annotations

from contextlib import contextmanager

import streamlit as st

from lossviz.i18n import translate
from lossviz.training import TRAINING_SLOTS
from lossviz.ui.url import current_language


@contextmanager
def training_slot(key: str):
    """Run the block in one of the process's training slots; while none is free, say the visitor's
    place in the queue, with a Stop button (`key`: the button's widget key). Stop reruns the page,
    which leaves the queue."""
    notice = st.empty()
    shown = {"stop": False}

    def waiting(position: int) -> None:
        lang = current_language()
        with notice.container():
            st.info(translate(lang, "slots.waiting", position=position), icon=":material/hourglass_top:")
            if not shown["stop"]:
                shown["stop"] = True
                st.button(translate(lang, "slots.stop"), key=key)

    with TRAINING_SLOTS.held(on_wait=waiting):
        notice.empty()
        yield
