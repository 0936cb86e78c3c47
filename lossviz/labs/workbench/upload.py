"""The visitor's own CSV file, read and checked, analysed sample by sample with the built-in losses
and the typed one; and sample files to start from. A file stays in its session only."""

from __future__ import annotations

import base64
import csv
import io
import math
from dataclasses import dataclass

import numpy as np

from lossviz import losses
from lossviz.curves import POINTS, Curve, supports
from lossviz.datasets import RegressionData
from lossviz.labs.workbench.program import Expression
from lossviz.labs.workbench.syntax import PROBABILITY_CLIP
from lossviz.labs.workbench.typed import CUSTOM, compared_curves, custom_curve
from lossviz.losses.base import Loss
from lossviz.models import train_linear
from lossviz.numerics import sigmoid
from lossviz.tables import csv_text

# what one uploaded file may be, each checked before the file is parsed (docs/SECURITY.md)
MAX_BYTES = 2 << 20  # also Streamlit's server.maxUploadSize, in MB
MAX_ROWS = 100_000
MAX_COLUMNS = 20
MAX_LINE = 2000  # characters of one line, so of one cell or one column name
MAX_MAGNITUDE = 1e15  # a cell beyond ±this is not used: a residual's square and a histogram's range stay finite
MODES = ("residuals", "classification", "points")
# the columns each mode reads, in order, and the header names each column is guessed from
COLUMNS = {"residuals": ("y_true", "y_pred"), "classification": ("label", "score"), "points": ("x", "y")}
GUESSES = {
    "y_true": ("y_true", "target", "true", "actual", "y", "label"), "y_pred": ("y_pred", "prediction", "pred",
                                                                               "predicted", "yhat", "output"),
    "label": ("label", "y_true", "target", "class", "y"), "score": ("probability", "prob", "p", "score", "logit",
                                                                    "y_pred", "prediction", "output"),
    "x": ("x", "feature", "input"), "y": ("y", "target", "output"),
}
SCORE_KINDS = ("probability", "logit")
DELIMITERS = ",;\t|"
SNIFF_BYTES = 8192


class UploadError(ValueError):
    """A file that cannot be used: `key` names its i18n message (`workbench.upload.<key>`)."""

    def __init__(self, key: str, **values):
        self.key, self.values = key, values
        super().__init__(f"{key}: {values}")


@dataclass(frozen=True)
class Table:
    """A CSV file's header and its cells as numbers, one float64 array per column (NaN where a cell
    is missing, not a number, or beyond ±MAX_MAGNITUDE)."""

    header: tuple[str, ...]
    columns: dict[str, np.ndarray]

    @property
    def rows(self) -> int:
        return len(next(iter(self.columns.values()), []))


def check_upload(raw: bytes) -> None:
    """UploadError unless `raw` is within every limit a file may reach: bytes, rows, line length and
    columns (counted by the delimiters the header holds). Quick, so run before any parsing."""
    if len(raw) > MAX_BYTES:
        raise UploadError("too_large", limit=f"{MAX_BYTES >> 20}")
    if b"\x00" in raw:
        raise UploadError("binary")
    if not raw.strip():
        raise UploadError("empty")
    lines = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n")
    if len(lines) > MAX_ROWS + 2:
        raise UploadError("too_many_rows", limit=f"{MAX_ROWS:,}")
    if max(map(len, lines)) > MAX_LINE:  # bytes: at least as many as the line's characters
        raise UploadError("long_line", limit=f"{MAX_LINE:,}")
    header = next(line for line in lines if line.strip())
    if max(header.count(delimiter.encode()) for delimiter in DELIMITERS) + 1 > MAX_COLUMNS:
        raise UploadError("too_many_columns", limit=MAX_COLUMNS)


def read_csv(raw: bytes) -> Table:
    """An uploaded CSV file as a Table: checked here (check_upload), parsed in a worker
    (parse_table). UploadError for a file that breaks a limit or cannot be read; the worker's
    JobFailed when parsing passed its time or memory."""
    from lossviz.labs.workbench.worker import parse_in_worker

    check_upload(raw)
    reply = parse_in_worker(raw)
    if not reply["ok"]:
        raise UploadError(reply["key"], **reply["values"])
    header = tuple(reply["header"])
    return Table(header, {name: np.frombuffer(base64.b64decode(column), dtype=np.float64)
                          for name, column in zip(header, reply["columns"], strict=True)})


