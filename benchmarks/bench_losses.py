"""Time forward + backward of every regression and binary classification loss.

For each n, three figures per loss: numpy (LossViz forward() then backward(), validation
included), torch on CPU with one thread (forward + autograd backward on the same float64
data), and one memory pass over the same arrays (np.subtract(a, b, out=c)). The table prints
the medians and the ratios numpy/torch and numpy/pass.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_losses.py    # n = 1e3, 1e6, 1e7 (or: make bench)
    PYTHONPATH=. .venv/bin/python benchmarks/bench_losses.py --sizes 1000 1000000
"""

import argparse
import statistics
import time

import numpy as np
import torch
import torch.nn.functional as F

from lossviz import losses

CASES = [
    ("mse", {}, lambda y, p: F.mse_loss(p, y)),
    ("mae", {}, lambda y, p: F.l1_loss(p, y)),
    ("huber", {"delta": 1.0}, lambda y, p: F.huber_loss(p, y, delta=1.0)),
    ("log_cosh", {}, lambda y, p: torch.log(torch.cosh(p - y)).mean()),
    ("quantile", {"q": 0.9}, lambda y, p: torch.maximum(0.9 * (y - p), -0.1 * (y - p)).mean()),
    ("barron", {"alpha": 1.0, "scale": 1.0}, lambda y, p: (torch.sqrt((p - y) ** 2 + 1) - 1).mean()),
    ("bce", {}, lambda y, p: F.binary_cross_entropy(p, y)),
    ("bce", {"from_logits": True}, lambda y, x: F.binary_cross_entropy_with_logits(x, y)),
    ("focal", {}, None),
    ("focal", {"from_logits": True}, None),
    ("hinge", {}, lambda y, f: torch.clamp(1 - (2 * y - 1) * f, min=0).mean()),
]


def torch_focal(from_logits):
    def focal(y, pred):  # torchvision.ops.sigmoid_focal_loss, alpha 0.25, gamma 2, mean
        p = torch.sigmoid(pred) if from_logits else pred
        ce = (F.binary_cross_entropy_with_logits(pred, y, reduction="none") if from_logits
              else F.binary_cross_entropy(pred, y, reduction="none"))
        p_t = p * y + (1 - p) * (1 - y)
        return ((0.25 * y + 0.75 * (1 - y)) * ce * (1 - p_t) ** 2).mean()
    return focal


def median_seconds(run, n):
    """Median time of one call of `run`, over repeats sized to the problem."""
    inner = max(1, 20_000 // max(1, n // 100))  # ~2000 calls at n=1e3, 1 call at 1e7
    repeats = 15 if n <= 10**6 else 5
    run()  # warm up
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(inner):
            run()
        times.append((time.perf_counter() - start) / inner)
    return statistics.median(times)


def inputs(name, params, n, rng):
    task = losses.loss_class(name).task
    if task == "regression":
        return rng.normal(size=n), rng.normal(size=n) * 2
    labels = (rng.random(n) < 0.3).astype(float)
    if params.get("from_logits") or name == "hinge":
        return labels, rng.normal(size=n) * 3
    return labels, rng.uniform(0.001, 0.999, n)


def time_case(loss, torch_loss, y_true, y_pred, n):
    """(numpy, torch, memory pass) median seconds for one loss on one data set."""
    out = np.empty_like(y_pred)
    y_true_t = torch.from_numpy(y_true)

    def numpy_run():
        loss.forward(y_true, y_pred)
        loss.backward(y_true, y_pred)

    def torch_run():
        pred = torch.from_numpy(y_pred).requires_grad_()
        torch_loss(y_true_t, pred).backward()

    def memory_pass():
        np.subtract(y_true, y_pred, out=out)

    return tuple(median_seconds(run, n) for run in (numpy_run, torch_run, memory_pass))


def bench(n, rng):
    rows = []
    for name, params, torch_loss in CASES:
        label = name + ("(logits)" if params.get("from_logits") else "")
        torch_loss = torch_loss or torch_focal(params.get("from_logits", False))
        rows.append((label, *time_case(losses.get(name, **params), torch_loss, *inputs(name, params, n, rng), n)))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10**3, 10**6, 10**7])
    args = parser.parse_args()
    torch.set_num_threads(1)
    rng = np.random.default_rng(0)
    print(f"numpy {np.__version__}, torch {torch.__version__} (1 thread), float64; medians of forward + backward")
    header = f"{'n':>9} {'loss':<16} {'numpy':>10} {'torch':>10} {'pass':>10} {'numpy/torch':>12} {'numpy/pass':>11}"
    print(header)
    print("-" * len(header))
    for n in args.sizes:
        for label, numpy_s, torch_s, pass_s in bench(n, rng):
            print(f"{n:>9.0e} {label:<16} {_fmt(numpy_s):>10} {_fmt(torch_s):>10} {_fmt(pass_s):>10} "
                  f"{numpy_s / torch_s:>12.2f} {numpy_s / pass_s:>11.1f}")


def _fmt(seconds):
    if seconds < 1e-3:
        return f"{seconds * 1e6:.1f} us"
    return f"{seconds * 1e3:.2f} ms"


if __name__ == "__main__":
    main()
