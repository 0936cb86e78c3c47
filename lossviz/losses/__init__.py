"""The loss registry: every loss LossViz knows, by name.

    >>> from lossviz import losses
    >>> huber = losses.get("huber", delta=0.5)
    >>> huber.forward([0.0, 1.0], [0.2, 3.0])
    0.4475
"""

from lossviz.losses.base import CALL_SHAPES, TASKS, Combined, Loss, ParamSpec
from lossviz.losses.classification import (
    BCE,
    CCE,
    NLL,
    Focal,
    Hinge,
    MultilabelSoftMargin,
    MultiMargin,
    Poly1,
    SoftMargin,
    SoftmaxFocal,
    SquaredHinge,
)
from lossviz.losses.detection import DIoU, GIoU
from lossviz.losses.distribution import JS, KL
from lossviz.losses.embedding import Contrastive, CosineEmbedding, InfoNCE, Triplet
from lossviz.losses.generative import GAN
from lossviz.losses.ranking import BPR, MarginRanking
from lossviz.losses.regression import MAE, MSE, Barron, GaussianNLL, Huber, LogCosh, PoissonNLL, Quantile, SmoothL1
from lossviz.losses.segmentation import Dice, DiceBCE, FocalTversky, Jaccard, Tversky

__all__ = ["CALL_SHAPES", "TASKS", "Loss", "ParamSpec", "combine", "get", "loss_class", "names", "reference",
           "register", "registered"]

_REGISTRY: dict[str, type[Loss]] = {
    cls.name: cls
    for cls in (
        MSE, MAE, Huber, LogCosh, Quantile, Barron, SmoothL1, GaussianNLL, PoissonNLL,
        GIoU, DIoU,
        BCE, Focal, Hinge, CCE, SoftmaxFocal, Poly1, NLL, MultiMargin, SoftMargin, SquaredHinge,
        MultilabelSoftMargin,
        Dice, Jaccard, Tversky, DiceBCE, FocalTversky,
        KL, JS,
        Triplet, Contrastive, CosineEmbedding, InfoNCE,
        MarginRanking, BPR,
        GAN,
    )
}


def register(cls: type[Loss]) -> type[Loss]:
    """Add a loss class defined outside this package (a plug-in, a test's throwaway loss) under its
    name; a ValueError names one already taken. Returns the class, so it can decorate it."""
    if not cls.name or cls.name in _REGISTRY:
        raise ValueError(f"a loss needs a name of its own; got {cls.name!r}")
    if cls.task not in TASKS:
        raise ValueError(f"unknown task {cls.task!r}; choose one of {', '.join(TASKS)}")
    _REGISTRY[cls.name] = cls
    return cls


def registered() -> tuple[type[Loss], ...]:
    """Every registered loss class, in the registry's order (its table, then any registered later)."""
    return tuple(_REGISTRY.values())


def names(task: str | None = None) -> list[str]:
    """Registered loss names, sorted; only those of `task` when given."""
    if task is not None and task not in TASKS:
        raise ValueError(f"unknown task {task!r}; choose one of {', '.join(TASKS)}")
    return sorted(name for name, cls in _REGISTRY.items() if task is None or cls.task == task)


def loss_class(name: str) -> type[Loss]:
    """The class registered as `name` (its param_specs, latex and docs without an instance)."""
    if not isinstance(name, str) or name not in _REGISTRY:
        shown = repr(name) if len(repr(name)) <= 40 else repr(name)[:37] + "..."
        raise ValueError(f"unknown loss {shown}; choose one of {', '.join(names())}")
    return _REGISTRY[name]


def get(name: str, **params) -> Loss:
    """A configured instance of loss `name`; unknown names and invalid parameters raise ValueError."""
    return loss_class(name)(**params)


def combine(terms) -> Loss:
    """A loss whose forward and backward are the weighted sums of the given (weight, loss) pairs."""
    return Combined(terms)


def reference(name: str) -> str:
    """The papers or sources of loss `name`, as its docstring's References section gives them, on one line."""
    doc = loss_class(name).__doc__ or ""
    if "References:" not in doc:
        return ""
    return " ".join(doc.split("References:", 1)[1].split())
