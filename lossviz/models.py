"""A small torch MLP trained on LossViz's own loss math (through torch_bridge) or on torch's.

torch is imported inside the functions, so importing this module costs nothing until a network
is trained.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from lossviz.losses import ParamSpec
from lossviz.train import BINARY_METHODS, History, Objective

MLP_SPECS = {
    "hidden": ParamSpec(default=16, min=4, max=64, step=4, integer=True,
                        help="Units in each of the two hidden layers."),
    "epochs": ParamSpec(default=300, min=20, max=1000, step=20, integer=True, help="Full-batch Adam steps."),
}
GRID_POINTS = 60  # per side of the probability map
GRID_MARGIN = 0.3  # beyond the outermost points: no marker sits on the map's edge


@dataclass(frozen=True)
class NetworkRun:
    """A (possibly stopped) MLP run: losses per epoch, validation scores, and scores on a grid."""

    method: str
    values: np.ndarray
    val_values: np.ndarray
    val_scores: np.ndarray
    grid_x: np.ndarray
    grid_y: np.ndarray
    grid_scores: np.ndarray  # (GRID_POINTS, GRID_POINTS): binary score (logit or margin) per grid point
    stopped: bool = False

    def history(self) -> History:
        """The losses as a History (no parameters), for the charts that draw training runs."""
        return History(self.method, self.values, np.zeros((self.values.size, 0)), val_values=self.val_values)


def _network(inputs: int, hidden: int, outputs: int, seed: int):
    import torch

    torch.manual_seed(seed)
    return torch.nn.Sequential(torch.nn.Linear(inputs, hidden), torch.nn.Tanh(), torch.nn.Linear(hidden, hidden),
                               torch.nn.Tanh(), torch.nn.Linear(hidden, outputs)).double()


def _criterion(goal: Objective, bridge: bool):
    """(labels tensor, scores tensor) -> loss tensor, through the bridge or torch's reference."""
    import torch

    from lossviz.torch_bridge import as_module, reference_forward

    module = as_module(goal.loss) if bridge else None

    def criterion(labels, scores):
        if goal.method == "smoothed_bce":  # two-class cross-entropy on logits (0, score)
            scores = torch.stack([torch.zeros_like(scores), scores], dim=1)
        if bridge:
            return module(labels, scores)
        return reference_forward(goal.loss.name, goal.loss.params, labels, scores)

    return criterion


def train_mlp(goal: Objective, data, *, hidden: int = 16, epochs: int = 300, lr: float = 0.02, seed: int = 0,
              bridge: bool = True, report_every: int = 10,
              on_progress: Callable[[int, Callable[[], NetworkRun]], bool] | None = None) -> NetworkRun:
    """Train a 2-hidden-layer tanh MLP with full-batch Adam on a binary `goal`.

    Every `report_every` epochs `on_progress(epoch, partial)` is called, `partial()` giving the
    run so far (marked stopped), for a caller that may be interrupted; when it returns False,
    training stops there. With `bridge` the loss is LossViz's numpy math through
    torch_bridge.as_module, otherwise torch's reference.
    """
    import torch

    torch.set_num_threads(1)  # one core per training: with two slots a visitor cannot take the machine
    if goal.method not in BINARY_METHODS:
        raise ValueError(f"train_mlp trains binary methods ({', '.join(BINARY_METHODS)}); got {goal.method}")
    hidden = MLP_SPECS["hidden"].validate("hidden", hidden)
    epochs = MLP_SPECS["epochs"].validate("epochs", epochs)
    label_dtype = torch.long if goal.method == "smoothed_bce" else torch.float64
    x, x_val = torch.from_numpy(data.x), torch.from_numpy(data.x_val)
    y, y_val = (torch.as_tensor(labels, dtype=label_dtype) for labels in (data.y, data.y_val))
    network = _network(x.shape[1], hidden, 1, seed)
    optimizer = torch.optim.Adam(network.parameters(), lr=lr)
    criterion = _criterion(goal, bridge)
    values, val_values = [], []
    low = np.minimum(data.x.min(axis=0), data.x_val.min(axis=0)) - GRID_MARGIN
    high = np.maximum(data.x.max(axis=0), data.x_val.max(axis=0)) + GRID_MARGIN
    grid_x, grid_y = np.linspace(low[0], high[0], GRID_POINTS), np.linspace(low[1], high[1], GRID_POINTS)
    grid = torch.from_numpy(np.stack(np.meshgrid(grid_x, grid_y), axis=-1).reshape(-1, 2))

    def run(stopped: bool) -> NetworkRun:
        with torch.no_grad():
            val_scores = network(x_val)[:, 0].numpy()
            grid_scores = network(grid)[:, 0].numpy().reshape(GRID_POINTS, GRID_POINTS)
        return NetworkRun(goal.method, np.array(values), np.array(val_values), val_scores, grid_x, grid_y,
                          grid_scores, stopped)

    for epoch in range(epochs):
        optimizer.zero_grad()
        loss = criterion(y, network(x)[:, 0])
        loss.backward()
        optimizer.step()
        values.append(loss.item())
        with torch.no_grad():
            val_values.append(criterion(y_val, network(x_val)[:, 0]).item())
        if on_progress is not None and (epoch + 1) % report_every == 0 and epoch + 1 < epochs \
                and on_progress(epoch + 1, lambda: run(stopped=True)) is False:
            return run(stopped=True)
    return run(stopped=False)
