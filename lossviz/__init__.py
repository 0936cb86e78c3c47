"""LossViz: the numpy core of an interactive explorer of machine-learning loss functions."""

__version__ = "0.1.0"
