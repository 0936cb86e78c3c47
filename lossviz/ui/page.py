"""The page context: the app's shell (language switch, layout), and for each page its language,
its t(), its settings restored from the URL and written back into it."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import streamlit as st

from lossviz.i18n import DEFAULT_LANGUAGE, LANGUAGES, translate
from lossviz.state import GLOBAL_KEYS, OFF, SWITCH_SUFFIX, Notice, Schema, Settings
from lossviz.ui import lesson, url
from lossviz.ui.url import current_language


def compact_layout() -> None:
    """Less empty space above the page, so controls and both charts fit a 1280x800 screen; table
    headers that break between words only (a Korean word split in two reads as two words);
    multiselects that show every chosen option; headings, captions and focus rings that every
    learner can read (see the comments)."""
    st.html("<style>[data-testid='stMainBlockContainer'] { padding-top: 2.5rem; }"
            "[data-testid='stMarkdownContainer'] :is(th, td) { word-break: keep-all; overflow-wrap: break-word; }"
            # cells wrap between words only; a table wider than the page scrolls by itself (the page does
            # not), its bar in sight where the browser allows, and a shadow at the edge where more lies
            # (a scroll-driven animation: a table that does not scroll has no timeline, so no shadow)
            "[data-testid='stMarkdownContainer'] table { display: block; max-width: 100%; overflow-x: auto;"
            " animation: lossviz-more linear both; animation-timeline: scroll(self inline); }"
            "@keyframes lossviz-more { from { box-shadow: inset -14px 0 10px -10px rgba(128, 128, 128, 0.9); }"
            " to { box-shadow: inset 14px 0 10px -10px rgba(128, 128, 128, 0.9); } }"
            "@media (max-width: 640px) { [data-testid='stMarkdownContainer'] :is(th, td)"
            " { padding: 0.25rem 0.2rem; font-size: 0.8rem; } }"
            "[data-testid='stMarkdownContainer'] table::-webkit-scrollbar { height: 8px; }"
            "[data-testid='stMarkdownContainer'] table::-webkit-scrollbar-thumb"
            " { background: rgba(128, 128, 128, 0.7); border-radius: 4px; }"
            # a link to an experiment wraps onto more lines instead of being cut off on a phone
            "[data-testid='stPageLink'] :is(a, span, p) { white-space: normal !important; overflow: visible !important;"
            " text-overflow: clip !important; height: auto !important; }"
            # chosen options wrap onto more lines instead of scrolling out of sight behind a fade
            "[data-testid='stMultiSelect'] .react-aria-ComboBox > div { height: auto; max-height: none; }"
            "[data-testid='stMultiSelect'] .react-aria-ComboBox > div > div { height: auto; }"
            "[data-testid='stMultiSelect'] .react-aria-ComboBox > div > div"
            " { flex-wrap: wrap; overflow: visible; mask-image: none; -webkit-mask-image: none; }"
            "[data-testid='stMultiSelect'] .react-aria-ComboBox > div > div > span { flex-wrap: wrap; }"
            # sections are h2 under the page's h1 (no level skipped), at the size of Streamlit's subheaders
            "[data-testid='stMain'] h2 { font-size: 1.5rem !important; }"
            # readable small text: captions in the text colour at 85 % (over 7:1 in either theme), where
            # Streamlit's own grey is 3.9:1 on white; important, as Streamlit may add its rule later
            "[data-testid='stCaptionContainer'] { color: inherit !important; opacity: 0.85; }"
            # code keywords in the text's own colour, bold: Streamlit's pale blue is under 4.5:1 on its code background
            "[data-testid='stCode'] .token.keyword { color: inherit !important; font-weight: 600; }"
            # a focus ring every keyboard user can see (blue on white: 5:1)
            ":focus-visible { outline: 3px solid #0072B2 !important; outline-offset: 2px; }"
            # the main region and the sidebar take the focus too: their ring goes inside, where no edge clips it
            "[data-testid='stMain']:focus-visible, [data-testid='stSidebarContent']:focus-visible"
            " { outline-offset: -4px !important; }"
            # radios, checkboxes and switches hide their input: the ring goes around the option
            "label:has(input:focus-visible) { outline: 3px solid #0072B2; outline-offset: 2px; border-radius: 4px; }"
            # a chart's controls (ui/plot.js): a row under it, playback always, the data while it has the focus
            ".lossviz-keys { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; padding: 0.25rem 0; }"
            ".lossviz-keys:not(:focus-within):not(.lossviz-playback) { position: absolute; width: 1px; height: 1px;"
            " overflow: hidden;"
            " clip-path: inset(50%); white-space: nowrap; }"
            ".lossviz-keys button { font: inherit; color: inherit; background: transparent; cursor: pointer;"
            " border: 1px solid currentColor; border-radius: 0.5rem; padding: 0.2rem 0.75rem; }"
            ".lossviz-keys input[type=range] { width: min(20rem, 60%); accent-color: #0072B2; }"
            ".lossviz-epoch { font-variant-numeric: tabular-nums; }"
            # a slider the chart follows while it is dragged (ui/drag.js), laid out as Streamlit's
            ".lossviz-drag { width: 100%; padding-bottom: 0.5rem; }"
            # what a dragged slider's chart shows before the release: a label over the foot of the chart
            ".lossviz-preview { position: absolute; z-index: 2; left: 50%; transform: translateX(-50%);"
            " max-width: 90%; padding: 0.15rem 0.6rem; border: 1px solid #0072B2; border-radius: 0.5rem;"
            " background: rgba(255, 255, 255, 0.94); color: #1b1b1b; font-size: 0.8rem; pointer-events: none; }"
            ".lossviz-drag-head { display: flex; align-items: baseline; gap: 0.4rem; font-size: 0.875rem; }"
            ".lossviz-drag-head output { margin-left: auto; font-variant-numeric: tabular-nums; font-weight: 600; }"
            ".lossviz-drag-help { cursor: help; opacity: 0.85; border: 1px solid currentColor; border-radius: 50%;"
            " width: 1.1em; height: 1.1em; font-size: 0.75rem; display: inline-flex; align-items: center;"
            " justify-content: center; }"
            # in the theme's primary colour (.streamlit/config.toml), as Streamlit's own sliders beside it
            ".lossviz-drag input[type=range] { width: 100%; margin: 0.4rem 0 0; accent-color: #a93226; }"
            "@media (prefers-color-scheme: dark) { .lossviz-drag input[type=range] { accent-color: #ff7b6b; } }"
            + chrome_words() + "</style>")


def css_text(text: str) -> str:
    """`text` as a CSS string (quotes and backslashes escaped; our own strings, never a visitor's)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@dataclass(frozen=True)
class Chrome:
    """A piece of Streamlit's English-only chrome: where it stands, the key of our words for it, whether
    it is a control a screen reader names (then it gets an aria-label too) and whether its icon stays."""

    where: str
    key: str
    named: bool = True
    keeps_icon: bool = False


# The header's Stop, the file uploader's button and limits, and the main menu's items: Streamlit
# has no setting for their words
CHROME = (Chrome("[data-testid='stStatusWidget'] button", "chrome.stop"),
          Chrome("[data-testid='stFileUploaderDropzone'] button", "chrome.browse"),
          Chrome("[data-testid='stFileUploaderDropzoneInstructions'] > div", "chrome.upload_note", named=False),
          *(Chrome(f"[data-testid='stMainMenuItem-theme-{theme}']", f"chrome.theme_{theme.lower()}", keeps_icon=True)
            for theme in ("System", "Light", "Dark")),
          Chrome("[data-testid='stMainMenuItem-print']", "chrome.print"),
          Chrome("[data-testid='stMainMenuItem-recordScreencast']", "chrome.record"))


@cache
def chrome_words() -> str:
    """CSS that writes the CHROME in the page's declared language (html lang, set by language()): the
    English text hidden, ours shown in its place."""
    rules = []
    for lang in LANGUAGES:
        if lang == DEFAULT_LANGUAGE:
            continue
        at = f"html:lang({lang})"
        for piece in CHROME:
            words = css_text(translate(lang, piece.key))
            rules += [f"{at} {piece.where} {{ font-size: 0 !important; }}",
                      f"{at} {piece.where}::after {{ content: {words}; font-size: 0.875rem; }}",
                      f"{at} {piece.where} > * {{ {'font-size: 1rem' if piece.keeps_icon else 'display: none'}; }}"]
    return "".join(rules)


def own_stop_only() -> None:
    """Hide Streamlit's Stop in the header on a page that offers its own, which keeps what was done."""
    st.html("<style>[data-testid='stStatusWidget'] button { display: none; }</style>")


# Declares the page's language (<html lang>) for screen readers, hyphenation and translation tools.
_DOCUMENT_LANGUAGE = st.components.v2.component("lossviz.lang", isolate_styles=False, js="""
export default function ({ data }) {
  const { lang, names } = JSON.parse(new TextDecoder().decode(data));
  document.documentElement.lang = lang;
  // Streamlit's English-only buttons get their name in the page's language as they appear
  const name = () => {
    for (const [selector, word] of names) {
      for (const button of document.querySelectorAll(selector)) {
        if (button.getAttribute('aria-label') !== word) button.setAttribute('aria-label', word);
        button.dataset.lossvizNamed = '';
      }
    }
  };
  for (const named of document.querySelectorAll('[data-lossviz-named]')) {  // a language switch: names anew
    named.removeAttribute('aria-label');
    delete named.dataset.lossvizNamed;
  }
  window.lossvizNames?.disconnect();
  window.lossvizNames = names.length ? new MutationObserver(name) : null;
  window.lossvizNames?.observe(document.body, { childList: true, subtree: true });
  name();
}""")


def language() -> str:
    """The sidebar language switch, restored from ?lang= on a session's first run (and on Back or
    Forward); each page writes it back into the URL with its settings."""
    if url.LANG_KEY not in st.session_state or url.is_history_navigation():
        raw = st.query_params.get(url.LANG_KEY, DEFAULT_LANGUAGE)
        st.session_state[url.LANG_KEY] = raw if raw in LANGUAGES else DEFAULT_LANGUAGE
        if raw not in LANGUAGES:
            url.add_notices([Notice("notice.bad_choice", {"key": url.LANG_KEY, "raw": raw[:40],
                                                          "value": DEFAULT_LANGUAGE})])
    lang = st.sidebar.selectbox(translate(st.session_state[url.LANG_KEY], "sidebar.language"), list(LANGUAGES),
                                format_func=LANGUAGES.get, key=url.LANG_KEY, on_change=_relabel_choices)
    with st.sidebar:
        names = [] if lang == DEFAULT_LANGUAGE else [(piece.where, translate(lang, piece.key))
                                                     for piece in CHROME if piece.named]
        # bytes: sent as they are
        _DOCUMENT_LANGUAGE(data=json.dumps({"lang": lang, "names": names}).encode(), key="lossviz.lang")
    return lang



def _relabel_choices() -> None:
    """After a language switch, store every choice widget's value again: the browser shows a choice
    by its label, which the switch changed, and a stored value is sent along with the new labels."""
    for key, value in list(st.session_state.items()):
        if key != url.LANG_KEY and "." in key and isinstance(value, (str, list)):
            st.session_state[key] = value


@dataclass(frozen=True)
class Page:
    """One page's run: its `slug` (the prefix of its widget keys and i18n strings), its settings
    `schema` (None for a page without settings) and the language."""

    slug: str
    schema: Schema | None
    lang: str

    def t(self, key: str, /, default: str | None = None, **values) -> str:
        """The UI string `key` in the page's language (`default` where there is none)."""
        return translate(self.lang, key, default=default, **values)

    def name(self, key: str) -> str:
        """The name shown for the loss or method `key` (never its code name)."""
        return self.t(f"name.{key}")

    def names(self, keys) -> dict[str, str]:
        """{key: name shown} for the losses or methods `keys`, for a chart's legend."""
        return {key: self.name(key) for key in keys}

    def labels(self, keys, prefix: str = "common") -> dict[str, str]:
        """{key: the string `<prefix>.<key>`} for the label keys a chart reads."""
        return {key: self.t(f"{prefix}.{key}") for key in keys}

    def key(self, name: str) -> str:
        """The session-state key of the page's widget or value `name`."""
        return f"{self.slug}.{name}"

    def title(self) -> None:
        """The page's title, then the repairs made to its URL (shown once), then the step panel of the
        lesson step played on it."""
        if not lesson.presenting():  # a projector's room goes to the step and the chart
            st.title(self.t(f"{self.slug}.title"))
        notices = url.pop_notices()
        if notices:
            lines = "\n".join(f"- {self.t(notice.key, **as_code(notice.values))}" for notice in notices)
            st.warning(f"{self.t('notice.title')}\n\n{lines}", icon=":material/warning:")
        lesson.panel(self)

    def aside(self, key: str, **values) -> None:
        """The string `key` as a caption that introduces the page (or a view) or explains beside it;
        presenter mode leaves it out: the teacher says it, and the projector's room goes to the step
        and the chart."""
        if not lesson.presenting():
            st.caption(self.t(key, **values))

    def reading(self, name: str):
        """The container to draw the page's element `name` in: outlined when a lesson step asks to read it."""
        return lesson.reading(self.slug, name)

    def reads(self, name: str) -> bool:
        """Whether the lesson step played on the page asks to read its element `name`."""
        return lesson.reads(self.slug, name)

    def settings(self, values: dict, params: dict) -> Settings:
        """The settings the controls just read, completed from session state by the ones whose widgets
        stand elsewhere on the page or in a closed tab (defaults where there are none yet)."""
        state = st.session_state
        stored = {key: state[self.key(key)] for key in self.schema.setting_keys()
                  if key not in values and self.key(key) in state}
        stored.update({key: tuple(stored[key]) for key in self.schema.lists if key in stored})
        complete = {}
        for (name, param), spec in self.schema.param_specs.items():
            widget_key = self.key(f"{name}.{param}")
            if param in params.get(name, {}):
                complete.setdefault(name, {})[param] = params[name][param]
            elif spec.switch and state.get(widget_key + SWITCH_SUFFIX) is False:
                complete.setdefault(name, {})[param] = OFF
            elif widget_key in state:
                complete.setdefault(name, {})[param] = state[widget_key]
        return self.schema.settings({**stored, **values}, complete)

    def mirror(self, settings: Settings | None = None) -> None:
        """Write the page's settings (none for a page without) and the language into the URL."""
        url.mirror_in_url(self.key(""), self.schema.query(settings) if settings else {}, self.lang, lesson.url_keys())

    def sidebar_settings(self, controls: Callable[[], Settings]) -> Settings:
        """The settings `controls` draws below a divider in the sidebar (the main area keeps its width
        for the charts), mirrored into the URL."""
        with st.sidebar:
            st.divider()
            settings = controls()
        self.mirror(settings)
        return settings


CURRENT_KEY = "page.current"  # the running page's settings, for keep_settings


def page(name: str, schema: Schema | None = None) -> Page:
    """The context of page `name`; on a shared link, Back, Forward or a return to the page, its
    widgets are first set from the URL."""
    step_settings = lesson.take(name, current_language())
    if schema is not None:
        url.restore(f"{name}.", schema, step_settings)
    st.session_state[CURRENT_KEY] = (f"{name}.", schema)
    return Page(name, schema, current_language())


RECOVERED_KEY = "page.recovered"  # the page that failed and was opened again from its defaults


def run_page(page) -> None:
    """Run the navigation's chosen `page`. If it raises (a bug that a link or a restored setting
    reached), open it again once from its defaults, with a notice naming the settings dropped, so
    that reloading never shows the failure again; if it fails at its defaults too, say so in a line."""
    try:
        page.run()
    except Exception:
        logging.getLogger("lossviz").exception("the page %s failed", page.url_path)
        prefix, schema = st.session_state.get(CURRENT_KEY, ("", None))
        if schema is None or st.session_state.get(RECOVERED_KEY) == prefix:
            st.error(translate(current_language(), "notice.page_failed"), icon=":material/error:")
            return
        dropped = sorted({key for key in st.query_params if key not in GLOBAL_KEYS}
                         | set(st.session_state.get(prefix + "query") or {}))  # the link's, and the ones restored
        for key in [key for key in st.session_state if str(key).startswith(prefix)]:
            del st.session_state[key]
        st.session_state.pop(url.PAGE_KEY, None)  # the next run opens the page: every setting from the emptied URL
        for key in [key for key in st.query_params if key not in GLOBAL_KEYS]:
            del st.query_params[key]
        url.add_notices([Notice("notice.page_reset", {"keys": ", ".join(dropped)[:200] or "-"})])
        st.session_state[RECOVERED_KEY] = prefix
        st.rerun()
    st.session_state.pop(RECOVERED_KEY, None)


def keep_settings() -> None:
    """After the page has run (app.py): keep the settings whose widgets it did not draw."""
    prefix, schema = st.session_state.get(CURRENT_KEY, ("", None))
    if schema is not None:
        url.keep_widget_values(prefix, schema)


def as_code(values: dict) -> dict:
    """URL values as markdown code spans: shown literally, never read as markdown or HTML. A line
    break or another unprintable character (which would end the span) shows as �, a backtick as '."""
    return {name: "`" + "".join(char if char.isprintable() else "\ufffd" for char in str(value)).replace("`", "'")
                  + "`" for name, value in values.items()}
