"""A lesson's step on its lab's page (lossviz.lessons): taken from the URL, its settings applied, its
panel at the top of the main area (the step line, what it changed, the question, the measured
answer on request, Previous and Next), its reading outlined, and presenter mode with a QR code."""

from __future__ import annotations

import contextlib
from functools import partial
from urllib.parse import urlsplit

import streamlit as st

from lossviz import lessons
from lossviz.i18n import LANGUAGES
from lossviz.labs import lab
from lossviz.lessons import Lesson, Step, qr_svg, read_step, reveal_text
from lossviz.state import GLOBAL_KEYS, LESSON_KEY, PRESENT_KEY, STEP_KEY, Notice
from lossviz.ui import cache, url

CURRENT_KEY = "lesson.current"  # (lesson id, step number) being played
CHOSEN_KEY = "lesson.chosen"  # the settings of the step Previous or Next chose, for the run it starts
REVEALED_KEY = "lesson.revealed"  # (lesson id, step number) whose answer is shown
PENDING_KEY = "lesson.pending"  # the widget keys of the buttons (a sweep) the step presses, until drawn
PRESENT_WIDGET = "lesson.present"  # presenter mode's toggle


class PageCompute:
    """How a step's measure computes on a page: through the page's caches, so the answer and the
    lab's own charts and tables share their runs."""

    def __call__(self, function, *args, **kwargs):
        return cache.cached(function, *args, **kwargs)

    def slow(self, function, *args):
        return cache.remembered(function, *args)


def current() -> tuple[Lesson, int] | None:
    found = st.session_state.get(CURRENT_KEY)
    if found is None or found[0] not in lessons.lessons():
        return None
    return lessons.lessons()[found[0]], found[1]


def current_step(page_name: str) -> Step | None:
    """The step being played if it is on page `page_name`."""
    found = current()
    if found is None:
        return None
    step = found[0].step(found[1])
    return step if step.lab == page_name else None


def presenting() -> bool:
    return bool(st.session_state.get(PRESENT_WIDGET)) and current() is not None


def take(name: str, lang: str) -> dict[str, str] | None:
    """At the start of page `name`'s run: the step a step's Previous or Next chose, or the one the URL
    names when a link, Back or Forward has just opened the page. Returns the settings to set the
    page's widgets from: the step's own, unless the URL holds settings already (a reload, Back, an old
    link with its own), then None (the URL's, as on any opening). A step of another lab opens that lab,
    with the settings the URL carries."""
    chosen = st.session_state.pop(CHOSEN_KEY, None)
    if chosen is not None:
        return chosen
    if not url.is_opening():  # a rerun: the frontend may send a URL older than the page (ui.url)
        return None
    raw = (st.query_params.get(LESSON_KEY), st.query_params.get(STEP_KEY))
    try:
        found = read_step(*raw)
    except ValueError:
        named = ", ".join(f"{key}={value[:40]}" for key, value in zip((LESSON_KEY, STEP_KEY), raw, strict=True)
                          if value)
        url.add_notices([Notice("notice.bad_lesson", {"raw": named})])
        found = None
    if found is None:
        st.session_state.pop(CURRENT_KEY, None)
        return None
    lesson, number = found
    step = lesson.step(number)
    present = st.query_params.get(PRESENT_KEY) == "1"
    if step.lab != name:
        carried = {key: value for key, value in st.query_params.to_dict().items() if key not in GLOBAL_KEYS}
        st.switch_page(lab(step.lab).script, query_params={**carried, **lesson.query(number, lang),
                                                          **({PRESENT_KEY: "1"} if present else {})})
    st.session_state[PRESENT_WIDGET] = present
    enter(lesson, number)
    if any(key not in GLOBAL_KEYS for key in st.query_params):
        return None
    return dict(step.query)  # the step alone: its settings


def enter(lesson: Lesson, number: int) -> None:
    """Make step `number` of `lesson` the one played: its sidebar tab open, the slow work it needs
    pressed, and (for a step not played just before) no answer chosen or shown."""
    step = lesson.step(number)
    if step.tab:
        st.session_state[f"{step.lab}.{step.tab_key}"] = step.tab
    if st.session_state.get(CURRENT_KEY) != (lesson.id, number):
        st.session_state[CURRENT_KEY] = (lesson.id, number)
        st.session_state.pop(REVEALED_KEY, None)
        st.session_state.pop(choice_key(lesson, number), None)  # no answer preselected
    st.session_state[PENDING_KEY] = {f"{step.lab}.{button}" for button in step.runs}