def parse_table(raw: bytes) -> tuple[list[str], list[np.ndarray]]:
    """The header and numeric columns of a file within check_upload's limits (UTF-8 with or without a
    BOM; any line ending; the delimiter guessed among `,;<tab>|`); UploadError for a file that is
    not such a table. Runs in a worker: the visitor's bytes meet pandas only there."""
    import pandas as pd

    check_upload(raw)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UploadError("encoding") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip()
    try:
        delimiter = csv.Sniffer().sniff(text[:SNIFF_BYTES], delimiters=DELIMITERS).delimiter
    except csv.Error:
        delimiter = ","
    try:
        written = [name.strip() for name in next(csv.reader(io.StringIO(text), delimiter=delimiter))]
        frame = pd.read_csv(io.StringIO(text), sep=delimiter, dtype=str, keep_default_na=False, nrows=MAX_ROWS + 1,
                            skipinitialspace=True, engine="c")
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError, csv.Error, StopIteration):
        raise UploadError("not_csv") from None
    if len(frame) > MAX_ROWS:
        raise UploadError("too_many_rows", limit=f"{MAX_ROWS:,}")
    header = [name[:40] for name in written]
    if len(header) < 2 or len(set(header)) != len(header) or len(header) != len(frame.columns):
        raise UploadError("columns")  # pandas would rename a repeated name (a, a.1)
    columns = []
    for column in frame.columns:
        numbers = pd.to_numeric(frame[column], errors="coerce").to_numpy(np.float64)
        columns.append(np.where(np.abs(numbers) <= MAX_MAGNITUDE, numbers, np.nan))
    return header, columns


def guess_columns(header: tuple[str, ...], mode: str) -> tuple[str, ...]:
    """The header names a mode's columns most likely are: by name where one matches, else in order."""
    lowered = {name.lower(): name for name in header}
    picked: list[str] = []
    for column in COLUMNS[mode]:
        match = next((lowered[guess] for guess in GUESSES[column] if guess in lowered
                      and lowered[guess] not in picked), None)
        picked.append(match or next((name for name in header if name not in picked), header[0]))
    return tuple(picked)


@dataclass(frozen=True)
class Samples:
    """The usable rows of a file for a mode: two numeric columns, and each row's number in the file
    (1 for the first row under the header); `dropped` rows had a missing or non-numeric cell."""

    first: np.ndarray
    second: np.ndarray
    rows: np.ndarray
    dropped: int


def numeric_samples(table: Table, names: tuple[str, str]) -> Samples:
    """The rows of columns `names` whose cells are both usable numbers (text such as `=cmd|...` is
    not a number and drops its row); UploadError when no row is left."""
    if len(set(names)) != 2 or not set(names) <= set(table.header):
        raise UploadError("pick_columns")
    first, second = (table.columns[name] for name in names)
    usable = np.isfinite(first) & np.isfinite(second)
    if not usable.any():
        raise UploadError("no_rows")
    return Samples(first[usable], second[usable], np.flatnonzero(usable) + 1, int((~usable).sum()))


def class_samples(samples: Samples, kind: str) -> Samples:
    """Samples as (label, probability or logit of class 1), checked: labels 0 or 1, probabilities in [0, 1]."""
    if kind not in SCORE_KINDS:
        raise ValueError(f"kind must be one of {', '.join(SCORE_KINDS)}; got {str(kind)[:40]!r}")
    labels, scores = samples.first, samples.second
    bad = ~np.isin(labels, (0.0, 1.0))
    if bad.any():
        raise UploadError("labels", row=int(samples.rows[bad][0]), value=f"{labels[bad][0]:g}")
    if kind == "probability":
        outside = (scores < 0.0) | (scores > 1.0)
        if outside.any():
            raise UploadError("probabilities", row=int(samples.rows[outside][0]), value=f"{scores[outside][0]:g}")
    return samples


def mode_samples(table: Table, mode: str, columns: tuple[str, ...], kind: str) -> Samples:
    """The usable rows of the file for `mode` from its `columns` (classification: checked labels and
    `kind` of score)."""
    samples = numeric_samples(table, columns)
    return class_samples(samples, kind) if mode == "classification" else samples


@dataclass(frozen=True)
class SampleLosses:
    """Each loss's value and gradient for every sample of a file: `x` is what the losses read per
    sample (the residual ŷ − y, or the probability or logit given to the true class), `axis` its
    gallery view, and `values[name]`, `gradients[name]` per sample (gradient with respect to the
    file's prediction column)."""

    axis: str
    x: np.ndarray
    rows: np.ndarray
    values: dict[str, np.ndarray]
    gradients: dict[str, np.ndarray]


def regression_losses(samples: Samples, names, custom: Loss | None = None) -> SampleLosses:
    """Residual samples (y_true, y_pred) under the built-in losses `names` and the typed one."""
    y_true, y_pred = samples.first, samples.second
    configured = [losses.get(name) for name in names] + ([custom] if custom is not None else [])
    values = {loss.name: loss.elementwise(y_true, y_pred) for loss in configured}
    gradients = {loss.name: loss.backward(y_true, y_pred) * y_pred.size for loss in configured}
    return SampleLosses("r", y_pred - y_true, samples.rows, values, gradients)


