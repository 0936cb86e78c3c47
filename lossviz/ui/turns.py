"""What a page needs to take turns with other visitors for the workers (labs.workbench.worker):
which session it is, and a notice of its place in the queue while it waits."""

from collections.abc import Callable

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx


def session_id() -> str | None:
    """This visitor's session (None outside a Streamlit run)."""
    context = get_script_run_ctx()
    return context.session_id if context is not None else None


def queue_notice(text: Callable[[int], str]) -> Callable[[int], None]:
    """A function that shows `text(place)` while a job waits at `place` in the queue, where the page
    is at that moment, and takes the notice away when the job starts (place 0)."""
    shown = {}

    def tell(place: int) -> None:
        if "slot" not in shown:
            shown["slot"] = st.empty()
        if place:
            shown["slot"].info(text(place), icon=":material/hourglass_top:")
        else:
            shown["slot"].empty()

    return tell
