"""The gallery's URL keys: the task, its losses and axis, their parameters, the loss looked at closely."""

from __future__ import annotations

from lossviz.curves import DEFAULT_LOSSES, TASK_AXES, TASK_LOSSES, entry_param_specs
from lossviz.state import Following, Schema

GALLERY_DETAIL_TABS = ("explain", "code", "check")
GALLERY = Schema(
    choices={"task": (tuple(TASK_LOSSES), "regression"),
             "axis": Following("task", {task: (axes, axes[0]) for task, axes in TASK_AXES.items()}),
             # the loss "A closer look" shows, and what it shows of it
             "detail": Following("task", {task: (names, DEFAULT_LOSSES[task][0])
                                          for task, names in TASK_LOSSES.items()}),
             "detail_tab": (GALLERY_DETAIL_TABS, GALLERY_DETAIL_TABS[0])},
    lists={"losses": Following("task", {task: (names, DEFAULT_LOSSES[task])
                                        for task, names in TASK_LOSSES.items()})},
    param_specs=entry_param_specs(),
)
