"""A per-process limit on the heavy work visitors start (network training, sweeps), so that no
visitor can take every core: at most `limit` run at once, the others wait in arrival order and
know their place in the queue.

    >>> slots = Slots(2)
    >>> with slots.held():
    ...     pass
"""

from __future__ import annotations

import threading
from collections import deque
from contextlib import contextmanager

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
