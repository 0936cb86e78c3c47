"""The layout of the house: who may import streamlit, plotly and torch; a lab's strings in its own
folder, the same keys in both languages; modules of a readable size; no page folder that would
bypass app.py; nothing that names the source articles."""

import ast
import re
from pathlib import Path

import pytest

from lossviz.i18n import lab_strings, shared_strings
from lossviz.labs import LABS, lab

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "lossviz"
SOURCES = sorted(PACKAGE.rglob("*.py"))
CORE = ("lossviz/losses/", "lossviz/numerics.py", "lossviz/optim.py", "lossviz/metrics.py")


def relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def imported_roots(path: Path) -> set[str]:
    """The top-level packages `path` imports, anywhere in the file (inside functions too)."""
    roots = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def may_use_streamlit(name: str) -> bool:
    return name.startswith("lossviz/ui/") or bool(re.fullmatch(r"lossviz/labs/\w+/page\.py", name))


@pytest.mark.parametrize("path", SOURCES, ids=relative)
def test_streamlit_is_imported_only_by_the_shell_and_the_labs_pages(path):
    if not may_use_streamlit(relative(path)):
        assert "streamlit" not in imported_roots(path)


@pytest.mark.parametrize("path", [path for path in SOURCES if relative(path).startswith(CORE)], ids=relative)
def test_the_core_imports_neither_streamlit_nor_plotly(path):
    assert not imported_roots(path) & {"streamlit", "plotly"}


@pytest.mark.parametrize("path", SOURCES, ids=relative)
def test_plotly_is_imported_only_by_chart_modules(path):
    name = relative(path)
    if not (name.startswith("lossviz/charts/") or name.endswith("/charts.py")):
        assert "plotly" not in imported_roots(path)


def test_the_import_rule_catches_a_module_that_breaks_it(tmp_path):
    offender = tmp_path / "offender.py"
    offender.write_text("def draw():\n    import streamlit as st\n    from plotly import graph_objects\n")
    assert {"streamlit", "plotly"} <= imported_roots(offender)


def test_no_pages_folder_beside_the_entry_script():
    assert not (ROOT / "pages").exists(), "Streamlit would start in its old auto-discovery mode"


@pytest.mark.parametrize("entry", LABS, ids=lambda entry: entry.name)
def test_a_labs_strings_are_its_own_and_in_both_languages(entry):
    tables = lab_strings(entry.module)
    assert set(tables["en"]) == set(tables["ko"]), set(tables["en"]) ^ set(tables["ko"])
    assert all(key.startswith(f"{entry.name}.") for key in tables["en"])
    assert {f"{entry.name}.nav", f"{entry.name}.title"} <= set(tables["en"])


def test_the_shared_strings_are_in_both_languages_and_belong_to_no_lab():
    english, korean = shared_strings("en"), shared_strings("ko")
    assert set(english) == set(korean), set(english) ^ set(korean)
    assert not {key.partition(".")[0] for key in english} & {entry.name for entry in LABS}


@pytest.mark.parametrize("entry", LABS, ids=lambda entry: entry.name)
def test_a_labs_page_uses_no_other_labs_strings(entry):
    """A string two labs show is a common.* one; a lab's own keys are not borrowed."""
    others = "|".join(other.name for other in LABS if other.name != entry.name)
    for path in (PACKAGE / "labs" / entry.name).glob("*.py"):
        borrowed = re.findall(rf"""["'{{](?:{others})\.[a-z_{{]""", path.read_text())
        assert not borrowed, (relative(path), borrowed)


def limit(name: str) -> int:
    """The most lines a module may have: string tables and the losses' catalogue are longer."""
    if name.startswith("lossviz/losses/"):
        return 800
    if name.startswith("lossviz/i18n/") or re.fullmatch(r"lossviz/labs/\w+/strings\w*\.py", name):
        return 600
    return 400


@pytest.mark.parametrize("path", SOURCES, ids=relative)
def test_no_module_is_longer_than_its_limit(path):
    lines = len(path.read_text().splitlines())
    assert lines <= limit(relative(path)), f"{lines} lines"


ARTICLE_NAMES = re.compile(r"seed \d{3}|seed guide|the seed's|seeds/|the guides? this app", re.IGNORECASE)


@pytest.mark.parametrize("path", [*SOURCES, ROOT / "app.py"], ids=relative)
def test_nothing_names_the_source_articles(path):
    assert not ARTICLE_NAMES.findall(path.read_text())


def test_every_lab_is_a_folder_with_a_page_and_a_schema_or_none_needed():
    for entry in LABS:
        folder = PACKAGE / "labs" / entry.name
        assert (folder / "page.py").is_file() and (folder / "strings.py").is_file()
        assert lab(entry.name) is entry
