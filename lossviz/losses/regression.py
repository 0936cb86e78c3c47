"""Regression losses: functions of the residual r = y_pred - y_true, averaged over all elements."""

import math

import numpy as np

from lossviz.losses.base import Loss, ParamSpec, as_array, check_finite, check_same_shape
from lossviz.numerics import POISSON_EPS, exprel, log_cosh


def residual(y_true, y_pred, *, validate: bool = True) -> np.ndarray:
    """y_pred - y_true as a new float64 array; both inputs have the same shape.

    With `validate`, NaN or infinite inputs raise ValueError. The check sums the residual (one
    pass, no temporary) and inspects the inputs only when that sum is not finite.
    """
    y_true = as_array("y_true", y_true)
    y_pred = as_array("y_pred", y_pred)
    check_same_shape(y_true, y_pred)
    r = np.subtract(y_pred, y_true)
    if validate:
        with np.errstate(over="ignore", invalid="ignore"):
            total = np.add.reduce(r, axis=None)
        if not math.isfinite(total):
            require_finite_inputs(y_true, y_pred)
    return r


def require_finite_inputs(y_true, y_pred) -> None:
    """Raise ValueError if either input holds NaN or inf (a non-finite result may just overflow)."""
    check_finite("y_true", as_array("y_true", y_true))
    check_finite("y_pred", as_array("y_pred", y_pred))


# Huber's delta and smooth L1's beta: where the loss turns from quadratic to linear
TRANSITION = ParamSpec(default=1.0, min=0.05, max=10.0, step=0.05,
                       help="Residual size where the loss turns from quadratic to linear.")

class RegressionLoss(Loss):
    """A loss of the residual alone.

    Subclasses define `_value(r)` (element-wise loss) and `_slope(r, scale)` (scale times its
    derivative, reusing r's memory); `_total(r)`, given r flattened, may give a faster sum than
    `_value(r).sum()`.
    Training calls these thousands of times, so each is written to make few passes over memory.
    """

    task = "regression"

    def forward(self, y_true, y_pred) -> float:
        r = residual(y_true, y_pred, validate=False).reshape(-1)  # a view: r is a new array
        with np.errstate(invalid="ignore", over="ignore"):
            total = self._total(r)
        if not math.isfinite(total):  # validation only on this rare path: NaN input ends here
            require_finite_inputs(y_true, y_pred)
        return total / r.size

    def elementwise(self, y_true, y_pred) -> np.ndarray:
        return self._value(residual(y_true, y_pred))

    def backward(self, y_true, y_pred) -> np.ndarray:
        r = residual(y_true, y_pred)
        return self._slope(r, 1.0 / r.size)

    def value_and_slope(self, r: np.ndarray, y_true: np.ndarray | None = None) -> tuple[float, np.ndarray]:
        """The mean loss and its gradient with respect to y_pred, from the residual r = y_pred - y_true
        (and `y_true`, which only a loss typed in the workbench may read).

        For training loops that own `r` (a 1-D float64 array): it is not validated, and it is
        overwritten.
        """
        scale = 1.0 / r.size
        slope = self._slope(r.copy(), scale)
        return self._total(r) * scale, slope

    def _total(self, r) -> float:
        return float(self._value(r).sum())

    def _value(self, r):
        raise NotImplementedError

    def _slope(self, r, scale):
        raise NotImplementedError


class MSE(RegressionLoss):
    """Mean squared error.

    Domain: y_true, y_pred real, same shape. Residual r = y_pred - y_true.
    Notes: the maximum-likelihood loss under Gaussian noise; a single large residual dominates
        the mean, so outliers pull the fit. Matches torch.nn.MSELoss.
    References: A.-M. Legendre, Nouvelles méthodes pour la détermination des orbites des
        comètes, 1805.
    """

    name = "mse"
    latex = r"L = \frac{1}{n}\sum_i (\hat y_i - y_i)^2"
    grad_latex = r"\frac{\partial L}{\partial \hat y_i} = \frac{2}{n}(\hat y_i - y_i)"

    def _total(self, r):
        return float(np.dot(r, r))

    def _value(self, r):
        return np.square(r, out=r)

    def _slope(self, r, scale):
        return np.multiply(r, 2.0 * scale, out=r)


