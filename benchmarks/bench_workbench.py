"""The workbench's core, timed: compiling a typed formula (parse, sympy build, diff, LaTeX and
lambdify), the worker's check of a new one, and the per-sample analysis of an uploaded file.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_workbench.py [--repeats 9]

Goals (issue 19): a 200-node formula parsed and lambdified within 50 ms; 100,000 rows analysed
for four losses within 200 ms.
"""

import argparse
import ast
import statistics
import time

import numpy as np

from benchmarks.timing import median_ms
from lossviz.labs.workbench.expression import compile_expression
from lossviz.labs.workbench.syntax import MAX_LENGTH, MAX_NODES
from lossviz.labs.workbench.typed import CUSTOM, custom_loss
from lossviz.labs.workbench.upload import (
    dominant_rows,
    histogram,
    mode_samples,
    read_csv,
    regression_losses,
    share_rows,
)
from lossviz.labs.workbench.worker import POOL, compile_in_worker, start_workers

# a realistic long formula: a smoothed, asymmetric robust loss with several branches
TERMS = ("where(r<a,b*log(1+(r/c)**2),c*tanh(abs(r)/c))", "softplus(r-a)*b", "a*sqrt(1+r*r)", "exp(-r*r/c)",
         "maximum(r,0)*c")


def size(text: str) -> int:
    return len(list(ast.walk(ast.parse(text, mode="eval"))))


def formula_of(nodes: int) -> str:
    """A sum of TERMS (round robin) with as many syntax-tree nodes as fit in `nodes` and MAX_LENGTH,
    then padded with "+r" terms up to `nodes`."""
    text, index = "r", 0
    while size(f"{text}+{TERMS[index % len(TERMS)]}") <= nodes and len(text) < MAX_LENGTH - 60:
        text, index = f"{text}+{TERMS[index % len(TERMS)]}", index + 1
    while size(text + "+r") <= nodes and len(text) + 2 <= MAX_LENGTH:
        text += "+r"
    return text


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=9)
    args = parser.parse_args()

    for nodes in (20, 100, MAX_NODES):
        text = formula_of(nodes)
        count = len(list(ast.walk(ast.parse(text, mode="eval"))))
        ms = median_ms(lambda text=text: compile_expression(text, "regression"), args.repeats)
        print(f"compile a {count}-node formula ({len(text)} characters): {ms:.1f} ms (median of {args.repeats})")

    start_workers()
    compile_in_worker("r**2", "regression")  # a worker is running
    vetted = []
    for index in range(args.repeats):
        text = f"log(1 + (r/{index + 2})**2)"  # a new formula each time
        started = time.perf_counter()
        compile_in_worker(text, "regression")
        vetted.append((time.perf_counter() - started) * 1000)
    print(f"a new formula compiled in a worker, round trip: {statistics.median(vetted):.1f} ms (median)")

    rows = 70_000  # within upload.MAX_BYTES
    rng = np.random.default_rng(0)
    y_true = rng.normal(10, 3, rows)
    y_pred = y_true + rng.standard_t(3, rows)
    raw = ("y_true,y_pred\n" + "\n".join(f"{a:.6f},{b:.6f}" for a, b in zip(y_true, y_pred, strict=True))).encode()
    print(f"file: {rows:,} rows, {len(raw) / 1e6:.1f} MB")
    table_ms = median_ms(lambda: read_csv(raw), args.repeats)
    table = read_csv(raw)
    samples_ms = median_ms(lambda: mode_samples(table, "residuals", ("y_true", "y_pred"), "probability"),
                           args.repeats)
    samples = mode_samples(table, "residuals", ("y_true", "y_pred"), "probability")
    custom = custom_loss(compile_expression(
        "where(abs(r) < a, 0.5*r**2, a*(abs(r) - 0.5*a))", "regression"), {"a": 1.0})

    def analyse():
        result = regression_losses(samples, ("mse", "mae", "huber"), custom)
        share_rows(result)
        dominant_rows(result, CUSTOM)
        histogram(result.x)
        return result

    analysis_ms = median_ms(analyse, args.repeats)
    print(f"read the CSV: {table_ms:.1f} ms; numeric columns: {samples_ms:.1f} ms; "
          f"per-sample analysis, four losses (values, gradients, shares, top 20, histogram): {analysis_ms:.1f} ms")
    POOL.stop()


if __name__ == "__main__":
    main()
