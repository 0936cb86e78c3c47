"""What every lab's training shares: a run recorded as a History (the loss and the parameters at every
epoch) by full-batch descent, its CSV, the seed tables of a sweep, the stops of a dragged slider,
and the slots that bound how much heavy work runs at once."""

from __future__ import annotations

import math
import threading
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np

from lossviz import optim
from lossviz.losses import ParamSpec
from lossviz.tables import csv_text

# every lab's epochs: its own default and maximum within this range (dataclasses.replace)
EPOCHS = ParamSpec(default=300, min=10, max=2000, step=10, integer=True, help="Passes over the data.")
# A run has diverged once its loss is not finite or has grown this many times beyond its start.
DIVERGENCE_FACTOR = 1e6


@dataclass(frozen=True)
class History:
    """One training run: the loss and the parameters at the start of every epoch and at the end.

    `params` rows are (w_1, ..., w_d, b). A diverged run stops early: `diverged_at` is the
    epoch whose loss was not finite or exploded, and the arrays end just before it.
    """

    loss: str
    values: np.ndarray
    params: np.ndarray
    diverged_at: int | None = None
    val_values: np.ndarray | None = None  # classifiers: the validation loss at every epoch

    @property
    def epochs_run(self) -> int:
        return len(self.values) - 1

    @property
    def slopes(self) -> np.ndarray:
        return self.params[-1, :-1]

    @property
    def intercept(self) -> float:
        return float(self.params[-1, -1])

    def relative_values(self) -> np.ndarray:
        """The loss per epoch divided by its starting value, so losses of any scale compare."""
        start = self.values[0]
        return self.values / start if start > 0 else self.values.copy()


def descend(name: str, loss_and_gradient, size: int, *, optimizer: str, lr: float, momentum: float,
            epochs: int, start: np.ndarray | None = None) -> History:
    """Full-batch descent on `size` parameters from `start` (zeros by default), recorded as a History.

    `loss_and_gradient(theta)` gives the mean training loss and its gradient with respect to
    theta. The run stops at the first epoch whose loss is not finite or has grown
    DIVERGENCE_FACTOR times beyond its start in size.
    """
    epochs = EPOCHS.validate("epochs", epochs)
    stepper = optim.make(optimizer, lr=lr, momentum=momentum)
    theta = np.zeros(size) if start is None else np.array(start, dtype=np.float64)
    values, params = np.empty(epochs + 1), np.empty((epochs + 1, size))
    limit = math.inf
    with np.errstate(over="ignore", invalid="ignore"):
        for epoch in range(epochs + 1):
            value, grad = loss_and_gradient(theta)
            if not abs(value) <= limit:  # also catches NaN
                return History(name, values[:epoch].copy(), params[:epoch].copy(), diverged_at=epoch)
            values[epoch] = value
            params[epoch] = theta
            if epoch == 0 and value != 0:  # a typed loss may be negative: its size counts
                limit = DIVERGENCE_FACTOR * abs(value)
            if epoch < epochs:
                stepper.step(theta, grad)
    return History(name, values, params)


LINE_PARAMS = ("slope", "intercept")  # a History's params of a line fitted to one feature


def history_csv(histories: list[History], param_names: tuple[str, ...] = LINE_PARAMS,
                settings: dict[str, str] | None = None) -> str:
    """The runs as CSV: one row per epoch; each run's loss, validation loss where it has one, and
    parameters under `param_names` (empty once diverged). `settings` (the page's URL query) head the
    file as a comment line, so the file says how to reproduce it."""
    validated = [history.val_values is not None for history in histories]
    columns = [["loss", *(["validation_loss"] if has_validation else []), *param_names]
               for has_validation in validated]
    header = ["epoch", *(f"{history.loss}_{column}" for history, names in zip(histories, columns, strict=True)
                         for column in names)]
    rows = []
    for epoch in range(max((history.epochs_run + 1 for history in histories), default=0)):
        row = [epoch]
        for history, names, has_validation in zip(histories, columns, validated, strict=True):
            if epoch <= history.epochs_run:
                values = (history.values[epoch], *([history.val_values[epoch]] if has_validation else []),
                          *history.params[epoch])
                row += [f"{value:.10g}" for value in values]
            else:
                row += [""] * len(names)
        rows.append(row)
    return csv_text(header, rows, settings)