def classification_losses(samples: Samples, kind: str, names, custom: Loss | None = None) -> SampleLosses:
    """(label, probability or logit of class 1) samples under the built-in binary losses `names`
    (those that read `kind`) and the typed one, which reads the logit."""
    labels, scores = samples.first, samples.second
    logits = scores if kind == "logit" else np.log(np.clip(scores, PROBABILITY_CLIP, 1.0)) - np.log(
        np.clip(1.0 - scores, PROBABILITY_CLIP, 1.0))
    values, gradients = {}, {}
    for name in names:
        if kind == "probability" and not supports(name, "proba"):
            continue
        loss = losses.get(name, **({"from_logits": kind == "logit"} if "from_logits" in losses.loss_class(name).flags
                                   else {}))
        values[name] = loss.elementwise(labels, scores)
        gradients[name] = loss.backward(labels, scores) * scores.size
    if custom is not None:
        custom_values, slopes = custom._pointwise(labels, logits)
        if kind == "probability":  # d loss / d p of class 1 = d loss / d s  ÷  p (1 − p)
            p = np.clip(scores, PROBABILITY_CLIP, 1.0 - PROBABILITY_CLIP)
            slopes = slopes / (p * (1.0 - p))
        values[CUSTOM], gradients[CUSTOM] = custom_values, slopes
    true_class = np.where(labels == 1.0, scores, 1.0 - scores) if kind == "probability" else \
        np.where(labels == 1.0, scores, -scores)
    return SampleLosses("p" if kind == "probability" else "z", true_class, samples.rows, values, gradients)


TOP_SHARES = (0.01, 0.10)
DOMINANT_ROWS = 20


def top_share(values: np.ndarray, fraction: float) -> float:
    """The share of the total loss carried by the `fraction` of samples with the largest losses
    (at least one sample); NaN when the total is not positive and finite."""
    total = float(np.sum(values))
    if not (total > 0 and math.isfinite(total)):
        return math.nan
    count = top_count(values.size, fraction)
    return float(np.sum(np.partition(values, values.size - count)[values.size - count:]) / total)


def top_count(size: int, fraction: float) -> int:
    """How many of `size` samples make its top `fraction` (at least one)."""
    return max(1, math.ceil(fraction * size))


def even_shares(size: int) -> list[tuple[int, float]]:
    """(count, share in %) of each TOP_SHARES top among `size` samples were every sample's loss the same:
    the baseline its share_rows stand against (one sample of 40 is 2.5 %, not 1 %)."""
    return [(top_count(size, fraction), 100.0 * top_count(size, fraction) / size) for fraction in TOP_SHARES]


def share_rows(result: SampleLosses) -> list[dict]:
    """One row per loss: its mean, and the shares (in %) of the total carried by the top 1 % and 10 % of samples."""
    return [{"loss": name, "mean": float(np.mean(values)),
             **{("top_share", f"{fraction:.0%}"): 100.0 * top_share(values, fraction) for fraction in TOP_SHARES}}
            for name, values in result.values.items()]


def dominant_rows(result: SampleLosses, by: str, count: int = DOMINANT_ROWS) -> list[dict]:
    """The `count` samples with the largest loss `by`, largest first: the row in the file, what the
    losses read, and each loss's value and gradient."""
    order = np.argsort(-result.values[by], kind="stable")[:count]
    return [{"row": int(result.rows[index]), f"sample_{result.axis}": float(result.x[index]),
             **{("loss_of", name): float(values[index]) for name, values in result.values.items()},
             **{("gradient_of", name): float(result.gradients[name][index]) for name in result.values}}
            for index in order]


HISTOGRAM_BINS = 40


def histogram(values: np.ndarray, bins: int = HISTOGRAM_BINS) -> tuple[np.ndarray, np.ndarray, float]:
    """The bins' centres, their counts and their width; equal or nearly equal values get a range
    wide enough for `bins` bins that float64 tells apart (numpy's own ±0.5 is not at 1e15)."""
    low, high = float(values.min()), float(values.max())
    pad = max(abs(low), abs(high), 1.0) * 1e-6
    if high - low < pad:
        low, high = low - pad, high + pad
    counts, edges = np.histogram(values, bins=bins, range=(low, high))
    return (edges[:-1] + edges[1:]) / 2, counts, float(edges[1] - edges[0])