def go_to(lesson_id: str, number: int) -> None:
    """Previous or Next to a step on the same lab (a callback): the step's settings replace the page's,
    and the run writes them into the URL as a new history entry, so Back returns to the step before."""
    lesson = lessons.lessons()[lesson_id]
    enter(lesson, number)
    st.session_state[CHOSEN_KEY] = dict(lesson.step(number).query)


def url_keys() -> dict[str, str]:
    """The lesson's keys for the URL while a step is played, presenter mode included."""
    found = current()
    if found is None:
        return {}
    lesson, number = found
    return {LESSON_KEY: lesson.id, STEP_KEY: str(number), **({PRESENT_KEY: "1"} if presenting() else {})}


def pressed(widget_key: str) -> bool:
    """Whether the step just opened presses the button `widget_key` (once)."""
    pending = st.session_state.get(PENDING_KEY)
    if pending and widget_key in pending:
        pending.discard(widget_key)
        return True
    return False


def choice_key(lesson: Lesson, number: int) -> str:
    return f"lesson.{lesson.id}.{number}.choice"


def reads(page_name: str, name: str) -> bool:
    """Whether the step being played on page `page_name` asks to read its element `name`."""
    step = current_step(page_name)
    return step is not None and step.reading == name


def reading(page_name: str, name: str):
    """The container to draw page element `name` in: outlined and keyed lesson_reading when it is
    what the step being played asks to read."""
    return st.container(key="lesson_reading") if reads(page_name, name) else contextlib.nullcontext()


def origin() -> str:
    """The app's address as the visitor's browser sees it (for the QR code and the handouts)."""
    parts = urlsplit(st.context.url or "")
    return f"{parts.scheme}://{parts.netloc}/" if parts.scheme and parts.netloc else "/"


# Presenter mode: the sidebar collapsed once as a step opens (a click on » opens it again); ← and →
# are the step's Previous and Next when no input has the focus
_PRESENTER = st.components.v2.component("lossviz.presenter", isolate_styles=False, js="""
export default function ({ data }) {
  const step = new TextDecoder().decode(data);
  if (window.lossvizCollapsedFor !== step) {
    window.lossvizCollapsedFor = step;
    const collapse = () => {
      const button = document.querySelector('[data-testid=stSidebarCollapseButton] button');
      if (button?.getAttribute('aria-expanded') === 'true') button.click();
    };
    collapse();
    setTimeout(collapse, 300);  // the button appears with the sidebar's first paint
  }
  if (window.lossvizArrows) return;
  window.lossvizArrows = (event) => {
    if (!document.querySelector('.st-key-lesson_step')) return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const focused = document.activeElement;
    const typing = 'input, textarea, select, [contenteditable], [role=slider], [role=combobox]';
    if (focused && focused.matches(typing)) return;
    const which = { ArrowLeft: 'lesson_previous', ArrowRight: 'lesson_next' }[event.key];
    const control = which && document.querySelector(`.st-key-${which} :is(a, button:not(:disabled))`);
    if (control) { event.preventDefault(); control.click(); }
  };
  document.addEventListener('keydown', window.lossvizArrows);
}""")


def css_class(widget_key: str) -> str:
    """The class Streamlit gives the element of the widget keyed `widget_key`."""
    return "st-key-" + "".join(char if char.isalnum() or char in "_-" else "-" for char in widget_key.strip())


def panel(page) -> None:
    """The step panel of the step being played on `page` (a ui.Page), if it is on this page."""
    found = current()
    if found is None or current_step(page.slug) is None:
        return
    lesson, number = found
    step, t = lesson.step(number), page.t
    marked = [css_class(f"{page.slug}.{key}") for key, _ in step.query]
    st.html("<style>"
            ".st-key-lesson_reading { outline: 3px solid #B35900; outline-offset: 6px; border-radius: 6px; }"
            + "".join(f".{name}, .{name}-drag {{ outline: 2px dashed #B35900; outline-offset: 4px;"
                      " border-radius: 4px; }" for name in marked)
            + "</style>")
    if presenting():  # the step's type 1.25x larger, below the header; charts shorter (ui.plot)
        st.html("<style>.st-key-lesson_step { zoom: 1.25; }"
                "[data-testid='stMainBlockContainer'] { padding-top: 4rem; }"
                # a phone that opened a presenter's link: the code is for the class, not for this screen
                "@media (max-width: 640px) { .st-key-lesson_qr { display: none; } }</style>")
    with st.container(key="lesson_step", border=True):
        text, code = st.columns([4, 1]) if presenting() else (st.container(), None)
        with text:
            picked = question(page, lesson, number)
            controls(page, lesson, number)
        if code is not None:  # a projector's room: the class opens the same step on their phones
            address = origin() + lesson.href(number, page.lang)
            with code.container(key="lesson_qr"):
                st.image(qr_svg(address), caption=t("lesson.qr"), width=140, alt=t("lesson.qr_alt", address=address))
        if st.session_state.get(REVEALED_KEY) == (lesson.id, number):
            reveal(page, step, picked)
    if presenting():
        with st.sidebar:
            _PRESENTER(key="lossviz.presenter", data=f"{lesson.id}.{number}".encode())