NO_VALUE = "—"


def not_converging(history: History) -> bool:
    """A run that finished without diverging but ended no lower than it started (it oscillates)."""
    return history.diverged_at is None and history.values[-1] >= history.values[0]


SWEEP_SEEDS = 5  # data sets per sweep point (consecutive seeds): a mean, a spread, and a verdict from both
SWEEP_MAX_EPOCHS = 300  # per run of a sweep: every lab model settles well within it, and a sweep stays a few seconds


def sweep_training(training: dict) -> dict:
    """The training settings of a sweep's runs: the lab's, with at most SWEEP_MAX_EPOCHS epochs."""
    return {**training, "epochs": min(training.get("epochs", SWEEP_MAX_EPOCHS), SWEEP_MAX_EPOCHS)}


class SeedTable:
    """A measure over sweep points and seeds, `values[point, seed]`, NaN where a run diverged."""

    def __init__(self, values: np.ndarray):
        self.values = values

    @property
    def runs(self) -> np.ndarray:
        """Runs that finished, per point."""
        return np.sum(~np.isnan(self.values), axis=-1)

    @property
    def lost(self) -> np.ndarray:
        """Runs that did not finish (diverged), per point."""
        return self.values.shape[-1] - self.runs

    @property
    def mean(self) -> np.ndarray:
        """Mean over the finished runs of each point (NaN where none finished)."""
        total = np.where(np.isnan(self.values), 0.0, self.values).sum(axis=-1)
        return np.divide(total, self.runs, out=np.full(total.shape, np.nan), where=self.runs > 0)

    @property
    def spread(self) -> np.ndarray:
        """Standard deviation over the finished runs of each point (0 for a single run)."""
        centred = np.where(np.isnan(self.values), 0.0, self.values - self.mean[..., None])
        return np.sqrt(np.divide((centred ** 2).sum(axis=-1), np.maximum(self.runs - 1, 1)))


DRAG_FRAMES = 41  # stops of a dragged slider whose curves the chart holds: a step of 2.5 % of its range


def drag_stops(spec: ParamSpec, most: int = DRAG_FRAMES) -> list[float]:
    """The values of a slider at which its chart holds curves for dragging: every stop of a log
    slider, else at most `most` evenly spread stops, both ends included."""
    if spec.log:
        return spec.log_steps()
    return sorted({spec.snap(value) for value in np.linspace(spec.min, spec.max, most)})


TRAINING_SLOTS_PER_PROCESS = 2  # two cores per pod (deploy/k8s): one training each


class Slots:
    """At most `limit` holders at once; waiters are served first come, first served."""

    def __init__(self, limit: int):
        if limit < 1:
            raise ValueError(f"a slot limit must be at least 1; got {limit}")
        self.limit = limit
        self._condition = threading.Condition()
        self._holders = 0
        self._queue: deque = deque()

    @property
    def busy(self) -> int:
        """How many hold a slot now."""
        with self._condition:
            return self._holders

    @property
    def waiting(self) -> int:
        with self._condition:
            return len(self._queue)

    @contextmanager
    def held(self, on_wait=None, poll: float = 0.25):
        """Hold a slot for the block; while none is free, call `on_wait(position)` (1 = next) every
        `poll` seconds. An exception while waiting (the visitor stopped) gives the place up."""
        ticket = object()
        acquired = False
        try:
            while True:
                with self._condition:
                    if ticket not in self._queue:
                        self._queue.append(ticket)
                    position = self._queue.index(ticket) + 1
                    if position == 1 and self._holders < self.limit:
                        self._queue.popleft()
                        self._holders += 1
                        acquired = True
                        break
                if on_wait is not None:
                    on_wait(position)
                with self._condition:
                    self._condition.wait(poll)
            yield
        finally:
            with self._condition:
                if acquired:
                    self._holders -= 1
                elif ticket in self._queue:
                    self._queue.remove(ticket)
                self._condition.notify_all()


TRAINING_SLOTS = Slots(TRAINING_SLOTS_PER_PROCESS)


TRAINING_KEYS = ("optimizer", "lr", "momentum", "epochs")
