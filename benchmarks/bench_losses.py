"""Time forward + backward of every elementwise loss: regression, binary classification, ranking
and the GAN objectives, one value per element.

For each n, four figures per loss: numpy (LossViz forward() then backward(), validation
included), torch on CPU with one thread (forward + autograd backward on the same float64
data), one memory pass over the same arrays (np.subtract(a, b, out=c)), and the kernel floor:
the transcendental numpy kernels the loss cannot avoid (an exp and a log1p for a softplus, say),
each run once over the data. The table prints the medians and the ratios numpy/torch,
numpy/pass and numpy/floor.

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
    ("smooth_l1", {}, lambda y, p: F.smooth_l1_loss(p, y)),
    ("poisson_nll", {}, lambda y, x: F.poisson_nll_loss(x, y, log_input=True)),
    ("gaussian_nll", {}, lambda y, p: F.gaussian_nll_loss(p, y, torch.ones_like(p))),
    ("soft_margin", {}, lambda y, f: F.soft_margin_loss(f, 2 * y - 1)),
    ("squared_hinge", {}, lambda y, f: (torch.clamp(1 - (2 * y - 1) * f, min=0) ** 2).mean()),
    ("multilabel_soft_margin", {}, lambda y, x: F.multilabel_soft_margin_loss(x, y)),
    ("margin_ranking", {"margin": 0.5}, lambda y, a, b: F.margin_ranking_loss(a, b, 2 * y - 1, margin=0.5)),
    ("bpr", {}, lambda a, b: -F.logsigmoid(a - b).mean()),
    ("gan", {}, lambda r, f: (F.softplus(-r) + F.softplus(f)).mean()),
    ("gan", {"player": "generator"}, lambda r, f: F.softplus(-f).mean()),
]
# The transcendental kernels each loss needs at least, once over the data (None: memory passes only)
KERNELS = {
    "log_cosh": ("exp", "log1p"), "bce(logits)": ("exp", "log1p"), "bce": ("log", "log1p"),
    "focal": ("log", "log1p", "power"), "focal(logits)": ("exp", "log1p"), "barron": ("sqrt",),
    "poisson_nll": ("exp",), "soft_margin": ("exp", "log1p"), "multilabel_soft_margin": ("exp", "log1p"),
    "bpr": ("exp", "log1p"), "gan": ("exp", "log1p", "exp", "log1p"), "gan(generator)": ("exp", "log1p"),
}


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
    """The loss's arguments: the first is y_true (or the first score array), the rest get gradients."""
    loss = losses.get(name, **params)
    if name == "poisson_nll":
        return rng.poisson(3.0, n).astype(float), rng.normal(size=n)
    if loss.task == "regression":
        return rng.normal(size=n), rng.normal(size=n) * 2
    if loss.call_shape == "two_input":
        return rng.normal(size=n) * 3, rng.normal(size=n) * 3
    labels = (rng.random(n) < 0.3).astype(float)
    if loss.call_shape == "pair":
        return labels, rng.normal(size=n) * 3, rng.normal(size=n) * 3
    if name == "multilabel_soft_margin":
        return labels.reshape(-1, 10), (rng.normal(size=n) * 3).reshape(-1, 10)
    if params.get("from_logits") or name in ("hinge", "soft_margin", "squared_hinge"):
        return labels, rng.normal(size=n) * 3
    return labels, rng.uniform(0.001, 0.999, n)


def time_case(loss, torch_loss, arrays, kernels, n):
    """(numpy, torch, memory pass, kernel floor) median seconds for one loss on one data set."""
    out = np.empty_like(arrays[-1].reshape(-1))
    differentiable = set(range(len(arrays))) if loss.call_shape == "two_input" else set(range(1, len(arrays)))

    def numpy_run():
        loss.forward(*arrays)
        loss.backward(*arrays)

    def torch_run():
        tensors = [torch.from_numpy(array).requires_grad_(index in differentiable)
                   for index, array in enumerate(arrays)]
        torch_loss(*tensors).backward()

    def memory_pass():
        np.subtract(arrays[0].reshape(-1), arrays[-1].reshape(-1), out=out)

    positive = np.abs(arrays[-1]).reshape(-1) + 0.5  # any values will do; these keep every kernel finite
    scratch = np.empty_like(positive)

    def kernel_floor():
        for kernel in kernels:
            if kernel == "power":
                np.power(positive, 2.5, out=scratch)
            else:
                getattr(np, kernel)(positive, out=scratch)

    times = [median_seconds(run, n) for run in (numpy_run, torch_run, memory_pass)]
    return (*times, median_seconds(kernel_floor, n) if kernels else None)


def bench(n, rng):
    rows = []
    for name, params, torch_loss in CASES:
        label = name + ("(logits)" if params.get("from_logits") else "") + (
            f"({params['player']})" if "player" in params else "")
        torch_loss = torch_loss or torch_focal(params.get("from_logits", False))
        arrays = inputs(name, params, n, rng)
        kernels = KERNELS.get(label, ())
        rows.append((label, *time_case(losses.get(name, **params), torch_loss, arrays, kernels, n)))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10**3, 10**6, 10**7])
    args = parser.parse_args()
    torch.set_num_threads(1)
    rng = np.random.default_rng(0)
    print(f"numpy {np.__version__}, torch {torch.__version__} (1 thread), float64; medians of forward + backward")
    header = (f"{'n':>9} {'loss':<24} {'numpy':>10} {'torch':>10} {'pass':>10} {'floor':>10} {'numpy/torch':>12} "
              f"{'numpy/pass':>11} {'numpy/floor':>12}")
    print(header)
    print("-" * len(header))
    for n in args.sizes:
        for label, numpy_s, torch_s, pass_s, floor_s in bench(n, rng):
            floor = f"{_fmt(floor_s):>10}" if floor_s else f"{'-':>10}"
            floor_ratio = f"{numpy_s / floor_s:>12.2f}" if floor_s else f"{'-':>12}"
            print(f"{n:>9.0e} {label:<24} {_fmt(numpy_s):>10} {_fmt(torch_s):>10} {_fmt(pass_s):>10} {floor} "
                  f"{numpy_s / torch_s:>12.2f} {numpy_s / pass_s:>11.1f} {floor_ratio}")


def _fmt(seconds):
    if seconds < 1e-3:
        return f"{seconds * 1e6:.1f} us"
    return f"{seconds * 1e3:.2f} ms"


if __name__ == "__main__":
    main()