def overlay_curves(result: SampleLosses, custom: Expression | None, params: dict) -> list[Curve]:
    """The losses of `result` drawn over the range of its samples, to lay over their histogram
    (the typed loss when `custom` is given)."""
    low, high = float(result.x.min()), float(result.x.max())
    if result.axis == "p":
        low, high = max(low, 0.01), 1.0
    if high <= low:
        low, high = low - 1.0, high + 1.0
    x = np.linspace(low, high, POINTS)
    curves = compared_curves(result.axis, [name for name in result.values if name != CUSTOM], x=x)
    if custom is not None and custom.axis == result.axis:
        curves.append(custom_curve(custom, params, x=x))
    return curves


def samples_csv(result: SampleLosses) -> str:
    """Every sample's row, input and each loss's value and gradient, as CSV (numbers only)."""
    names = list(result.values)
    header = ["row", result.axis, *(f"{name}_loss" for name in names), *(f"{name}_gradient" for name in names)]
    rows = [[int(row), f"{x:.10g}", *(f"{result.values[name][i]:.10g}" for name in names),
             *(f"{result.gradients[name][i]:.10g}" for name in names)]
            for i, (row, x) in enumerate(zip(result.rows, result.x, strict=True))]
    return csv_text(header, rows)


@dataclass(frozen=True)
class Scaling:
    """How uploaded points were standardised for fitting: z = (v − mean) / spread, per column."""

    x_mean: float
    x_spread: float
    y_mean: float
    y_spread: float


def points_data(samples: Samples) -> tuple[RegressionData, Scaling]:
    """Uploaded (x, y) points, standardised so the lab's learning rates suit any units, as the
    regression lab's data (no known true line: slopes NaN)."""
    if samples.first.size < 2 or np.ptp(samples.first) == 0:
        raise UploadError("one_x")
    scaling = Scaling(float(samples.first.mean()), float(samples.first.std()), float(samples.second.mean()),
                      max(float(samples.second.std()), 1e-12))
    x = (samples.first - scaling.x_mean) / scaling.x_spread
    y = (samples.second - scaling.y_mean) / scaling.y_spread
    return RegressionData(x[:, None], y, np.zeros(x.size, dtype=bool), np.array([np.nan]), math.nan), scaling


POINTS_TRAINING = {"optimizer": "nag", "lr": 0.05, "momentum": 0.9, "epochs": 200}  # the regression lab's defaults


def fit_points(data: RegressionData, names, custom: Loss | None = None) -> list:
    """A line fitted to uploaded (standardised) points with each built-in loss `names` and the typed
    one, by the regression lab's training."""
    configured = [losses.get(name) for name in names] + ([custom] if custom is not None else [])
    return [train_linear(loss, data, **POINTS_TRAINING) for loss in configured]


def line_in_units(params: np.ndarray, scaling: Scaling) -> tuple[float, float]:
    """A standardised line's (slope, intercept) in the file's own units."""
    slope = params[0] * scaling.y_spread / scaling.x_spread
    intercept = scaling.y_mean + scaling.y_spread * params[-1] - slope * scaling.x_mean
    return float(slope), float(intercept)


def fitted_line_rows(histories, scaling: Scaling) -> list[dict]:
    """Each fitted line in the file's units, one row per loss."""
    return [{"loss": history.loss, **dict(zip(("line_slope", "line_intercept"),
                                              line_in_units(history.params[-1], scaling), strict=True))}
            for history in histories]


# --- sample files ---------------------------------------------------------------------------

def sample_file(mode: str, seed: int = 0) -> str:
    """A small CSV file of the mode's columns to try the upload with: regression residuals with a
    few outliers, an imbalanced classifier's probabilities, or points around a line."""
    rng = np.random.default_rng(seed)
    n = 200
    if mode == "residuals":
        y_true = rng.normal(10.0, 3.0, n)
        y_pred = y_true + rng.normal(0.0, 0.8, n)
        y_pred[:6] += rng.choice([-1.0, 1.0], 6) * rng.uniform(8.0, 15.0, 6)
        return csv_text(["y_true", "y_pred"], [[f"{a:.4f}", f"{b:.4f}"] for a, b in zip(y_true, y_pred, strict=True)])
    if mode == "classification":
        labels = (rng.random(n) < 0.1).astype(int)
        logits = np.where(labels == 1, 0.5, -2.0) + rng.normal(0.0, 1.2, n)
        return csv_text(["label", "probability"], [[label, f"{p:.4f}"] for label, p in
                                                   zip(labels, sigmoid(logits), strict=True)])
    if mode == "points":
        x = rng.uniform(0.0, 50.0, n)
        y = 3.0 + 0.8 * x + rng.normal(0.0, 2.0, n)
        y[:8] += rng.uniform(25.0, 40.0, 8)
        return csv_text(["x", "y"], [[f"{a:.3f}", f"{b:.3f}"] for a, b in zip(x, y, strict=True)])
    raise ValueError(f"mode must be one of {', '.join(MODES)}; got {str(mode)[:40]!r}")
