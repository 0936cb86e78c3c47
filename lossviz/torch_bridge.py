"""Run a LossViz loss inside torch autograd, so torch models train on the project's own math.

    >>> from lossviz import losses
    >>> from lossviz.torch_bridge import as_module
    >>> criterion = as_module(losses.get("huber", delta=0.5))
    >>> loss = criterion(y_true, model(x))   # same argument order as Loss.forward
    >>> loss.backward()                     # calls the hand-derived numpy backward

torch is imported inside the functions here, so importing lossviz never loads it.
"""

from __future__ import annotations

import functools

from lossviz.losses import Loss


@functools.cache
def _classes():
    import torch

    class NumpyLossFunction(torch.autograd.Function):
        """forward: loss.forward on numpy copies; backward: loss.backward, chained with grad_output."""

        @staticmethod
        def forward(ctx, loss, *tensors):
            arrays = [tensor.detach().cpu().numpy() for tensor in tensors]
            ctx.loss = loss
            ctx.arrays = arrays
            ctx.dtypes = [tensor.dtype for tensor in tensors]
            ctx.devices = [tensor.device for tensor in tensors]
            reference = tensors[-1]
            return torch.tensor(loss.forward(*arrays), dtype=reference.dtype, device=reference.device)

        @staticmethod
        @torch.autograd.function.once_differentiable
        def backward(ctx, grad_output):
            grads = ctx.loss.backward(*ctx.arrays)
            if not isinstance(grads, tuple):  # (y_true, y_pred) losses: only y_pred gets a gradient
                grads = (None,) * (len(ctx.arrays) - 1) + (grads,)
            scale = grad_output.item()
            converted = [
                None if grad is None or not ctx.needs_input_grad[index + 1]
                else torch.from_numpy(grad * scale).to(dtype=ctx.dtypes[index], device=ctx.devices[index])
                for index, grad in enumerate(grads)
            ]
            return (None, *converted)

    class LossModule(torch.nn.Module):
        """A torch.nn.Module around a LossViz loss: module(y_true, y_pred) or module(a, p, n)."""

        def __init__(self, loss: Loss):
            super().__init__()
            self.loss = loss

        def forward(self, *tensors):
            return NumpyLossFunction.apply(self.loss, *tensors)

        def extra_repr(self) -> str:
            return repr(self.loss)

    return NumpyLossFunction, LossModule


def as_module(loss: Loss):
    """`loss` as a torch.nn.Module whose backward is the loss's own hand-derived gradient.

    Accepts float32 and float64 tensors; the value and each gradient come back in the dtype of
    the tensor they belong to (the gradient of y_pred in y_pred's dtype).
    """
    if not isinstance(loss, Loss):
        raise ValueError(f"as_module needs a lossviz Loss (from losses.get); got {type(loss).__name__}")
    return _classes()[1](loss)