class MAE(RegressionLoss):
    """Mean absolute error.

    Domain: y_true, y_pred real, same shape. Residual r = y_pred - y_true.
    Notes: the maximum-likelihood loss under Laplace noise; its minimiser is the median, so it
        resists outliers. At r = 0 the subgradient 0 is chosen, as torch.nn.L1Loss does.
    References: P.-S. Laplace, Traité de mécanique céleste, 1799.
    """

    name = "mae"
    latex = r"L = \frac{1}{n}\sum_i \lvert \hat y_i - y_i \rvert"
    grad_latex = r"\frac{\partial L}{\partial \hat y_i} = \frac{1}{n}\operatorname{sign}(\hat y_i - y_i)"

    def _total(self, r):
        return float(np.abs(r, out=r).sum())

    def _value(self, r):
        return np.abs(r, out=r)

    def _slope(self, r, scale):
        slope = np.sign(r)  # numpy's in-place sign takes a slow path
        slope *= scale
        return slope


class Huber(RegressionLoss):
    """Huber loss: quadratic near zero, linear beyond delta.

    Domain: y_true, y_pred real, same shape. Residual r = y_pred - y_true.
    Notes: 0.5 r^2 for |r| <= delta, delta (|r| - delta / 2) beyond, as torch.nn.HuberLoss.
        Equals MSE/2 when delta exceeds every |r|; tends to delta * MAE as delta -> 0.
        The gradient is r clipped to [-delta, delta]. Huber's rule of thumb, delta = 1.35 sigma for
        Gaussian noise of standard deviation sigma, keeps 95 % of MSE's efficiency on clean data.
    References: P. J. Huber, Robust Estimation of a Location Parameter, 1964.
    """

    name = "huber"
    param_specs = {
        "delta": TRANSITION,
    }
    latex = (r"L = \frac{1}{n}\sum_i \begin{cases} \tfrac12 r_i^2 & |r_i| \le \delta \\ "
             r"\delta\,(|r_i| - \tfrac12\delta) & |r_i| > \delta \end{cases},\quad r_i = \hat y_i - y_i")
    grad_latex = r"\frac{\partial L}{\partial \hat y_i} = \frac{1}{n}\operatorname{clip}(r_i, -\delta, \delta)"

    RULE_FACTOR = 1.35  # Huber's rule of thumb: delta = 1.35 sigma

    @classmethod
    def rule_of_thumb(cls, noise_std: float) -> float:
        """Huber's delta = RULE_FACTOR sigma for noise of standard deviation `noise_std`, on the slider's steps."""
        return cls.param_specs["delta"].snap(cls.RULE_FACTOR * noise_std)

    # With q = min(|r|, delta), 0.5 q^2 + delta (|r| - q) equals both branches.

    def _total(self, r):
        size = np.abs(r, out=r)
        quadratic = np.minimum(size, self.delta)
        return float(0.5 * np.dot(quadratic, quadratic) + self.delta * (size.sum() - quadratic.sum()))

    def _value(self, r):
        size = np.abs(r, out=r)
        quadratic = np.minimum(size, self.delta)
        size -= quadratic
        size *= self.delta
        quadratic *= quadratic
        quadratic *= 0.5
        return np.add(quadratic, size, out=quadratic)

    def _slope(self, r, scale):
        np.clip(r, -self.delta, self.delta, out=r)
        return np.multiply(r, scale, out=r)


