"""The guide's URL keys: the wizard's three answers and the code's framework."""

from __future__ import annotations

from lossviz.labs.guide.content import TASKS, data_options, data_priorities
from lossviz.snippets import FRAMEWORKS
from lossviz.state import Following, Schema

GUIDE = Schema(
    choices={"task": (TASKS, TASKS[0]),
             "data": Following("task", {task: (data_options(task), data_options(task)[0])
                                        for task in TASKS}),
             "priority": Following("data", {data: (options, options[0])
                                            for data, options in data_priorities().items()}),
             "framework": (FRAMEWORKS, FRAMEWORKS[0])},
)