MARKDOWN_SIGNS = "\\`*_[]<>#|~$"


def literal(text: str) -> str:
    """`text` as markdown that shows it as it is (a formula's * is no emphasis)."""
    return "".join(f"\\{char}" if char in MARKDOWN_SIGNS else char for char in text)


def question(page, lesson: Lesson, number: int) -> str | None:
    """The step line, the step's title, what it set, and its question with no answer chosen; returns
    the choice made."""
    step, t = lesson.step(number), page.t
    st.markdown(f":material/school: {t(f'lesson.{lesson.id}.title')} · "
                f"{t('lesson.step_of', step=number, steps=len(lesson.steps))}  \n"
                f"**{t(f'lesson.{lesson.id}.{step.name}.title')}**")
    changed = lessons.changes(lesson, number, page.lang)
    said = [t("lesson.changed", changes="; ".join(changed)) if changed else t("lesson.unchanged"),
            t("lesson.runs") if step.runs else "",
            "" if presenting() else t("lesson.read")]  # on a projector the teacher points at it
    st.caption(literal(" ".join(filter(None, said))))
    return st.radio(t(f"lesson.{lesson.id}.{step.name}.question"), step.choices, index=None, format_func=t,
                    key=choice_key(lesson, number), horizontal=True)


def controls(page, lesson: Lesson, number: int) -> None:
    """Show the answer, Previous, Next (Back to the lessons after the last step), presenter mode and
    the handouts, in a row."""
    t = page.t
    buttons = st.columns([1.3, 1, 1, 1.4, 1], vertical_alignment="center")
    buttons[0].button(t("lesson.reveal"), key="lesson_reveal", type="primary",
                      on_click=st.session_state.__setitem__, args=(REVEALED_KEY, (lesson.id, number)))
    link(buttons[1], lesson, number - 1, page.slug, page.lang, "lesson_previous", t("lesson.previous"))
    if number < len(lesson.steps):
        link(buttons[2], lesson, number + 1, page.slug, page.lang, "lesson_next", t("lesson.next"))
    else:
        with buttons[2].container(key="lesson_next"):
            st.page_link(lab("guide").script, label=t("lesson.done"), query_params={"lang": page.lang})
    buttons[3].toggle(t("lesson.present"), key=PRESENT_WIDGET)
    with buttons[4].popover(t("lesson.handout"), width="stretch"):
        handouts(page, lesson)


def handouts(page, lesson: Lesson) -> None:
    """The lesson's handout to download, as Markdown and as a page to print, in each language (the
    page's first)."""
    here = origin()
    for lang in sorted(LANGUAGES, key=lambda lang: lang != page.lang):
        for kind, write, mime in (("md", lessons.handout_markdown, "text/markdown"),
                                  ("html", lessons.handout_html, "text/html")):
            st.download_button(page.t(f"lesson.handout_{kind}", language=LANGUAGES[lang]),
                               partial(write, lesson, lang, here), file_name=f"lossviz-{lesson.id}-{lang}.{kind}",
                               mime=mime, key=f"lesson_handout_{kind}_{lang}")


def link(where, lesson: Lesson, number: int, here: str, lang: str, key: str, label: str) -> None:
    """Previous or Next to step `number` of `lesson` (none before the first), in a container keyed `key`:
    a button on the same lab (lab `here`), a link to another lab."""
    with where.container(key=key):
        if number < 1:
            st.button(label, disabled=True, key=f"{key}_button")
        elif lesson.step(number).lab == here:
            st.button(label, key=f"{key}_button", on_click=go_to, args=(lesson.id, number))
        else:
            present = {PRESENT_KEY: "1"} if presenting() else {}
            st.page_link(lab(lesson.step(number).lab).script, label=label,
                         query_params={**lesson.query(number, lang), **present})


def reveal(page, step: Step, picked: str | None) -> None:
    """The step's answer, measured now at its settings by the lab's own functions."""
    with st.spinner(page.t("lesson.measuring")):
        answer = step.measure(step.settings(), PageCompute())
    verdict = ("" if picked is None else page.t("lesson.right") if picked == answer.choice
               else page.t("lesson.not_right", picked=page.t(picked)))
    with st.container(key="lesson_answer"):
        st.success(f"**{page.t('lesson.answer', choice=page.t(answer.choice))}** {verdict}\n\n"
                   f"{reveal_text(page.lang, answer)}", icon=":material/check_circle:")