class LogCosh(RegressionLoss):
    """Log-cosh loss: like r^2 / 2 near zero and like |r| - log 2 far away, smooth everywhere.

    Domain: y_true, y_pred real, same shape. Residual r = y_pred - y_true.
    Notes: computed as logaddexp(r, -r) - log 2, so large residuals do not overflow cosh.
        Its gradient tanh(r) is bounded by 1, like MAE's, but continuous.
    References: P. Chen, G. Chen, S. Zhang, Log Hyperbolic Cosine Loss Improves Variational
        Auto-Encoder, 2019.
    """

    name = "log_cosh"
    latex = r"L = \frac{1}{n}\sum_i \log\cosh(\hat y_i - y_i)"
    grad_latex = r"\frac{\partial L}{\partial \hat y_i} = \frac{1}{n}\tanh(\hat y_i - y_i)"

    def _value(self, r):
        return log_cosh(r)

    def _slope(self, r, scale):
        np.tanh(r, out=r)
        return np.multiply(r, scale, out=r)

    def value_and_slope(self, r, y_true=None):
        # With t = expm1(-2|r|): log cosh r = |r| + log(2 + t) - log 2 and tanh r = -sign(r) t / (2 + t),
        # so one transcendental call serves both (training calls this every epoch); expm1 keeps
        # tanh accurate for tiny r, where 1 - exp(-2|r|) would cancel.
        scale = 1.0 / r.size
        size = np.abs(r)
        total = float(size.sum())
        t = np.expm1(np.multiply(size, -2.0, out=size), out=size)
        two_plus = t + 2.0
        total += float(np.log(two_plus).sum()) - math.log(2.0) * r.size
        t /= two_plus
        t *= -scale
        return total * scale, np.copysign(t, r, out=t)


class Quantile(RegressionLoss):
    """Quantile (pinball) loss: its minimiser is the q-th quantile of y given x.

    Domain: y_true, y_pred real, same shape; q in (0, 1).
    Notes: with u = y_true - y_pred the loss is max(q u, (q - 1) u): under-prediction costs q per
        unit, over-prediction 1 - q. q = 0.5 gives MAE / 2. At u = 0 the subgradient 0.5 - q is
        chosen (the middle of the subdifferential, and 0 for q = 0.5 like MAE).
    References: R. Koenker, G. Bassett, Regression Quantiles, 1978.
    """

    name = "quantile"
    param_specs = {
        "q": ParamSpec(default=0.5, min=0.01, max=0.99, step=0.01,
                       help="Target quantile: above 0.5 under-prediction costs more."),
    }
    latex = (r"L = \frac{1}{n}\sum_i \max\big(q\,u_i,\,(q-1)\,u_i\big),\quad u_i = y_i - \hat y_i")
    grad_latex = (r"\frac{\partial L}{\partial \hat y_i} = \frac{1}{n}\begin{cases} -q & u_i > 0 \\ "
                  r"1 - q & u_i < 0 \end{cases}")

    # In r = y_pred - y_true = -u the loss is max(-q r, (1 - q) r) = r * w(r), where the slope
    # w(r) = (sign(r) + 1 - 2q) / 2 is 1 - q above zero, -q below and 0.5 - q at zero.

    def _slope(self, r, scale):
        weight = np.sign(r)
        weight += 1.0 - 2.0 * self.q
        weight *= 0.5 * scale
        return weight

    def _value(self, r):
        return np.multiply(r, self._slope(r, 1.0), out=r)

    def _total(self, r):
        return float(np.dot(r, self._slope(r, 1.0)))

    def value_and_slope(self, r, y_true=None):
        scale = 1.0 / r.size
        weight = self._slope(r, 1.0)
        return float(np.dot(r, weight)) * scale, np.multiply(weight, scale, out=weight)


