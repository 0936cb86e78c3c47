"""Result tables: as markdown (static HTML that the browser redraws in a few milliseconds) and as
CSV files to download."""

from __future__ import annotations

import csv
import io
from urllib.parse import urlencode

NUMBER_FORMAT = "{:.3f}"  # of a float in a table


def cell_text(value, number_format: str = NUMBER_FORMAT) -> str:
    """A table cell as a pipe table shows it: a float in `number_format`, anything else as its text,
    escaped (a lesson's answer quotes a number in the same form)."""
    if isinstance(value, float):
        return number_format.format(value)
    return str(value).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def markdown_table(rows: list[dict], number_format: str = NUMBER_FORMAT) -> str:
    """Rows of equal keys as a pipe table: floats in `number_format`, number columns right-aligned,
    cell text escaped."""
    if not rows:
        return ""
    keys = list(rows[0])

    def cell(value) -> str:
        return cell_text(value, number_format)

    numeric = [all(isinstance(row[key], (int, float)) for row in rows) for key in keys]
    lines = ["| " + " | ".join(cell(key) for key in keys) + " |",
             "|" + "|".join("---:" if is_number else ":---" for is_number in numeric) + "|"]
    lines += ["| " + " | ".join(cell(row[key]) for key in keys) + " |" for row in rows]
    return "\n".join(lines)


def csv_text(header: list, rows, settings: dict[str, str] | None = None) -> str:
    """A CSV file of `header` and `rows` (lists of cells); `settings` (the page's URL query) head it
    as a comment line, so the file says how to reproduce it."""
    buffer = io.StringIO()
    if settings:
        buffer.write(f"# settings: {urlencode(settings)}\n")
    writer = csv.writer(buffer)
    writer.writerow([inert(cell) for cell in header])
    writer.writerows([inert(cell) for cell in row] for row in rows)
    return buffer.getvalue()


FORMULA_STARTS = ("=", "+", "-", "@")


def inert(cell):
    """A cell a spreadsheet will not run as a formula: text that starts with = + - or @ gets a leading
    apostrophe; numbers (-1.5) stay as they are."""
    if not isinstance(cell, str) or not cell.startswith(FORMULA_STARTS):
        return cell
    try:
        float(cell)
    except ValueError:
        return "'" + cell
    return cell