class Barron(RegressionLoss):
    """Barron's general and adaptive robust loss, one shape parameter for a whole family.

    Domain: y_true, y_pred real, same shape; alpha in [-10, 4], scale c > 0.
    Notes: rho(r) = |a-2|/a * (((r/c)^2 / |a-2| + 1)^(a/2) - 1). a = 2 is L2 (r^2 / 2c^2),
        a = 1 pseudo-Huber (Charbonnier), a = 0 Cauchy (log(r^2 / 2c^2 + 1)), a = -2 Geman-McClure;
        as a falls the loss saturates and large residuals lose their pull. a = 2 and a = 0 use
        their exact limit formulas and a = 1 its square-root form; elsewhere log1p and exprel
        keep accuracy near those points.
    References: J. T. Barron, A General and Adaptive Robust Loss Function, CVPR 2019.
    """

    name = "barron"
    param_specs = {
        "alpha": ParamSpec(default=1.0, min=-10.0, max=4.0, step=0.1,
                           help="Shape: 2 is L2, 1 pseudo-Huber, 0 Cauchy, negative values saturate."),
        "scale": ParamSpec(default=1.0, min=0.05, max=10.0, step=0.05,
                           help="Width c of the quadratic bowl around zero."),
    }
    latex = (r"L = \frac{1}{n}\sum_i \frac{|\alpha-2|}{\alpha}"
             r"\left[\left(\frac{(r_i/c)^2}{|\alpha-2|}+1\right)^{\alpha/2}"
             r"-1\right],\quad r_i = \hat y_i - y_i;\qquad "
             r"\alpha = 2:\ \frac{r_i^2}{2c^2},\quad \alpha = 0:\ \log\!\Big(\tfrac12 (r_i/c)^2 + 1\Big)")
    grad_latex = (r"\frac{\partial L}{\partial \hat y_i} = \frac{1}{n}\,\frac{r_i}{c^2}"
                  r"\left(\frac{(r_i/c)^2}{|\alpha-2|}+1\right)^{\alpha/2-1}")

    def _value(self, r):
        alpha = self.alpha
        squared = np.square(r / self.scale)  # z = (r / c)^2
        if alpha == 2.0:
            return np.multiply(squared, 0.5, out=squared)
        if alpha == 0.0:
            return np.log1p(np.multiply(squared, 0.5, out=squared), out=squared)
        if alpha == 1.0:
            # sqrt(z + 1) - 1 = z / (sqrt(z + 1) + 1), without cancellation at small z
            root = np.sqrt(squared + 1.0)
            root += 1.0
            return np.divide(squared, root, out=squared)
        gap = abs(alpha - 2.0)
        # gap/a * expm1(a L / 2) with L = log1p(z / gap), written as gap L / 2 * exprel(a L / 2) so
        # that no division by a tiny alpha can overflow
        half_log = np.log1p(np.divide(squared, gap, out=squared), out=squared)
        half_log *= 0.5
        return gap * half_log * exprel(alpha * half_log)

    def value_and_slope(self, r, y_true=None):
        if self.alpha != 1.0:
            return super().value_and_slope(r)
        # pseudo-Huber, the default: value and slope share sqrt(z + 1)
        scale = 1.0 / r.size
        squared = np.square(r)
        squared *= 1.0 / self.scale**2
        root = np.sqrt(squared + 1.0)
        slope = np.divide(r, root, out=r)
        slope *= scale / self.scale**2
        root += 1.0
        return float(np.divide(squared, root, out=squared).sum()) * scale, slope

    def _slope(self, r, scale):
        # d rho / d r = r / c^2 * (z / |a - 2| + 1)^(a/2 - 1)
        alpha = self.alpha
        factor = scale / self.scale**2
        if alpha == 2.0:
            return np.multiply(r, factor, out=r)
        if alpha == 0.0:
            # r / c^2 / (z / 2 + 1) = 2 r / (r^2 + 2 c^2)
            return 2.0 * scale * r / (np.square(r) + 2.0 * self.scale**2)
        squared = np.square(r)
        squared *= 1.0 / self.scale**2
        if alpha == 1.0:
            squared += 1.0
            np.sqrt(squared, out=squared)
            np.divide(factor, squared, out=squared)
            return np.multiply(r, squared, out=squared)
        gap = abs(alpha - 2.0)
        # the power through exp(log1p(.)), accurate when z / gap is small
        weight = np.exp(np.multiply(np.log1p(np.divide(squared, gap, out=squared), out=squared),
                                    alpha / 2.0 - 1.0, out=squared), out=squared)
        weight *= factor
        return np.multiply(r, weight, out=weight)


class SmoothL1(RegressionLoss):
    """Smooth L1 loss: Huber divided by its threshold, so the linear part has slope 1.

    Domain: y_true, y_pred real, same shape. Residual r = y_pred - y_true.
    Notes: 0.5 r^2 / beta for |r| < beta, |r| - beta / 2 beyond, as torch.nn.SmoothL1Loss(beta).
        It equals huber(delta=beta) / beta: the same shape, but the far residuals keep MAE's
        slope 1 for every beta, and shrinking beta turns it into MAE (Huber shrinks toward 0).
        Fast R-CNN used it for box offsets.
    References: R. Girshick, Fast R-CNN, ICCV 2015.
    """

    name = "smooth_l1"
    param_specs = {
        "beta": TRANSITION,
    }
    latex = (r"L = \frac{1}{n}\sum_i \begin{cases} \dfrac{r_i^2}{2\beta} & |r_i| < \beta \\ "
             r"|r_i| - \tfrac12\beta & |r_i| \ge \beta \end{cases},\quad r_i = \hat y_i - y_i")
    grad_latex = (r"\frac{\partial L}{\partial \hat y_i} = \frac{1}{n}\operatorname{clip}"
                  r"\Big(\frac{r_i}{\beta}, -1, 1\Big)")

    # With q = min(|r|, beta): q^2 / (2 beta) + |r| - q equals both branches.

    def _total(self, r):
        size = np.abs(r, out=r)
        quadratic = np.minimum(size, self.beta)
        return float(np.dot(quadratic, quadratic) / (2.0 * self.beta) + (size.sum() - quadratic.sum()))

    def _value(self, r):
        size = np.abs(r, out=r)
        quadratic = np.minimum(size, self.beta)
        size -= quadratic
        quadratic *= quadratic
        quadratic *= 0.5 / self.beta
        return np.add(quadratic, size, out=quadratic)

    def _slope(self, r, scale):
        np.clip(r, -self.beta, self.beta, out=r)
        return np.multiply(r, scale / self.beta, out=r)


class GaussianNLL(RegressionLoss):
    """Gaussian negative log-likelihood with a fixed variance.

    Domain: y_true, y_pred real, same shape (y_pred is the predicted mean); var > 0.
    Notes: 0.5 (log var + r^2 / var), torch.nn.GaussianNLLLoss(full=False, eps=1e-6) with the
        variance tensor filled with var; the constant 0.5 log 2 pi is left out, so values may be
        negative when var < 1. With a fixed variance it is MSE / (2 var) plus a constant: the
        gradient is r / var. A network that also predicts var per sample learns where it is
        unsure; that is the usual reason to choose this loss.
    References: D. A. Nix, A. S. Weigend, Estimating the Mean and Variance of the Target
        Probability Distribution, ICNN 1994.
    """

    name = "gaussian_nll"
    param_specs = {
        "var": ParamSpec(default=1.0, min=0.01, max=10.0, step=0.01, log=True,
                         help="Variance of the predicted Gaussian; a small variance makes every miss costly."),
    }
    latex = (r"L = \frac{1}{n}\sum_i \frac12\Big(\log \sigma^2 + \frac{(\hat y_i - y_i)^2}{\sigma^2}\Big)")
    grad_latex = r"\frac{\partial L}{\partial \hat y_i} = \frac{1}{n}\,\frac{\hat y_i - y_i}{\sigma^2}"

    def _total(self, r):
        return 0.5 * (math.log(self.var) * r.size + float(np.dot(r, r)) / self.var)

    def _value(self, r):
        np.square(r, out=r)
        r *= 0.5 / self.var
        r += 0.5 * math.log(self.var)
        return r

    def _slope(self, r, scale):
        return np.multiply(r, scale / self.var, out=r)


LOG_RATE_LIMIT = 700.0
"""Largest log-rate poisson_nll accepts: exp(700) ~ 1e304, so the mean of many values stays finite."""


class PoissonNLL(Loss):
    """Poisson negative log-likelihood of counts, from a predicted log-rate (or rate).

    Domain: y_true counts >= 0; y_pred the log-rate log(lambda) (log_input=True, at most 700),
        or the rate lambda >= 0 (log_input=False); same shape.
    Notes: log_input=True: exp(x) - y x; log_input=False: lambda - y log(lambda + 1e-8), as
        torch.nn.PoissonNLLLoss(log_input, full=False, eps=1e-8), which also leaves out the
        constant log(y!). The minimiser is lambda = y, and the loss grows only like log(lambda)
        below the count but like lambda above it. Log-rates above 700 are refused: exp of them
        overflows any sum.
    References: P. McCullagh, J. A. Nelder, Generalized Linear Models, 2nd ed., 1989, ch. 6.
    """

    name = "poisson_nll"
    task = "regression"
    flags = {"log_input": True}
    latex = (r"L = \frac{1}{n}\sum_i \big(e^{x_i} - y_i x_i\big),\quad x_i = \log\hat\lambda_i"
             r"\qquad \text{(from rates: } \hat\lambda_i - y_i\log(\hat\lambda_i + \epsilon)\text{)}")
    grad_latex = (r"\frac{\partial L}{\partial x_i} = \frac{1}{n}\big(e^{x_i} - y_i\big),\qquad "
                  r"\frac{\partial L}{\partial \hat\lambda_i} = "
                  r"\frac{1}{n}\Big(1 - \frac{y_i}{\hat\lambda_i + \epsilon}\Big)")

    def _inputs(self, y_true, y_pred):
        y_true = as_array("y_true", y_true)
        y_pred = as_array("y_pred", y_pred)
        check_same_shape(y_true, y_pred)
        check_finite("y_true", y_true)
        check_finite("y_pred", y_pred)
        if y_true.min() < 0:
            raise ValueError(f"y_true must hold counts >= 0; found {y_true.min():g}")
        if self.log_input and y_pred.max() > LOG_RATE_LIMIT:
            raise ValueError(f"y_pred holds log-rates up to {y_pred.max():g}; exp overflows above "
                             f"{LOG_RATE_LIMIT:g} (pass log_input=False for rates)")
        if not self.log_input and y_pred.min() < 0:
            raise ValueError(f"y_pred must hold rates >= 0 when log_input=False; found {y_pred.min():g} "
                             "(pass log_input=True for log-rates)")
        return y_true, y_pred

    def elementwise(self, y_true, y_pred):
        y_true, y_pred = self._inputs(y_true, y_pred)
        if self.log_input:
            return np.exp(y_pred) - y_true * y_pred
        return y_pred - y_true * np.log(y_pred + POISSON_EPS)

    def forward(self, y_true, y_pred) -> float:
        values = self.elementwise(y_true, y_pred)
        mean = float(np.mean(values))
        # near the log-rate limit the sum of many values can overflow where their mean does not
        return mean if math.isfinite(mean) else float(np.sum(values / values.size))

    def backward(self, y_true, y_pred):
        y_true, y_pred = self._inputs(y_true, y_pred)
        grad = np.exp(y_pred) - y_true if self.log_input else 1.0 - y_true / (y_pred + POISSON_EPS)
        grad /= y_true.size
        return grad
